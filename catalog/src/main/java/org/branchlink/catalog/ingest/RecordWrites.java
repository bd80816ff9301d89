package org.branchlink.catalog.ingest;

import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.ingest.WorkStore.Placed;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Item;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that write a batch's records and copies for {@link WorkStore#saveRecords}: COPY for records new to
 * the site, batched upserts for changed ones, one {@code unnest} upsert for the copies. Callers hold the transaction.
 */
final class RecordWrites {

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	RecordWrites(JdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	private static final String RECORD_COLUMNS = """
			site_id, record_id, version, content_sha1, work_id, title, other_titles, authors, isbns, publisher, year,
			language, format, classification, subjects, source_format, source, last_run, links""";

	void copy(String siteId, List<Placed> records, long runId) {
		CopyRows rows = new CopyRows();
		for (Placed placed : records) {
			BibRecord r = placed.stored().record();
			rows.text(siteId).text(r.recordId()).text(r.version()).text(placed.stored().contentSha1())
				.text(placed.workId()).text(r.title()).array(r.otherTitles()).array(r.authors()).array(r.isbns())
				.text(r.publisher()).number(r.year()).text(r.language()).text(r.format()).text(r.classification())
				.array(r.subjects()).text(placed.stored().sourceFormat()).bytes(placed.stored().source())
				.number(runId).array(r.links())
				.endRow();
		}
		jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bib_record (" + RECORD_COLUMNS + ") from stdin", rows.content());
			}
			catch (IOException ex) {
				throw new SQLException("could not copy " + rows.rows() + " records to PostgreSQL", ex);
			}
		});
	}

	void upsert(String siteId, List<Placed> records, long runId) {
		jdbc.batchUpdate("insert into bib_record (" + RECORD_COLUMNS + """
				, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (site_id, record_id) do update set version = excluded.version,
				    content_sha1 = excluded.content_sha1, work_id = excluded.work_id, title = excluded.title,
				    other_titles = excluded.other_titles, authors = excluded.authors, isbns = excluded.isbns,
				    publisher = excluded.publisher, year = excluded.year, language = excluded.language,
				    format = excluded.format, classification = excluded.classification, subjects = excluded.subjects,
				    source_format = excluded.source_format, source = excluded.source, last_run = excluded.last_run,
				    links = excluded.links,
				    updated_at = now()""", records, 1000, (ps, placed) -> {
			BibRecord r = placed.stored().record();
			ps.setString(1, siteId);
			ps.setString(2, r.recordId());
			ps.setString(3, r.version());
			ps.setString(4, placed.stored().contentSha1());
			ps.setString(5, placed.workId());
			ps.setString(6, r.title());
			ps.setArray(7, array(ps, r.otherTitles()));
			ps.setArray(8, array(ps, r.authors()));
			ps.setArray(9, array(ps, r.isbns()));
			ps.setString(10, r.publisher());
			ps.setInt(11, r.year());
			ps.setString(12, r.language());
			ps.setString(13, r.format());
			ps.setString(14, r.classification());
			ps.setArray(15, array(ps, r.subjects()));
			ps.setString(16, placed.stored().sourceFormat());
			ps.setBytes(17, placed.stored().source());
			ps.setLong(18, runId);
			ps.setArray(19, array(ps, r.links()));
		});
	}

	/** The records' copies, one statement: a barcode the site already has moves to the record that lists it now. */
	void items(String siteId, List<Placed> records) {
		// a barcode is one copy of the site: when two records claim it, the later one has it (as across batches)
		Map<String, Object[]> items = new LinkedHashMap<>();
		for (Placed placed : records) {
			for (Item item : placed.stored().record().items()) {
				items.remove(item.barcode());
				items.put(item.barcode(), new Object[] { item.barcode(), placed.stored().record().recordId(),
						item.callNumber(), item.location(), item.status(),
						item.acquired() == null ? null : item.acquired().toString() });
			}
		}
		if (items.isEmpty()) {
			return;
		}
		String[][] columns = new String[6][items.size()];
		int row = 0;
		for (Object[] item : items.values()) {
			for (int column = 0; column < 6; column++) {
				columns[column][row] = (String) item[column];
			}
			row++;
		}
		client.sql("""
				insert into item (site_id, barcode, record_id, call_number, location, status, acquired_on)
				select :site, * from unnest(:barcodes::text[], :records::text[], :calls::text[], :locations::text[],
				    :statuses::text[], :acquired::date[])
				on conflict (site_id, barcode) do update set record_id = excluded.record_id,
				    call_number = excluded.call_number, location = excluded.location, status = excluded.status,
				    acquired_on = excluded.acquired_on""")
			.param("site", siteId)
			.param("barcodes", columns[0])
			.param("records", columns[1])
			.param("calls", columns[2])
			.param("locations", columns[3])
			.param("statuses", columns[4])
			.param("acquired", columns[5])
			.update();
	}

	private static Array array(PreparedStatement ps, List<String> values) throws SQLException {
		return ps.getConnection().createArrayOf("text", values.toArray());
	}

}
