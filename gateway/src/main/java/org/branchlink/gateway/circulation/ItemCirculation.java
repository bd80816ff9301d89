package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.branchlink.sync.circulation.CirculationEvent;

/**
 * One copy's lending state, and the rules that move it: the fold of the copy's events in the order they happened.
 * Events are ordered by (site time, site, event id), so the same set of events gives the same state whatever order
 * they arrived in: a late event is never applied on top of newer state, its copy's history is replayed instead
 * ({@link #replay}).
 * <p>
 * Return anywhere: a checkin at the owning site puts the copy back on its shelf; at another site the copy stays there
 * when its owner's collection floats, else it goes in transit home, and is available again when received there.
 * <p>
 * Only who holds a copy changes where it is: another site declaring lost or missing, or sending, a copy that stands on
 * its owner's shelf changes nothing; it is a conflict listed for the owner ({@link ConflictKind#ON_ITS_OWNERS_SHELF}).
 */
public final class ItemCirculation {

	private final String owner;

	private CopyStatus status = CopyStatus.AVAILABLE;

	private String atSite;

	private String destination;

	private OpenLoan loan;

	private HeldFor hold;

	private EventKey last;

	private int events;

	private ItemCirculation(String owner) {
		this.owner = Objects.requireNonNull(owner);
	}

	/** A copy that has never circulated: on its owner's shelf. */
	public static ItemCirculation fresh(String owner) {
		return new ItemCirculation(owner);
	}

	/** A copy as last stored. */
	public static ItemCirculation restore(String owner, CopyStatus status, String atSite, String destination,
			OpenLoan loan, HeldFor hold, EventKey last, int events) {
		ItemCirculation copy = new ItemCirculation(owner);
		copy.status = status;
		copy.atSite = atSite;
		copy.destination = destination;
		copy.loan = loan;
		copy.hold = hold;
		copy.last = last;
		copy.events = events;
		return copy;
	}

	/** The copy's whole history applied in order from a fresh state; the effects of every step, in order. */
	public static Replay replay(String owner, List<CirculationEvent> history, LendingRules rules) {
		return replay(owner, history, rules, null);
	}

	/** A replay of a copy allocated to a hold: the hold comes back at the point of the history it was made. */
	public static Replay replay(String owner, List<CirculationEvent> history, LendingRules rules, HeldFor hold) {
		ItemCirculation copy = fresh(owner);
		List<Effect> effects = new ArrayList<>();
		boolean held = hold == null;
		for (CirculationEvent e : history.stream().sorted(Comparator.comparing(EventKey::of)).toList()) {
			if (!held && !e.occurredAt().isBefore(hold.since())) {
				copy.hold = hold;
				held = true;
			}
			effects.addAll(copy.apply(e, rules));
		}
		if (!held) {
			copy.hold = hold;
		}
		return new Replay(copy, effects);
	}

	/** Whether this event comes after every event applied so far (else the history must be replayed). */
	public boolean isAfterLast(CirculationEvent event) {
		return last == null || EventKey.of(event).compareTo(last) > 0;
	}

