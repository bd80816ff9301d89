package org.branchlink.gateway.holds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.circulation.CopyHolds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The hold shelf's work: what each site must pull for holds, and holds left uncollected. */
@Component
public class HoldShelf {

	private static final Logger log = LoggerFactory.getLogger(HoldShelf.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CopyHolds copies;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<org.branchlink.gateway.transfer.MobileCarrier> carrier;

	HoldShelf(JdbcClient jdbc, TransactionTemplate transactions, CopyHolds copies, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.branchlink.gateway.transfer.MobileCarrier> carrier) {
		this.carrier = carrier;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.copies = copies;
		this.clock = clock;
	}

	/**
	 * A copy waiting for a hold: the pull list of the site whose shelf it is on.
	 *
	 * @param carrierUnit the mobile unit that takes it to a pickup stop it serves (its next planned visit), or null
	 * @param carrierDay that visit's day
	 * @param holdId the hold
	 * @param barcode the copy
	 * @param callNumber where to find it
	 * @param location the shelving location
	 * @param title its title
	 * @param pickupSite where it must go (the transit slip)
	 * @param allocatedAt since when it waits
	 */
	public record PullItem(long holdId, String barcode, String callNumber, String location, String title,
			String pickupSite, Instant allocatedAt, String carrierUnit, java.time.LocalDate carrierDay) {
	}

	public List<PullItem> pullList(String site) {
		return jdbc.sql("""
				select h.id, h.allocated_barcode, i.call_number, i.location, r.title, h.pickup_site, h.allocated_at
				from hold h join item i on i.site_id = h.allocated_site and i.barcode = h.allocated_barcode
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode
				where h.status = 'allocated' and coalesce(s.at_site, h.allocated_site) = :site
				order by i.call_number, h.allocated_at""")
			.param("site", site)
			.query((rs, n) -> new PullItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), null, null))
			.list()
			.stream()
			.map(this::withRide)
			.toList();
	}

	/** A hold collected at a stop a mobile unit serves rides on the unit's next planned visit there. */
	private PullItem withRide(PullItem item) {
		org.branchlink.gateway.transfer.MobileCarrier mobile = carrier.getIfAvailable();
		if (mobile == null) {
			return item;
		}
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		return mobile.nextVisit(item.pickupSite(), today.minusDays(1), today.plusDays(21))
			.map(ride -> new PullItem(item.holdId(), item.barcode(), item.callNumber(), item.location(), item.title(),
					item.pickupSite(), item.allocatedAt(), ride.unitId(), ride.day()))
			.orElse(item);
	}

	/**
	 * Holds ready longer than the pickup days expire; their copies are scanned back in at the pickup site by
	 * BranchLink, which gives each to the next hold in its queue or sends it home. Returns how many expired.
	 */
	public int expire(org.branchlink.gateway.circulation.LendingDesk desk) {
		List<Map<String, Object>> due = jdbc.sql("""
				select id, pickup_site, allocated_site, allocated_barcode from hold
				where status = 'ready' and expires_at < :now order by expires_at limit 1000""")
			.param("now", Timestamp.from(clock.instant()))
			.query()
			.listOfRows();
		int expired = 0;
		for (Map<String, Object> hold : due) {
			long id = ((Number) hold.get("id")).longValue();
			Integer n = transactions.execute(status -> {
				int updated = jdbc.sql("update hold set status = 'expired', closed_at = now() where id = :id and status = 'ready'")
					.param("id", id)
					.update();
				if (updated == 1) {
					copies.free((String) hold.get("allocated_site"), (String) hold.get("allocated_barcode"), id);
				}
				return updated;
			});
			if (n != null && n == 1) {
				expired++;
				String site = (String) hold.get("pickup_site");
				desk.submit(new org.branchlink.sync.circulation.EventBatch(site, "hold expiry", List.of(
						new org.branchlink.sync.circulation.CirculationEvent(site, "bl-expire-" + id,
								org.branchlink.sync.circulation.EventType.CHECKIN, clock.instant(),
								(String) hold.get("allocated_barcode"), (String) hold.get("allocated_site"), null, null,
								null)), List.of()));
			}
		}
		if (expired > 0) {
			log.info("Holds: {} uncollected holds expired; their copies went to the next holds or home", expired);
		}
		return expired;
	}

}
