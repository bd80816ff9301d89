package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 */
public final class ItemCirculation {

	private final String owner;

	private CopyStatus status = CopyStatus.AVAILABLE;

	private String atSite;

	private String destination;

	private OpenLoan loan;

	private String heldFor;

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
			OpenLoan loan, String heldFor, EventKey last, int events) {
		ItemCirculation copy = new ItemCirculation(owner);
		copy.status = status;
		copy.atSite = atSite;
		copy.destination = destination;
		copy.loan = loan;
		copy.heldFor = heldFor;
		copy.last = last;
		copy.events = events;
		return copy;
	}

	/** The copy's whole history applied in order from a fresh state; the effects of every step, in order. */
	public static Replay replay(String owner, List<CirculationEvent> history, LendingRules rules) {
		ItemCirculation copy = fresh(owner);
		List<Effect> effects = new ArrayList<>();
		history.stream().sorted(Comparator.comparing(EventKey::of)).forEach(e -> effects.addAll(copy.apply(e, rules)));
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
		switch (e.type()) {
			case CHECKOUT -> checkout(e, rules, effects);
			case CHECKIN -> {
				if (loan != null) {
					if (e.card() != null && loan.card() != null && !e.card().equals(loan.card())) {
						effects.add(conflict(ConflictKind.CHECKIN_OTHER_READER, e, "the copy was on loan to another card"));
					}
					effects.add(close(e, "returned"));
				}
				if (status == CopyStatus.IN_TRANSIT && site.equals(destination)) {
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
				status = CopyStatus.LOST;
				atSite = null;
				destination = null;
			}
			case MISSING -> {
				if (loan != null) {
					effects.add(conflict(ConflictKind.LOAN_ENDED_BY_STAFF, e, "declared missing while on loan"));
					effects.add(close(e, "missing"));
				}
				status = CopyStatus.MISSING;
				atSite = null;
				destination = null;
			}
			case FOUND -> {
				if (loan != null) {
					effects.add(close(e, "returned"));
				}
				returnAt(site, rules);
			}
			case SEND -> {
				if (loan != null) {
					effects.add(conflict(ConflictKind.LOAN_ENDED_BY_STAFF, e, "sent in transit while on loan"));
					effects.add(close(e, "returned"));
				}
				if (e.destination().equals(site)) {
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
				if (status == CopyStatus.IN_TRANSIT && destination != null && !destination.equals(site)) {
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
		if (heldFor != null) {
			effects.add(conflict(ConflictKind.HELD_COPY_CHECKED_OUT, e,
					"the copy was set aside for hold " + heldFor + "; the hold goes back to the queue"));
			heldFor = null;
		}
		Instant due = e.dueAt() != null ? e.dueAt() : rules.due(e.occurredAt(), terms.terms().loanDays());
		loan = new OpenLoan(e.siteId() + ":" + e.eventId(), e.card(), terms.category(), e.siteId(), e.occurredAt(), due, 0);
		effects.add(new LoanOpened(loan));
		status = CopyStatus.ON_LOAN;
		atSite = null;
		destination = null;
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
		return new Conflict(kind, e.siteId(), e.eventId(), e.barcode(), detail);
	}

	/** Sets the copy aside for a hold (holds land here when they trap a copy). */
	public void holdFor(String holdId) {
		this.heldFor = holdId;
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

	public String heldFor() {
		return heldFor;
	}

	public EventKey last() {
		return last;
	}

	public int events() {
		return events;
	}

	/** The order of events: site time, then site, then the site's event id (so ties always break the same way). */
	public record EventKey(Instant at, String site, String eventId) implements Comparable<EventKey> {

		private static final Comparator<EventKey> ORDER = Comparator.comparing(EventKey::at)
			.thenComparing(EventKey::site)
			.thenComparing(EventKey::eventId);

		public static EventKey of(CirculationEvent e) {
			return new EventKey(e.occurredAt(), e.siteId(), e.eventId());
		}

		@Override
		public int compareTo(EventKey other) {
			return ORDER.compare(this, other);
		}

	}

	/** The loan a copy is on. */
	public record OpenLoan(String key, String card, String category, String site, Instant since, Instant due,
			int renewals) {

		OpenLoan renewed(Instant newDue) {
			return new OpenLoan(key, card, category, site, since, newDue, renewals + 1);
		}

	}

	/** What applying an event did besides changing the copy's state. */
	public sealed interface Effect permits LoanOpened, LoanRenewed, LoanClosed, Conflict {
	}

	public record LoanOpened(OpenLoan loan) implements Effect {
	}

	public record LoanRenewed(String loanKey, Instant due, int renewals) implements Effect {
	}

	/** @param card the borrower's card (null when already anonymised) */
	public record LoanClosed(String loanKey, String card, Instant at, String site, String how) implements Effect {
	}

	public record Conflict(ConflictKind kind, String eventSite, String eventId, String barcode, String detail)
			implements Effect {
	}

	/** A replayed history: the resulting copy and every effect on the way. */
	public record Replay(ItemCirculation copy, List<Effect> effects) {
	}

}
