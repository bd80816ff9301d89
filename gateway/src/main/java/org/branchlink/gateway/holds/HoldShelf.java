package org.branchlink.gateway.holds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.gateway.circulation.CopyHolds;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.transfer.MobileCarrier;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The hold shelf's work: what each site must pull for holds, and holds left uncollected. */
@Component
public class HoldShelf {

	private static final Logger log = LoggerFactory.getLogger(HoldShelf.class);

	private final HoldStore store;

	private final CatalogCopies catalog;

	private final TransactionTemplate transactions;

	private final CopyHolds copies;

	private final Clock clock;

	private final ObjectProvider<MobileCarrier> carrier;

	HoldShelf(HoldStore store, CatalogCopies catalog, TransactionTemplate transactions, CopyHolds copies, Clock clock,
			ObjectProvider<MobileCarrier> carrier) {
		this.store = store;
		this.catalog = catalog;
		this.carrier = carrier;
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
			String pickupSite, Instant allocatedAt, String carrierUnit, LocalDate carrierDay) {
	}

	public List<PullItem> pullList(String site) {
		List<Hold> toPull = store.toPull();
		Map<CopyId, CatalogCopies.CopyDetails> copies = catalog.describe(toPull.stream().map(Hold::allocated).toList());
		return toPull.stream()
			.filter(hold -> copies.containsKey(hold.allocated()))
			.filter(hold -> site.equals(copies.get(hold.allocated()).shelfSite()))
			.map(hold -> {
				CatalogCopies.CopyDetails copy = copies.get(hold.allocated());
				return new PullItem(hold.id(), copy.copy().barcode(), copy.callNumber(), copy.location(), copy.title(),
						hold.pickupSite(), hold.allocatedAt(), null, null);
			})
			.sorted(Comparator.comparing(PullItem::callNumber).thenComparing(PullItem::allocatedAt))
			.map(this::withRide)
			.toList();
	}

	/** A hold collected at a stop a mobile unit serves rides on the unit's next planned visit there. */
	private PullItem withRide(PullItem item) {
		MobileCarrier mobile = carrier.getIfAvailable();
		if (mobile == null) {
			return item;
		}
		LocalDate today = LocalDate.now(clock);
		return mobile.nextVisit(item.pickupSite(), today.minusDays(1), today.plusDays(21))
			.map(ride -> new PullItem(item.holdId(), item.barcode(), item.callNumber(), item.location(), item.title(),
					item.pickupSite(), item.allocatedAt(), ride.unitId(), ride.day()))
			.orElse(item);
	}

	/**
	 * Holds ready longer than the pickup days expire; their copies are scanned back in at the pickup site by
	 * BranchLink, which gives each to the next hold in its queue or sends it home. Returns how many expired.
	 */
	public int expire(LendingDesk desk) {
		Instant now = clock.instant();
		int expired = 0;
		for (Hold hold : store.uncollectedAt(now, 1000)) {
			CopyId copy = hold.allocated();
			Boolean done = transactions.execute(status -> {
				boolean moved = hold.expire(now) && store.save(hold, Hold.Status.READY);
				if (moved) {
					copies.free(copy.siteId(), copy.barcode(), hold.id());
				}
				return moved;
			});
			if (Boolean.TRUE.equals(done)) {
				expired++;
				String site = hold.pickupSite();
				desk.submit(new CirculationBatch(site, "hold expiry", List.of(new CirculationEvent(site, "bl-expire-" + hold.id(),
						CirculationAction.CHECKIN, now, copy.barcode(), copy.siteId(), null, null, null)), List.of()));
			}
		}
		if (expired > 0) {
			log.info("Holds: {} uncollected holds expired; their copies went to the next holds or home", expired);
		}
		return expired;
	}

}
