package org.branchlink.gateway.holds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.branchlink.catalog.CatalogCopies.CopyId;

/**
 * A reader's hold (预约): a place in a work's queue, then a copy allocated to it, shipped to the pickup site, ready
 * there, and collected — or released back to the queue, cancelled, or expired uncollected. Every verb moves the hold
 * only from the statuses that allow it and says whether it moved; nothing changes otherwise.
 */
public final class Hold {

	/** Where a hold is in its life. */
	public enum Status {

		/** In its work's queue, no copy yet. */
		WAITING,
		/** A copy on a shelf is chosen for it: to be pulled. */
		ALLOCATED,
		/** Its copy travels to the pickup site. */
		IN_TRANSIT,
		/** Its copy waits on the pickup site's hold shelf. */
		READY,
		/** The reader took the copy. */
		COLLECTED,
		/** The reader called it off. */
		CANCELLED,
		/** Left uncollected past its pickup days. */
		EXPIRED;

		/** The statuses in which a hold keeps a copy for itself (one hold per copy: a unique index says so). */
		public static final Set<Status> KEEPING_A_COPY = Set.of(ALLOCATED, IN_TRANSIT, READY);

		/** The stored name. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Status of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

		public boolean keepsACopy() {
			return KEEPING_A_COPY.contains(this);
		}

		public boolean isClosed() {
			return this == COLLECTED || this == CANCELLED || this == EXPIRED;
		}

	}

	private Long id;

	private final String card;

	private final String workId;

	private final CopyId wanted;

	private final String pickupSite;

	private final Instant placedAt;

	private Status status;

	private LocalDate suspendedUntil;

	private CopyId allocated;

	private Instant allocatedAt;

	private Instant readyAt;

	private Instant expiresAt;

	private Instant closedAt;

	private Hold(Long id, String card, String workId, CopyId wanted, String pickupSite, Instant placedAt) {
		this.id = id;
		this.card = Objects.requireNonNull(card);
		this.workId = Objects.requireNonNull(workId);
		this.wanted = wanted;
		this.pickupSite = Objects.requireNonNull(pickupSite);
		this.placedAt = Objects.requireNonNull(placedAt);
	}

	/** A new hold, waiting: on any copy of the work, or on one copy when {@code wanted} is given. */
	public static Hold place(String card, String workId, CopyId wanted, String pickupSite, Instant at) {
		Hold hold = new Hold(null, card, workId, wanted, pickupSite, at);
		hold.status = Status.WAITING;
		return hold;
	}

	/** A hold as last stored. */
	static Hold restore(long id, String card, String workId, CopyId wanted, String pickupSite, Instant placedAt,
			Status status, LocalDate suspendedUntil, CopyId allocated, Instant allocatedAt, Instant readyAt,
			Instant expiresAt, Instant closedAt) {
		Hold hold = new Hold(id, card, workId, wanted, pickupSite, placedAt);
		hold.status = status;
		hold.suspendedUntil = suspendedUntil;
		hold.allocated = allocated;
		hold.allocatedAt = allocatedAt;
		hold.readyAt = readyAt;
		hold.expiresAt = expiresAt;
		hold.closedAt = closedAt;
		return hold;
	}

	/** A waiting hold takes this copy. */
	public boolean allocate(CopyId copy, Instant at) {
		if (status != Status.WAITING) {
			return false;
		}
		if (wanted != null && !wanted.equals(copy)) {
			throw new IllegalArgumentException("hold " + id + " is for copy " + wanted + ", not " + copy);
		}
		status = Status.ALLOCATED;
		allocated = Objects.requireNonNull(copy);
		allocatedAt = at;
		return true;
	}

	/** Its copy left the shelf for the pickup site. */
	public boolean ship() {
		if (status != Status.ALLOCATED) {
			return false;
		}
		status = Status.IN_TRANSIT;
		return true;
	}

	/** Its copy is on the pickup site's hold shelf; it waits there for the pickup days. */
	public boolean ready(Instant at, Duration pickupDays) {
		if (status != Status.ALLOCATED && status != Status.IN_TRANSIT) {
			return false;
		}
		status = Status.READY;
		readyAt = at;
		expiresAt = at.plus(pickupDays);
		return true;
	}

	/** The reader took its copy. */
	public boolean collect(Instant at) {
		if (!status.keepsACopy()) {
			return false;
		}
		status = Status.COLLECTED;
		closedAt = at;
		return true;
	}

	/** Its copy is gone from it (lost, lent to another, withdrawn): back in the queue at its old place. */
	public boolean release() {
		if (!status.keepsACopy()) {
			return false;
		}
		status = Status.WAITING;
		allocated = null;
		allocatedAt = null;
		readyAt = null;
		expiresAt = null;
		return true;
	}

	/** The reader calls it off, whatever it was doing. */
	public boolean cancel(Instant at) {
		if (status.isClosed()) {
			return false;
		}
		status = Status.CANCELLED;
		closedAt = at;
		return true;
	}

	/** Ready and uncollected past its pickup days. */
	public boolean expire(Instant at) {
		if (status != Status.READY || expiresAt == null || !expiresAt.isBefore(at)) {
			return false;
		}
		status = Status.EXPIRED;
		closedAt = at;
		return true;
	}

	/** A waiting hold sleeps until the day (null wakes it); it keeps its place in the queue. */
	public boolean suspend(LocalDate until) {
		if (status != Status.WAITING) {
			return false;
		}
		suspendedUntil = until;
		return true;
	}

	void stored(long id) {
		this.id = id;
	}

	public Long id() {
		return id;
	}

	public String card() {
		return card;
	}

	public String workId() {
		return workId;
	}

	/** The one copy asked for, or null for any copy of the work. */
	public CopyId wanted() {
		return wanted;
	}

	public String pickupSite() {
		return pickupSite;
	}

	public Instant placedAt() {
		return placedAt;
	}

	public Status status() {
		return status;
	}

	public LocalDate suspendedUntil() {
		return suspendedUntil;
	}

	/** The copy kept for it, or null. */
	public CopyId allocated() {
		return allocated;
	}

	public Instant allocatedAt() {
		return allocatedAt;
	}

	public Instant readyAt() {
		return readyAt;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

}