	/** Applies one event that comes after every event applied so far; returns what it did to loans and conflicts. */
	public List<Effect> apply(CirculationEvent e, LendingRules rules) {
		List<Effect> effects = new ArrayList<>();
		String site = e.siteId();
		if (refuseWhenOnItsOwnersShelf(e, effects)) {
			last = EventKey.of(e);
			events++;
			return effects;
		}
		switch (e.type()) {
			case CHECKOUT -> checkout(e, rules, effects);
			case CHECKIN -> {
				if (loan != null) {
					if (e.card() != null && loan.card() != null && !e.card().equals(loan.card())) {
						effects.add(conflict(ConflictKind.CHECKIN_OTHER_READER, e, "the copy was on loan to another card"));
					}
					effects.add(close(e, "returned"));
				}
				if (hold != null) {
					toHold(site, effects);
				}
				else if (status == CopyStatus.IN_TRANSIT && site.equals(destination)) {
					shelve(site);
				}
				else {
					returnAt(site, rules);
				}
			}
			case RENEW -> {
				if (loan == null) {
					effects.add(conflict(ConflictKind.RENEW_NOT_ON_LOAN, e, "renewal of a copy that is not on loan"));
				}
				else {
					int days = rules.reader(loan.card()).orElse(rules.unknownReader()).terms().renewalDays();
					Instant from = loan.due().isAfter(e.occurredAt()) ? loan.due() : e.occurredAt();
					Instant due = e.dueAt() != null ? e.dueAt() : rules.due(from, days);
					loan = loan.renewed(due);
					effects.add(new LoanRenewed(loan.key(), due, loan.renewals()));
				}
			}
			case LOST -> {
				if (loan != null) {
					effects.add(close(e, "lost"));
				}
				release(effects, "lost");
				status = CopyStatus.LOST;
				atSite = null;
				destination = null;
			}
			case MISSING -> {
				if (loan != null) {
					effects.add(conflict(ConflictKind.LOAN_ENDED_BY_STAFF, e, "declared missing while on loan"));
					effects.add(close(e, "missing"));
				}
				release(effects, "missing");
				status = CopyStatus.MISSING;
				atSite = null;
				destination = null;
			}
			case FOUND -> {
				if (loan != null) {
					effects.add(close(e, "returned"));
				}
				if (hold != null) {
					toHold(site, effects);
				}
				else {
					returnAt(site, rules);
				}
			}
			case SEND -> {
				if (loan != null) {
					effects.add(conflict(ConflictKind.LOAN_ENDED_BY_STAFF, e, "sent in transit while on loan"));
					effects.add(close(e, "returned"));
				}
				if (hold != null && (e.destination().equals(hold.pickup()) || site.equals(hold.pickup()))) {
					toHold(site, effects);
				}
				else if (e.destination().equals(site)) {
					shelve(site);
				}
				else {
					status = CopyStatus.IN_TRANSIT;
					atSite = site;
					destination = e.destination();
				}
			}
			case RECEIVE -> {
				if (loan != null) {
					effects.add(close(e, "returned"));
				}
				if (hold != null) {
					toHold(site, effects);
				}
				else if (status == CopyStatus.IN_TRANSIT && destination != null && !destination.equals(site)) {
					effects.add(conflict(ConflictKind.RECEIVED_AT_WRONG_SITE, e,
							"meant for " + destination + "; sent on there"));
					atSite = site;
				}
				else {
					shelve(site);
				}
			}
		}
		last = EventKey.of(e);
		events++;
		return effects;
	}

	/**
	 * A copy in its owner's hands (on its shelf, or on its hold shelf there) can be declared lost or missing, or sent,
	 * by its owner only: from another site the event changes nothing and is listed for the owner's librarians.
	 */
	private boolean refuseWhenOnItsOwnersShelf(CirculationEvent e, List<Effect> effects) {
		boolean staffChange = switch (e.type()) {
			case LOST, MISSING, SEND -> true;
			default -> false;
		};
		boolean atOwner = (status == CopyStatus.AVAILABLE || status == CopyStatus.ON_HOLD_SHELF) && atSite == null;
		if (!staffChange || !atOwner || e.siteId().equals(owner)) {
			return false;
		}
		effects.add(new Conflict(ConflictKind.ON_ITS_OWNERS_SHELF, owner, e.siteId(), e.eventId(), e.barcode(),
				e.siteId() + " reported the copy " + e.type().name().toLowerCase(Locale.ROOT)
						+ " while it stood on its owner's shelf; not applied"));
		return true;
	}

	private void checkout(CirculationEvent e, LendingRules rules, List<Effect> effects) {
		var reader = rules.reader(e.card());
		if (reader.isEmpty()) {
			effects.add(conflict(ConflictKind.UNKNOWN_READER, e, "no reader has this card; default terms used"));
		}
		var terms = reader.orElse(rules.unknownReader());
		if (loan != null) {
			if (loan.card() != null && loan.card().equals(e.card())) {
				// the same reader again (a second scan, or offline and online records of one checkout): one loan
				return;
			}
			effects.add(conflict(ConflictKind.CHECKOUT_WHILE_ON_LOAN, e,
					"the copy was still on loan; that loan is closed at this checkout"));
			effects.add(close(e, "implicit"));
		}
		if (hold != null) {
			if (e.card().equals(hold.card())) {
				effects.add(new HoldCollected(hold.holdId()));
			}
			else {
				effects.add(conflict(ConflictKind.HELD_COPY_CHECKED_OUT, e,
						"the copy was set aside for hold " + hold.holdId() + "; the hold goes back to the queue"));
				effects.add(new HoldReleased(hold.holdId(), "lent to another reader"));
			}
			hold = null;
		}
		Instant due = e.dueAt() != null ? e.dueAt() : rules.due(e.occurredAt(), terms.terms().loanDays());
		loan = new OpenLoan(e.siteId() + ":" + e.eventId(), e.card(), terms.category(), e.siteId(), e.occurredAt(), due, 0);
		effects.add(new LoanOpened(loan));
		status = CopyStatus.ON_LOAN;
		atSite = null;
		destination = null;
	}

