package org.branchlink.gateway.circulation;

import java.sql.Timestamp;
import java.time.Instant;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.live.LiveChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The holds service marks a copy allocated to a hold (or frees it); lending then routes and keeps the copy. */
@Component
public class CopyHolds {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CopyHolds(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Joins the caller's transaction; locks the copy's lending row like an event would. The desk of the site whose
	 * shelves hold the copy hears it has one more to pull once the transaction committed.
	 */
	public void allocate(ItemRef copy, long holdId, String pickup, String card, Instant since) {
		jdbc.sql("""
				insert into circulation_item (site_id, barcode, work_id, held_for, held_pickup, held_card, held_since)
				values (:site, :barcode, :work, :hold, :pickup, :card, :since)
				on conflict (site_id, barcode) do update set held_for = excluded.held_for,
				    held_pickup = excluded.held_pickup, held_card = excluded.held_card, held_since = excluded.held_since
				returning coalesce(circulation_item.at_site, circulation_item.site_id)""")
			.param("site", copy.siteId())
			.param("barcode", copy.barcode())
			.param("work", copy.workId())
			.param("hold", Long.toString(holdId))
			.param("pickup", pickup)
			.param("card", card)
			.param("since", Timestamp.from(since))
			.query(String.class)
			.optional()
			.ifPresent(shelf -> events.publishEvent(LiveChange.pull(copy, shelf)));
	}

	/** Frees a copy of a hold that ended (cancelled, expired) unless it was allocated to another since. */
	public void free(String site, String barcode, long holdId) {
		jdbc.sql("""
				update circulation_item set held_for = null, held_pickup = null, held_card = null, held_since = null
				where site_id = :site and barcode = :barcode and held_for = :hold""")
			.param("site", site)
			.param("barcode", barcode)
			.param("hold", Long.toString(holdId))
			.update();
	}

}
