package org.branchlink.sync;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the sync routes' shared dead letter recorded: every exchange a route gave up on (a file refused whole, a feed
 * that could not be read, a change a site's system never took), with its route, site and why. Read by the central
 * staff's deliveries page.
 */
@Component
public class SyncFailures {

	private final JdbcClient jdbc;

	SyncFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One failure as the dead letter recorded it.
	 *
	 * @param routeId the route that gave up ({@code marc-file.baishi}, {@code site-webhook.baishi})
	 * @param siteId its site, when the route is a site's
	 * @param source the file or item it was about, when there is one
	 * @param error the exception's kind and message
	 */
	public record Failure(long id, String routeId, String siteId, String source, String error, Instant at) {
	}

	/** The latest failures, newest first. */
	public List<Failure> latest(int limit) {
		return jdbc.sql("""
				select id, route_id, site_id, source, error, created_at from sync_failure
				order by created_at desc, id desc limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Failure(rs.getLong("id"), rs.getString("route_id"), rs.getString("site_id"),
					rs.getString("source"), rs.getString("error"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
