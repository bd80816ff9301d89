package org.branchlink.sync.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.branchlink.sync.SyncProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The webhook routes' side of the site changes: which node delivers a site's changes (a lease in the database, so on
 * a cluster one node at a time sends them, in order), which to send next, and what each try came to. The back-off
 * schedule is kept in the database, so a restart neither forgets a failing site nor hammers it.
 */
@Component
class WebhookOutbox {

	static final String CLAIMED = "claimedChanges";

	static final String DEAD = "changeDead";

	private final JdbcClient jdbc;

	private final SyncProperties.Webhooks settings;

	private final String node = UUID.randomUUID().toString();

	WebhookOutbox(JdbcClient jdbc, SyncProperties properties) {
		this.jdbc = jdbc;
		this.settings = properties.webhooks();
	}

	/**
	 * The site's next changes to send, oldest first, when this node holds (or takes) the site's lease and the oldest is
	 * not waiting out a back-off; none otherwise. A change later than a dead change of its copy waits for it.
	 */
	public List<SiteChange> claim(@ExchangeProperty("siteId") String siteId, Exchange exchange) {
		List<SiteChange> next = new ArrayList<>();
		if (lease(siteId)) {
			// the changes that may go now, oldest first: not delivered, not dead, not behind a dead change of their copy;
			// the round stops before the first one still waiting out its back-off (only a failed change waits, and the
			// ones after it wait behind it)
			List<Map.Entry<SiteChange, Boolean>> eligible = jdbc.sql("""
					select c.*, c.next_attempt_at > clock_timestamp() as waiting from site_change c
					where c.site_id = :site and c.delivered_at is null and c.dead_at is null
					  and not exists (select 1 from site_change d where d.site_id = c.site_id and d.copy_key = c.copy_key
					      and d.dead_at is not null and d.delivered_at is null and d.id < c.id)
					order by c.id limit :batch""")
				.param("site", siteId)
				.param("batch", settings.batch())
				.query((rs, n) -> Map.entry(SiteChanges.change(rs, n), rs.getBoolean("waiting")))
				.list();
			for (Map.Entry<SiteChange, Boolean> change : eligible) {
				if (change.getValue()) {
					break;
				}
				next.add(change.getKey());
			}
		}
		exchange.setProperty(CLAIMED, next.stream().map(SiteChange::id).toList());
		return next;
	}

	/** The site receiver took the change; the lease is kept a while longer. */
	public void delivered(@ExchangeProperty("changeId") long id, @ExchangeProperty("siteId") String siteId) {
		jdbc.sql("update site_change set delivered_at = clock_timestamp(), last_error = null where id = :id")
			.param("id", id).update();
		lease(siteId);
	}

	/**
	 * The try of the first claimed change not delivered failed: it waits its back-off, or is given up on (dead) after
	 * the last attempt. The exchange's {@link #DEAD} property says which.
	 */
	public void failed(@ExchangeProperty(CLAIMED) List<Long> claimed, Exchange exchange) {
		Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		String why = error == null ? "unknown" : rootMessage(error);
		Long first = claimed == null || claimed.isEmpty() ? null : jdbc.sql("""
				select min(id) from site_change where id in (:claimed) and delivered_at is null""")
			.param("claimed", claimed).query(Long.class).optional().orElse(null);
		if (first == null) {
			exchange.setProperty(DEAD, false);
			return;
		}
		int attempts = jdbc.sql("""
				update site_change set attempts = attempts + 1, last_error = :why where id = :id returning attempts""")
			.param("why", why.length() > 500 ? why.substring(0, 500) : why)
			.param("id", first)
			.query(Integer.class).single();
		boolean dead = attempts >= settings.maxAttempts();
		if (dead) {
			jdbc.sql("update site_change set dead_at = clock_timestamp(), next_attempt_at = null where id = :id")
				.param("id", first).update();
		}
		else {
			jdbc.sql("""
					update site_change set next_attempt_at = clock_timestamp() + cast(:wait as interval) where id = :id""")
				.param("wait", new BackOff(settings.firstRetry(), settings.maxRetry()).after(attempts).toMillis() + " milliseconds")
				.param("id", first).update();
		}
		exchange.setProperty(DEAD, dead);
		exchange.setProperty("changeId", first);
	}

	private boolean lease(String siteId) {
		return !jdbc.sql("""
				insert into site_change_lease (site_id, holder, until)
				values (:site, :node, clock_timestamp() + cast(:ttl as interval))
				on conflict (site_id) do update set holder = excluded.holder, until = excluded.until
				where site_change_lease.holder = excluded.holder or site_change_lease.until < clock_timestamp()
				returning holder""")
			.param("site", siteId)
			.param("node", node)
			.param("ttl", settings.lease().toMillis() + " milliseconds")
			.query(String.class)
			.list()
			.isEmpty();
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
