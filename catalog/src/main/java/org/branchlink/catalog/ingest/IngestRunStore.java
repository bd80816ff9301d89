package org.branchlink.catalog.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.QuarantinedRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ingest runs and the quarantine in PostgreSQL. */
@Component
public class IngestRunStore {

	private static final int RAW_KEPT = 64 * 1024;

	private final JdbcClient jdbc;

	IngestRunStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a new run as running; returns its id. */
	public long start(String siteId, String source, IngestMode mode, Instant now) {
		return jdbc.sql("""
				insert into ingest_run (site_id, source, mode, state, started_at)
				values (:site, :source, :mode, 'running', :now) returning id""")
			.param("site", siteId)
			.param("source", source)
			.param("mode", mode.name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Stores a run's counts and state. */
	public void save(IngestReport report) {
		jdbc.sql("""
				update ingest_run set state = :state, read = :read, added = :added, updated = :updated,
				    unchanged = :unchanged, deleted = :deleted, quarantined = :quarantined, finished_at = :finished,
				    message = :message where id = :id""")
			.param("state", report.state())
			.param("read", report.read())
			.param("added", report.added())
			.param("updated", report.updated())
			.param("unchanged", report.unchanged())
			.param("deleted", report.deleted())
			.param("quarantined", report.quarantined())
			.param("finished", report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()))
			.param("message", report.message())
			.param("id", report.runId())
			.update();
	}

	/** Finished and failed runs, newest first; of one site, or all when {@code siteId} is null. */
	public List<IngestReport> finished(String siteId, int limit) {
		return jdbc.sql("""
				select * from ingest_run where state <> 'running' and (cast(:site as text) is null or site_id = :site)
				order by id desc limit :limit""")
			.param("site", siteId)
			.param("limit", limit)
			.query((rs, row) -> report(rs))
			.list();
	}

	/** Keeps a refused record with where it was and why (its raw bytes up to 64 KiB). */
	public void quarantine(long runId, String siteId, String source, String position, String reason, byte[] raw) {
		jdbc.sql("""
				insert into quarantine (run_id, site_id, source, position, reason, raw)
				values (:run, :site, :source, :position, :reason, :raw)""")
			.param("run", runId)
			.param("site", siteId)
			.param("source", source)
			.param("position", position)
			.param("reason", reason)
			.param("raw", raw == null || raw.length <= RAW_KEPT ? raw : Arrays.copyOf(raw, RAW_KEPT))
			.update();
	}

	/** Refused records, newest first; of one site, or of all when {@code siteId} is null. */
	public List<QuarantinedRecord> quarantined(String siteId, int limit) {
		return jdbc.sql("""
				select id, run_id, site_id, source, position, reason, created_at from quarantine
				where cast(:site as text) is null or site_id = :site order by id desc limit :limit""")
			.param("site", siteId)
			.param("limit", limit)
			.query((rs, row) -> new QuarantinedRecord(rs.getLong("id"), rs.getLong("run_id"), rs.getString("site_id"),
					rs.getString("source"), rs.getString("position"), rs.getString("reason"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static IngestReport report(ResultSet rs) throws SQLException {
		Timestamp started = rs.getTimestamp("started_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		int read = rs.getInt("read");
		double rate = finished == null ? 0
				: Math.round(read / Math.max(0.001, (finished.getTime() - started.getTime()) / 1000.0) * 10) / 10.0;
		return new IngestReport(rs.getLong("id"), rs.getString("site_id"), rs.getString("source"),
				IngestMode.valueOf(rs.getString("mode")), rs.getString("state"), read, rs.getInt("added"),
				rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("deleted"), rs.getInt("quarantined"),
				started.toInstant(), finished == null ? null : finished.toInstant(), rate, rs.getString("message"));
	}

}
