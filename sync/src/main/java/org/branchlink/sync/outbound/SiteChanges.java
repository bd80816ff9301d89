package org.branchlink.sync.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.branchlink.site.ConnectorKind;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What BranchLink tells each site's own system: a change is recorded in the transaction that made it (so it is told
 * exactly when the change holds), listed to the site in id order by its change feed, and delivered to the site's
 * webhook where it has one ({@link SiteWebhookTemplate}). A change the webhook gave up on is listed as dead until
 * someone replays it; later changes of the same copy wait for it.
 */
@Component
public class SiteChanges {

	/** The most changes one page of the feed lists. */
	public static final int MAX_PAGE = 500;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	SiteChanges(JdbcClient jdbc, SiteDirectory sites) {
		this.jdbc = jdbc;
		this.sites = sites;
	}

	/**
	 * Whether the site has a system of its own to tell: a connector, or a webhook. A site run wholly on BranchLink's
	 * pages (a village centre) is told nothing, and nothing is kept for it.
	 */
	public boolean hasOwnSystem(String siteId) {
		return siteId != null && sites.current().flatMap(registry -> registry.find(siteId))
			.map(site -> site.connector().kind() != ConnectorKind.NONE
					|| site.connector().parameters().containsKey("webhook-url"))
			.orElse(false);
	}

	/**
	 * Records a change for a site, in the caller's transaction.
	 *
	 * @param siteId the site to tell
	 * @param kind what it is about
	 * @param copy the barcode of the copy it concerns (changes of one copy keep their order), or null
	 * @param subject what it concerns ({@code hold:12}…)
	 * @param data its details: strings, numbers, booleans, nested maps and lists; no reader's personal data
	 */
	public void record(String siteId, SiteChangeKind kind, String copy, String subject, Map<String, ?> data) {
		if (!hasOwnSystem(siteId)) {
			return;
		}
		jdbc.sql("""
				insert into site_change (site_id, kind, copy_key, subject, payload)
				values (:site, :kind, :copy, :subject, cast(:payload as jsonb))""")
			.param("site", siteId)
			.param("kind", kind.code())
			.param("copy", copy)
			.param("subject", subject)
			.param("payload", JSON.writeValueAsString(data))
			.update();
	}

	/** The site's changes after the cursor (a change's id; 0 for the first), oldest first, at most {@code limit}. */
	public List<SiteChange> after(String siteId, long cursor, int limit) {
		return jdbc.sql("select * from site_change where site_id = :site and id > :after order by id limit :limit")
			.param("site", siteId)
			.param("after", cursor)
			.param("limit", Math.max(1, Math.min(limit, MAX_PAGE + 1)))
			.query(SiteChanges::change)
			.list();
	}

	/** A change the webhook gave up on, with why. */
	public record DeadChange(SiteChange change, int attempts, String lastError, Instant deadAt) {
	}

	/** The changes the webhooks gave up on, of every site (or of one), oldest first. */
	public List<DeadChange> dead(String siteId) {
		return jdbc.sql("""
				select * from site_change where dead_at is not null and delivered_at is null
				    and (cast(:site as text) is null or site_id = :site)
				order by id limit 1000""")
			.param("site", siteId)
			.query((rs, n) -> new DeadChange(change(rs, n), rs.getInt("attempts"), rs.getString("last_error"),
					rs.getTimestamp("dead_at").toInstant()))
			.list();
	}

	/** Per site with a webhook: changes waiting to be delivered, and how many were given up on. */
	public record Backlog(String siteId, int waiting, int dead, Instant oldestWaiting) {
	}

	/** The delivery backlog of every site that has one. */
	public List<Backlog> backlog() {
		return jdbc.sql("""
				select site_id, count(*) filter (where dead_at is null) waiting, count(*) filter (where dead_at is not null) dead,
				    min(created_at) filter (where dead_at is null) oldest
				from site_change where delivered_at is null group by site_id order by site_id""")
			.query((rs, n) -> new Backlog(rs.getString("site_id"), rs.getInt("waiting"), rs.getInt("dead"),
					rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
			.list();
	}

	/**
	 * Sends a dead change again: it waits for the webhook's next round, before any later change of its copy.
	 *
	 * @return whether it was dead (false: unknown, or delivered meanwhile)
	 */
	public boolean replay(long id) {
		return jdbc.sql("""
				update site_change set dead_at = null, attempts = 0, next_attempt_at = null
				where id = :id and dead_at is not null and delivered_at is null""")
			.param("id", id)
			.update() == 1;
	}

	/** Forgets the changes older than the retention (delivered or not: a feed reader away that long starts afresh). */
	public int purge(Duration retention) {
		return jdbc.sql("delete from site_change where created_at < clock_timestamp() - cast(:age as interval)")
			.param("age", retention.toSeconds() + " seconds")
			.update();
	}

	static SiteChange change(ResultSet rs, int row) throws SQLException {
		return new SiteChange(rs.getLong("id"), rs.getString("site_id"), SiteChangeKind.of(rs.getString("kind")),
				rs.getString("copy_key"), rs.getString("subject"), JSON.readValue(rs.getString("payload"), DATA),
				rs.getTimestamp("created_at").toInstant());
	}

}
