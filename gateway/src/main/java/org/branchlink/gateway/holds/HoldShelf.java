package org.branchlink.gateway.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
	 * <p>
	 * A hold expires in its own transaction and its check-in is sent after: a node dying between the two would leave
	 * the copy freed but never scanned in, and the run taken over by another node would not find that hold again. So
	 * each run first sends again the check-ins of the holds expired in the last day: the journal drops those it has
	 * (their event ids, {@code bl-expire-<hold>}, are the same) and applies one that never arrived.
	 */
	public int expire(LendingDesk desk) {
		Instant now = clock.instant();
		store.expiredSince(now.minus(Duration.ofDays(1)))
			.stream()
			.collect(Collectors.groupingBy(Hold::pickupSite, Collectors.mapping(HoldShelf::checkinOf, Collectors.toList())))
			.forEach((site, checkins) -> desk.submit(new CirculationBatch(site, "hold expiry", checkins, List.of())));
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
				desk.submit(new CirculationBatch(hold.pickupSite(), "hold expiry", List.of(checkinOf(hold)), List.of()));
			}
		}
		if (expired > 0) {
			log.info("Holds: {} uncollected holds expired; their copies went to the next holds or home", expired);
		}
		return expired;
	}

	/** The check-in at the pickup site that hands an expired hold's copy on. */
	private static CirculationEvent checkinOf(Hold hold) {
		CopyId copy = hold.allocated();
		return new CirculationEvent(hold.pickupSite(), "bl-expire-" + hold.id(), CirculationAction.CHECKIN, hold.closedAt(),
				copy.barcode(), copy.siteId(), null, null, null);
	}

}