	/** In hand at a site while allocated to a hold: on the hold shelf at the pickup site, else on its way there. */
	private void toHold(String site, List<Effect> effects) {
		if (site.equals(hold.pickup())) {
			status = CopyStatus.ON_HOLD_SHELF;
			atSite = site.equals(owner) ? null : site;
			destination = null;
			effects.add(new HoldReady(hold.holdId(), site));
		}
		else {
			status = CopyStatus.IN_TRANSIT;
			atSite = site;
			destination = hold.pickup();
			effects.add(new HoldInTransit(hold.holdId()));
		}
	}

	private void release(List<Effect> effects, String why) {
		if (hold != null) {
			effects.add(new HoldReleased(hold.holdId(), why));
			hold = null;
		}
	}

	/** Back in hand at a site: home, or floating there, or in transit home. */
	private void returnAt(String site, LendingRules rules) {
		if (site.equals(owner) || rules.floats(owner)) {
			shelve(site);
		}
		else {
			status = CopyStatus.IN_TRANSIT;
			atSite = site;
			destination = owner;
		}
	}

	private void shelve(String site) {
		status = CopyStatus.AVAILABLE;
		atSite = site.equals(owner) ? null : site;
		destination = null;
	}

	private LoanClosed close(CirculationEvent e, String how) {
		LoanClosed closed = new LoanClosed(loan.key(), loan.card(), e.occurredAt(), e.siteId(), how);
		loan = null;
		return closed;
	}

	private static Conflict conflict(ConflictKind kind, CirculationEvent e, String detail) {
		return new Conflict(kind, e.siteId(), e.siteId(), e.eventId(), e.barcode(), detail);
	}

	/** Allocates the copy to a hold: lending then routes it to the pickup site and keeps it for the reader. */
	public void holdFor(HeldFor hold) {
		this.hold = hold;
	}

	public String owner() {
		return owner;
	}

	public CopyStatus status() {
		return status;
	}

	public String atSite() {
		return atSite;
	}

	public String destination() {
		return destination;
	}

	public OpenLoan loan() {
		return loan;
	}

	public HeldFor hold() {
		return hold;
	}

	public EventKey last() {
		return last;
	}

	public int events() {
		return events;
	}

	/** The loan a copy is on. */
	public record OpenLoan(String key, String card, String category, String site, Instant since, Instant due,
			int renewals) {

		OpenLoan renewed(Instant newDue) {
			return new OpenLoan(key, card, category, site, since, newDue, renewals + 1);
		}

	}

	/** What applying an event did besides changing the copy's state. */
	public sealed interface Effect permits LoanOpened, LoanRenewed, LoanClosed, Conflict, HoldReady, HoldInTransit,
			HoldCollected, HoldReleased {
	}

	/** The copy is on the hold shelf at the pickup site: tell the reader. */
	public record HoldReady(String holdId, String site) implements Effect {
	}

	/** The copy left for the hold's pickup site. */
	public record HoldInTransit(String holdId) implements Effect {
	}

	/** The hold's reader borrowed it. */
	public record HoldCollected(String holdId) implements Effect {
	}

	/** The copy can no longer fill the hold (lost, missing, lent to another): the hold goes back to its queue. */
	public record HoldReleased(String holdId, String reason) implements Effect {
	}

	/** A loan began. */
	public record LoanOpened(OpenLoan loan) implements Effect {
	}

	/** A loan was renewed: its new due date and renewals so far. */
	public record LoanRenewed(String loanKey, Instant due, int renewals) implements Effect {
	}

	/** @param card the borrower's card (null when already anonymised) */
	public record LoanClosed(String loanKey, String card, Instant at, String site, String how) implements Effect {
	}

	/**
	 * A conflict to list for the librarians of {@code listedFor}: the site where the event happened, or the copy's
	 * owner when the event was another site's change to a copy in the owner's hands.
	 */
	public record Conflict(ConflictKind kind, String listedFor, String eventSite, String eventId, String barcode,
			String detail) implements Effect {
	}

	/** A replayed history: the resulting copy and every effect on the way. */
	public record Replay(ItemCirculation copy, List<Effect> effects) {
	}

}
