package org.branchlink.gateway.circulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.catalog.ItemState;
import org.branchlink.gateway.circulation.CirculationStore.StoredEvent;
import org.branchlink.gateway.live.LiveChange;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationIntake;
import org.branchlink.sync.circulation.CirculationIntake.JournalEntry;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.IntakeReport;
import org.branchlink.sync.outbound.SiteChangeKind;
import org.branchlink.sync.outbound.SiteChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The lending service behind the circulation routes. Accepting stores a batch's events in the journal in one
 * transaction (a site's event id seen before is a duplicate). Applying takes each event in its own transaction (for a
 * batch of one event, a savepoint in the transaction that stored it: see {@link #intake}): find
 * the copy by barcode anywhere in the county, lock its row (so one copy's events apply one at a time, on any node),
 * then either apply the event on top of the copy's state, or — when it is older than the newest event applied — replay
 * the copy's whole history in order. The copy's new state goes to the catalogue (and from there to search) in the same
 * transaction, and to open pages on every node once it committed ({@link LiveChange}). An event that fails to apply stays
 * in the journal and the sweep applies it later.
 */
@Component
public class CirculationLedger implements CirculationIntake {

	private static final Logger log = LoggerFactory.getLogger(CirculationLedger.class);

	private final CirculationStore store;

	private final ItemAvailability availability;

	private final CountyLendingRules rules;

	private final TransactionTemplate transactions;

	private final TransactionTemplate applying;

	/** Resolved once (looking the bean up for every event showed in the request path's profile); null without holds. */
	private final SingletonSupplier<HoldEvents> holdEvents;

	private final ApplicationEventPublisher events;

	private final SiteChanges siteChanges;

	CirculationLedger(CirculationStore store, ItemAvailability availability, CountyLendingRules rules,
			TransactionTemplate transactions, ObjectProvider<HoldEvents> holds, ApplicationEventPublisher events,
			SiteChanges siteChanges) {
		this.store = store;
		this.siteChanges = siteChanges;
		this.events = events;
		this.availability = availability;
		this.rules = rules;
		this.transactions = transactions;
		this.applying = new TransactionTemplate(transactions.getTransactionManager());
		// a transaction of its own, or a savepoint inside the one that stored the event (see intake)
		this.applying.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.holdEvents = SingletonSupplier.of(holds::getIfAvailable);
	}

	/**
	 * A batch of one event (a desk's or kiosk's loan, most API calls) is stored and applied in one transaction: one
	 * commit, so one wait for the journal's flush, instead of two. Applying runs in a savepoint, so an event that fails
	 * to apply is still stored, as with two transactions; larger batches take one transaction to store and one per
	 * event to apply, not to hold many copies' locks at once.
	 */
	@Override
	public IntakeReport intake(CirculationBatch batch) {
		if (batch.events().size() != 1) {
			return apply(accept(batch));
		}
		return transactions.execute(status -> apply(accept(batch)));
	}

	@Override
	public Accepted accept(CirculationBatch batch) {
		List<JournalEntry> fresh = transactions.execute(status -> store.insert(batch));
		return new Accepted(batch, fresh, batch.events().size() - fresh.size());
	}

	@Override
	public IntakeReport apply(Accepted accepted) {
		int applied = 0;
		int reordered = 0;
		int conflicts = 0;
		for (JournalEntry entry : accepted.fresh()) {
			try {
				Outcome outcome = applyOne(entry.id(), entry.event());
				applied += outcome.applied() ? 1 : 0;
				reordered += outcome.replayed() ? 1 : 0;
				conflicts += outcome.conflicts();
			}
			catch (RuntimeException ex) {
				// stays in the journal unapplied; the sweep retries it
				log.warn("Circulation event {} stored but not applied yet: {}", entry.id(), ex.toString());
			}
		}
		CirculationBatch batch = accepted.batch();
		return new IntakeReport(batch.siteId(), batch.source(), batch.read(), accepted.fresh().size(),
				accepted.duplicates(), batch.rejected().size(), applied, reordered, conflicts, batch.rejected());
	}

	/** Applies one journal entry unless it is applied already; safe to call from several threads and nodes. */
	Outcome applyOne(long id) {
		StoredEvent stored = store.event(id).orElseThrow();
		if (stored.applied() || stored.outcome() != null) {
			return Outcome.SKIPPED;
		}
		return applyOne(id, stored.event());
	}

	private Outcome applyOne(long id, CirculationEvent event) {
		return applying.execute(status -> {
			List<ItemRef> candidates = availability.find(event.barcode());
			Optional<ItemRef> found = pick(candidates, event);
			if (found.isEmpty()) {
				ConflictKind kind = candidates.isEmpty() ? ConflictKind.UNKNOWN_ITEM : ConflictKind.AMBIGUOUS_ITEM;
				store.markUnapplied(id, kind == ConflictKind.UNKNOWN_ITEM ? "unknown_item" : "ambiguous_item");
				int n = store.conflict(event.siteId(), null, event.barcode(), kind, event.eventId(),
						kind == ConflictKind.UNKNOWN_ITEM ? "no site's catalogue has this barcode; kept, retry when it is catalogued"
								: "the barcode belongs to copies of several sites: " + candidates.stream().map(ItemRef::siteId).toList());
				return new Outcome(false, false, n);
			}
			ItemRef item = found.get();
			ItemCirculation copy = store.lock(item);
			if (!store.claim(id, item.siteId())) {
				return Outcome.SKIPPED; // applied meanwhile (the sweep, another node)
			}
			int conflicts;
			boolean replayed = !copy.isAfterLast(event);
			List<ItemCirculation.Effect> effects;
			if (!replayed) {
				claimForHold(item, copy, event);
				effects = copy.apply(event, rules);
			}
			else {
				List<CirculationEvent> history = new ArrayList<>(store.history(item, id));
				history.add(event);
				store.reset(item);
				ItemCirculation.Replay replay = ItemCirculation.replay(item.siteId(), history, rules, copy.hold());
				copy = replay.copy();
				effects = replay.effects();
			}
			conflicts = store.write(item, effects, rules::keepsHistory);
			tellHolds(effects);
			if (copy.status() == CopyStatus.AVAILABLE && copy.hold() == null) {
				HoldEvents holds = holdEvents.get();
				if (holds != null) {
					holds.copyAvailable(item.workId());
				}
			}
			store.save(item, copy);
			tellOwner(item, copy, event);
			availability.record(item, new ItemState(copy.status().code(), copy.atSite(), copy.destination()));
			events.publishEvent(LiveChange.copy(item, copy.status().code(), copy.atSite(), copy.destination()));
			return new Outcome(true, replayed, conflicts);
		});
	}

	/**
	 * The copy's own site hears what became of it, in this transaction: a loan or return made at another site, or its
	 * new status (a kiosk's or the desk's loan at the site itself included). No reader is named.
	 */
	private void tellOwner(ItemRef item, ItemCirculation copy, CirculationEvent event) {
		boolean elsewhere = !item.siteId().equals(event.siteId());
		SiteChangeKind kind = !elsewhere ? SiteChangeKind.COPY_STATUS : switch (event.type()) {
			case CHECKOUT, RENEW -> SiteChangeKind.LOAN;
			case CHECKIN -> SiteChangeKind.RETURN;
			default -> SiteChangeKind.COPY_STATUS;
		};
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("barcode", item.barcode());
		data.put("workId", item.workId());
		data.put("action", event.type().wireName());
		data.put("status", copy.status().code());
		data.put("reportedBy", event.siteId());
		data.put("occurredAt", event.occurredAt().toString());
		if (copy.atSite() != null) {
			data.put("atSite", copy.atSite());
		}
		if (copy.destination() != null) {
			data.put("destination", copy.destination());
		}
		if (event.dueAt() != null) {
			data.put("dueAt", event.dueAt().toString());
		}
		siteChanges.record(item.siteId(), kind, item.barcode(), "copy:" + item.barcode(), data);
	}

	/** A copy back in hand with no hold on it is offered to the holds waiting for its title. */
	private void claimForHold(ItemRef item, ItemCirculation copy, CirculationEvent event) {
		boolean inHand = event.type() == CirculationAction.CHECKIN
				|| event.type() == CirculationAction.RECEIVE
				|| event.type() == CirculationAction.FOUND;
		HoldEvents holds = holdEvents.get();
		if (inHand && copy.hold() == null && holds != null) {
			holds.claim(item, event.siteId(), event.occurredAt()).ifPresent(copy::holdFor);
		}
	}

	private void tellHolds(List<ItemCirculation.Effect> effects) {
		HoldEvents holds = holdEvents.get();
		if (holds == null) {
			return;
		}
		for (ItemCirculation.Effect effect : effects) {
			if (effect instanceof ItemCirculation.HoldReady ready) {
				holds.ready(Long.parseLong(ready.holdId()), ready.site());
			}
			else if (effect instanceof ItemCirculation.HoldInTransit transit) {
				holds.inTransit(Long.parseLong(transit.holdId()));
			}
			else if (effect instanceof ItemCirculation.HoldCollected collected) {
				holds.collected(Long.parseLong(collected.holdId()));
			}
			else if (effect instanceof ItemCirculation.HoldReleased released) {
				holds.released(Long.parseLong(released.holdId()), released.reason());
			}
		}
	}

	/** The copy an event means: the owner it names, else the only copy with the barcode, else the one at its site. */
	private static Optional<ItemRef> pick(List<ItemRef> candidates, CirculationEvent event) {
		List<ItemRef> matching = event.owner() == null ? candidates
				: candidates.stream().filter(c -> c.siteId().equals(event.owner())).toList();
		if (matching.size() == 1) {
			return Optional.of(matching.get(0));
		}
		return matching.stream().filter(c -> c.siteId().equals(event.siteId())).findFirst();
	}

	/** Applies events left unapplied by a failure or a crash; returns how many it applied. */
	public int sweep() {
		int applied = 0;
		for (long id : store.pending(500)) {
			try {
				applied += applyOne(id).applied() ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Circulation event {} still not applied: {}", id, ex.toString());
			}
		}
		if (applied > 0) {
			log.info("Circulation sweep applied {} events left over", applied);
		}
		return applied;
	}

	/** What applying one event did. */
	record Outcome(boolean applied, boolean replayed, int conflicts) {

		static final Outcome SKIPPED = new Outcome(false, false, 0);

	}

}
