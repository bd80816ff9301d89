package org.branchlink.gateway.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.CopyHolds;
import org.branchlink.gateway.circulation.HeldFor;
import org.branchlink.gateway.circulation.HoldEvents;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing holds and allocating copies to them. A hold is stored first (it is the reader's place in the queue), then,
 * when no earlier hold on the work is waiting, a copy on the shelf is chosen by {@link HoldTargeting} and allocated in
 * its own transaction; the database's unique index on the allocated copy makes a second allocation of the same copy
 * fail, on any node, and the next candidate is tried.
 */
@Component
public class HoldQueue implements HoldEvents {

	private static final Logger log = LoggerFactory.getLogger(HoldQueue.class);

	private final HoldStore store;

	private final CatalogCopies catalog;

	private final TransactionTemplate transactions;

	private final SiteDirectory sites;

	private final HoldPolicy policy;

	private final Clock clock;

	private final CopyHolds copies;

	private final NotificationSender notifications;

	private final HoldCopies copyQueries;

	HoldQueue(HoldStore store, CatalogCopies catalog, TransactionTemplate transactions, SiteDirectory sites,
			HoldPolicy policy, Clock clock, CopyHolds copies, NotificationSender notifications, HoldCopies copyQueries) {
		this.store = store;
		this.catalog = catalog;
		this.copyQueries = copyQueries;
		this.transactions = transactions;
		this.sites = sites;
		this.policy = policy;
		this.clock = clock;
		this.copies = copies;
		this.notifications = notifications;
	}

	/**
	 * A hold as its reader sees it.
	 *
	 * @param id the hold
	 * @param workId the work
	 * @param title its title
	 * @param pickupSite where to collect
	 * @param status waiting, allocated, in_transit, ready, collected, cancelled, expired
	 * @param placedAt when placed
	 * @param allocatedSite the site of the copy allocated, when one is
	 */
	public record HoldView(long id, String workId, String title, String pickupSite, String status, Instant placedAt,
			String allocatedSite) {
	}

	/** Places a title-level hold (copy null) or a copy-level hold, then allocates a copy when one is free. */
	public HoldView place(Reader reader, String workId, ItemRef copy, String pickupSite) {
		SiteRegistry registry = sites.require();
		if (pickupSite == null || registry.find(pickupSite).isEmpty()) {
			throw new IllegalArgumentException("unknown pickup site '" + pickupSite + "'");
		}
		Hold hold = Hold.place(reader.cardNumber(), workId, copy == null ? null : CopyId.of(copy), pickupSite,
				clock.instant());
		transactions.executeWithoutResult(status -> {
			int active = store.openCount(reader.cardNumber());
			if (active >= policy.perReader()) {
				throw new ConflictException("hold-limit", active, policy.perReader());
			}
			if (store.hasOpen(reader.cardNumber(), workId)) {
				throw new ConflictException("hold-duplicate");
			}
			store.insert(hold);
		});
		if (store.isFirstInQueue(hold)) {
			allocate(hold, reader.homeSite(), false);
		}
		else if (copyQueries.hasNewAcquisition(workId)) {
			// the earlier holds may not take a new acquisition kept for this reader's township: this one may
			allocate(hold, reader.homeSite(), true);
		}
		return view(hold.id());
	}

	/** Allocates a copy on the shelf to a waiting hold; returns the copy, or empty when none is free. */
	public Optional<ItemRef> allocate(long holdId, String readerHomeSite) {
		return store.find(holdId).flatMap(hold -> allocate(hold, readerHomeSite, false));
	}

	/**
	 * @param protectedOnly only new acquisitions of the reader's own township (kept from readers elsewhere, so out of
	 *        reach of the holds ahead in the queue)
	 */
	private Optional<ItemRef> allocate(Hold hold, String readerHomeSite, boolean protectedOnly) {
		if (hold.status() != Hold.Status.WAITING) {
			return Optional.empty();
		}
		SiteRegistry registry = sites.require();
		String readerTownship = registry.townshipOf(readerHomeSite).map(Site::id).orElse(null);
		List<CopyCandidate> candidates = new ArrayList<>(copyQueries.candidates(hold));
		if (protectedOnly) {
			Instant youngSince = clock.instant().minus(Duration.ofDays(policy.localDays()));
			candidates.removeIf(c -> c.catalogedAt() == null || !c.catalogedAt().isAfter(youngSince) || readerTownship == null
					|| !readerTownship.equals(registry.townshipOf(c.shelfSite()).map(Site::id).orElse(null)));
		}
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Integer> load = copyQueries.recentLoad();
		HoldTargeting targeting = new HoldTargeting(new TransportCosts(registry,
				policy.overrides() == null ? Map.of() : policy.overrides()), site -> !policy.closedSites().contains(site),
				site -> load.getOrDefault(site, 0), policy.loadWeight(), Duration.ofDays(policy.localDays()), ThreadLocalRandom.current());
		Hold current = hold;
		while (!candidates.isEmpty()) {
			Optional<CopyCandidate> chosen = targeting.choose(hold.pickupSite(), readerTownship,
					site -> registry.townshipOf(site).map(Site::id).orElse(null), candidates, clock.instant());
			if (chosen.isEmpty()) {
				return Optional.empty();
			}
			ItemRef copy = chosen.get().item();
			Hold attempt = current;
			if (!attempt.allocate(CopyId.of(copy), clock.instant())) {
				return Optional.empty();
			}
			try {
				Boolean allocated = transactions.execute(status -> {
					boolean saved = store.save(attempt, Hold.Status.WAITING);
					if (saved) {
						copies.allocate(copy, attempt.id(), attempt.pickupSite(), attempt.card(), clock.instant());
					}
					return saved;
				});
				if (Boolean.TRUE.equals(allocated)) {
					return Optional.of(copy);
				}
			}
			catch (DuplicateKeyException taken) {
				// another hold got this copy first (another request or node): try the next candidate
			}
			// not written: the copy went to another hold, or this hold moved meanwhile; as it is stored now
			current = store.find(hold.id()).orElseThrow();
			if (current.status() != Hold.Status.WAITING) {
				return Optional.empty();
			}
			candidates.removeIf(c -> c.item().siteId().equals(copy.siteId()) && c.item().barcode().equals(copy.barcode()));
		}
		log.debug("Hold {}: no copy free", hold.id());
		return Optional.empty();
	}

	public HoldView view(long id) {
		Hold hold = store.find(id).orElseThrow(() -> new NotFoundException("hold", Long.toString(id)));
		return views(List.of(hold)).get(0);
	}

	public List<HoldView> holdsOf(String card) {
		return views(store.openOf(card));
	}

	private List<HoldView> views(List<Hold> holds) {
		Map<String, String> titles = catalog.titles(holds.stream().map(Hold::workId).toList());
		return holds.stream()
			.map(h -> new HoldView(h.id(), h.workId(), titles.get(h.workId()), h.pickupSite(), h.status().code(),
					h.placedAt(), h.allocated() == null ? null : h.allocated().siteId()))
			.toList();
	}

	@Override
	public void inTransit(long holdId) {
		move(holdId, Hold::ship);
	}

	@Override
	public void ready(long holdId, String site) {
		Instant now = clock.instant();
		Duration pickupDays = Duration.ofDays(policy.pickupDays());
		store.find(holdId).ifPresent(hold -> {
			Hold.Status was = hold.status();
			if (hold.ready(now, pickupDays) && store.save(hold, was)) {
				notifications.holdReady(hold.card(), holdId, site, hold.expiresAt());
			}
		});
	}

	@Override
	public void collected(long holdId) {
		Instant now = clock.instant();
		move(holdId, hold -> hold.collect(now));
	}

	@Override
	public void released(long holdId, String reason) {
		store.find(holdId).ifPresent(hold -> {
			Hold.Status was = hold.status();
			if (hold.release() && store.save(hold, was)) {
				log.info("Hold {} back in its queue ({}); looking for another copy", holdId, reason);
				String home = store.homeSiteOf(hold).orElse(null);
				afterCommit(() -> allocate(holdId, home));
			}
		});
	}

	/** Applies a verb to the stored hold and writes it when it moved (and nobody moved it meanwhile). */
	private boolean move(long holdId, Predicate<Hold> verb) {
		return store.find(holdId).map(hold -> {
			Hold.Status was = hold.status();
			return verb.test(hold) && store.save(hold, was);
		}).orElse(false);
	}

	@Override
	public Optional<HeldFor> claim(ItemRef copy, String inHandAt, Instant at) {
		// FIFO, or (queue-order pickup-site-first) first the holds to be collected where the copy is now
		return store.firstWaitingFor(copy.workId(), CopyId.of(copy), inHandAt,
					policy.queueOrder() == HoldPolicy.QueueOrder.PICKUP_SITE_FIRST)
			.filter(hold -> hold.allocate(CopyId.of(copy), clock.instant()) && store.save(hold, Hold.Status.WAITING))
			.map(hold -> new HeldFor(Long.toString(hold.id()), hold.pickupSite(), hold.card(), at));
	}

	@Override
	public void copyAvailable(String workId) {
		afterCommit(() -> allocateNext(workId));
	}

	/** Gives a free copy of the work to the first hold in its queue (FIFO; suspended holds wait their date). */
	void allocateNext(String workId) {
		store.firstWaiting(workId).ifPresent(next -> allocate(next, store.homeSiteOf(next).orElse(""), false));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/** The reader pauses a waiting hold until a date (null resumes it); it keeps its place in the queue. */
	public void suspend(Reader reader, long holdId, LocalDate until) {
		Hold hold = store.find(holdId).filter(h -> h.card().equals(reader.cardNumber()))
			.orElseThrow(() -> new IllegalArgumentException("no waiting hold " + holdId + " of this reader"));
		if (!hold.suspend(until) || !store.save(hold, Hold.Status.WAITING)) {
			throw new IllegalArgumentException("no waiting hold " + holdId + " of this reader");
		}
	}

	/** The reader cancels one of their holds; a copy allocated to it goes to the next hold. */
	public void cancel(Reader reader, long holdId) {
		CopyId freed = transactions.execute(status -> {
			Hold hold = store.find(holdId).filter(h -> h.card().equals(reader.cardNumber()))
				.orElseThrow(() -> new IllegalArgumentException("no open hold " + holdId + " of this reader"));
			Hold.Status was = hold.status();
			CopyId kept = hold.allocated();
			if (!hold.cancel(clock.instant()) || !store.save(hold, was)) {
				throw new IllegalArgumentException("no open hold " + holdId + " of this reader");
			}
			if (kept != null) {
				copies.free(kept.siteId(), kept.barcode(), holdId);
			}
			return kept;
		});
		log.debug("Hold {} cancelled (copy {})", holdId, freed == null ? null : freed.barcode());
	}

}
