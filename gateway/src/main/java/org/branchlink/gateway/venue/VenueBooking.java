package org.branchlink.gateway.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * A booking of a venue by a reader, for themselves or for their troupe or team. It awaits the site's approval where the
 * venue wants it, else is confirmed at once; the door checks it in from shortly before its start; confirmed and not
 * checked in by the end of the grace after its start, it is not shown. While requested, confirmed or checked in it
 * holds its time: no other booking of the venue may overlap it. Plain Java: the verbs check what may happen and return
 * the new state.
 */
public record VenueBooking(long id, long venueId, Long readerId, Long troupeId, String purpose, boolean publicBenefit,
		int attendees, Instant startsAt, Instant endsAt, Rate rate, int fee, Status status, String reason,
		String decidedBy, Instant checkedInAt, Instant createdAt) {

	/** Where a booking stands. */
	public enum Status {
		/** Awaits the site's approval. */
		REQUESTED,
		/** The time is the booker's. */
		CONFIRMED,
		/** The site said no, with a reason. */
		DECLINED,
		/** The booker (or the site) withdrew it before it began. */
		CANCELLED,
		/** The booker came: the venue was used. */
		CHECKED_IN,
		/** Confirmed and nobody came (until its end the door may still check a late booker in). */
		NO_SHOW,
		/** Requested and not decided before its start: it lapsed. */
		LAPSED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

		/** Whether a booking in this state keeps others off its time. */
		public boolean holdsTime() {
			return this == REQUESTED || this == CONFIRMED || this == CHECKED_IN;
		}
	}

	/** What the booker pays, by rule. */
	public enum Rate {
		/** A registered troupe or team, or a public-benefit activity (seed 001: 免费或优惠). */
		FREE,
		/** A resident's own use: the standard fee less the county's discount. */
		DISCOUNTED,
		/** The standard fee (no discount configured). */
		STANDARD;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Rate of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

		/** The rule: troupes and public-benefit use are free; otherwise the discount, if the county gives one. */
		static Rate forBooking(boolean troupe, boolean publicBenefit, double discount) {
			if (troupe || publicBenefit) {
				return FREE;
			}
			return discount > 0 ? DISCOUNTED : STANDARD;
		}

		/** The fee in yuan for the hours at the venue's standard fee per hour, rounded up. */
		int fee(int feePerHour, Duration length, double discount) {
			double full = feePerHour * length.toMinutes() / 60.0;
			return switch (this) {
				case FREE -> 0;
				case DISCOUNTED -> (int) Math.ceil(full * (1 - discount));
				case STANDARD -> (int) Math.ceil(full);
			};
		}
	}

	public Duration length() {
		return Duration.between(startsAt, endsAt);
	}

	/** Whether it overlaps the time from {@code from} until {@code until}. */
	public boolean overlaps(Instant from, Instant until) {
		return startsAt.isBefore(until) && from.isBefore(endsAt);
	}

	/** The site approves it, before it begins. */
	VenueBooking confirm(Instant now, String by) {
		require(Status.REQUESTED);
		requireNotStarted(now);
		return with(Status.CONFIRMED, null, by, null);
	}

	/** The site declines it, before it begins, saying why. */
	VenueBooking decline(Instant now, String why, String by) {
		require(Status.REQUESTED);
		requireNotStarted(now);
		if (why == null || why.isBlank()) {
			throw new InvalidRequestException("booking-reason");
		}
		return with(Status.DECLINED, why.strip(), by, null);
	}

	/** Withdrawn before it began. */
	VenueBooking cancel(Instant now, String by) {
		if (status != Status.REQUESTED && status != Status.CONFIRMED) {
			throw refused();
		}
		requireNotStarted(now);
		return with(Status.CANCELLED, null, by, null);
	}

	/** Requested and undecided at its start: it lapses (the booker is told). */
	VenueBooking lapse(Instant now) {
		require(Status.REQUESTED);
		if (now.isBefore(startsAt)) {
			throw new ConflictException("booking-check-in-time");
		}
		return with(Status.LAPSED, null, null, null);
	}

	/** Whether the booker may still withdraw it. */
	public boolean cancellable(Instant now) {
		return (status == Status.REQUESTED || status == Status.CONFIRMED) && now.isBefore(startsAt);
	}

	/**
	 * The booker came: checked in at the door, from {@code early} before the start until the end; a late booker already
	 * marked not shown is checked in all the same.
	 */
	VenueBooking checkIn(Instant now, Duration early, String by) {
		if (status != Status.CONFIRMED && status != Status.NO_SHOW) {
			throw refused();
		}
		if (now.isBefore(startsAt.minus(early)) || !now.isBefore(endsAt)) {
			throw new ConflictException("booking-check-in-time");
		}
		return with(Status.CHECKED_IN, null, by, now);
	}

	/** Nobody came: confirmed and not checked in by {@code grace} after the start. */
	VenueBooking noShow(Instant now, Duration grace) {
		require(Status.CONFIRMED);
		if (now.isBefore(startsAt.plus(grace))) {
			throw new ConflictException("booking-check-in-time");
		}
		return with(Status.NO_SHOW, null, decidedBy, null);
	}

	private void requireNotStarted(Instant now) {
		if (!now.isBefore(startsAt)) {
			throw new ConflictException("booking-started");
		}
	}

	private void require(Status expected) {
		if (status != expected) {
			throw refused();
		}
	}

	private ConflictException refused() {
		return new ConflictException("booking-state", CodedRefusal.word("venue.status." + status.code()));
	}

	private VenueBooking with(Status next, String why, String by, Instant checkedIn) {
		return new VenueBooking(id, venueId, readerId, troupeId, purpose, publicBenefit, attendees, startsAt, endsAt, rate,
				fee, next, why == null ? reason : why, by == null ? decidedBy : by, checkedIn == null ? checkedInAt : checkedIn,
				createdAt);
	}

}
