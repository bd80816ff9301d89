package org.branchlink.gateway.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.branchlink.gateway.notify.Notice;
import org.branchlink.gateway.notify.ReaderNotices;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venues' bookings (场地预约, issue 20 point 2): readers book a venue for themselves or for their troupe, free or
 * discounted by rule ({@link VenueRules}); a booking that overlaps one holding the venue's time is refused; the site
 * approves where the venue asks it; the door checks bookings in; the sweep marks those not shown, and a reader with too
 * many of them may not book for a while. Owns {@code venue_booking}; the venues themselves are {@link Venues}'.
 */
@Service
public class VenueBookings {

	/** A booking asked for: a day and hours in the county's time; a troupe when the reader books for it. */
	public record BookingRequest(Long venueId, LocalDate day, LocalTime from, LocalTime until, String purpose,
			Integer attendees, Boolean publicBenefit, Long troupeId) {

		/** Whether it is a public-benefit activity (unsaid: not). */
		boolean isPublicBenefit() {
			return Boolean.TRUE.equals(publicBenefit);
		}
	}

	/**
	 * A booking carried over from a site's earlier booking system (or the demo's past year) as it stood there: its
	 * time, rate, fee and state are taken as given.
	 */
	public record Imported(long venueId, Long readerId, Long troupeId, String purpose, boolean publicBenefit, int attendees,
			Instant startsAt, Instant endsAt, VenueBooking.Rate rate, int fee, VenueBooking.Status status, String reason) {
	}

	private final JdbcClient jdbc;

	private final Venues venues;

	private final ReaderRegistry readers;

	private final Troupes troupes;

	private final VenueRules rules;

	private final ReaderNotices notices;

	private final Clock clock;

	private final ZoneId zone;

	VenueBookings(JdbcClient jdbc, Venues venues, ReaderRegistry readers, Troupes troupes, VenueRules rules, Clock clock,
			CountySettings county, ReaderNotices notices) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.readers = readers;
		this.troupes = troupes;
		this.rules = rules;
		this.notices = notices;
		this.clock = clock;
		this.zone = county.zone();
	}

	public VenueRules rules() {
		return rules;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * A reader books a venue, for themselves or for a troupe they are the contact of. Refused with the reason when the
	 * venue is withdrawn, the time is outside its hours, past, too far ahead or too long, the attendees more than it
	 * holds, the reader has too many bookings open or too many not shown lately, or the time is taken.
	 */
	@Transactional
	public VenueBooking book(long readerId, BookingRequest request) {
		// one booking of a reader at a time (their limits), then of a venue (its time): always in this order
		jdbc.sql("select id from reader where id = :id for update").param("id", readerId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("reader", String.valueOf(readerId)));
		Reader reader = readers.byId(readerId).orElseThrow(() -> new NotFoundException("reader", String.valueOf(readerId)));
		if (request.venueId() == null) {
			throw new InvalidRequestException("booking-incomplete");
		}
		// one booking of a venue at a time: the overlap check and the insert under the venue's row lock
		Venue venue = venues.locked(request.venueId());
		if (!venue.active()) {
			throw new ConflictException("venue-withdrawn", venue.name());
		}
		if (request.day() == null || request.from() == null || request.until() == null || blank(request.purpose())
				|| request.attendees() == null) {
			throw new InvalidRequestException("booking-incomplete");
		}
		TextLimits.require("purpose", request.purpose(), TextLimits.TITLE);
		if (!request.until().isAfter(request.from())) {
			throw new InvalidRequestException("booking-hours", request.from().toString(), request.until().toString());
		}
		if (request.from().isBefore(venue.opensAt()) || request.until().isAfter(venue.closesAt())) {
			throw new InvalidRequestException("booking-outside-hours", venue.opensAt().toString(), venue.closesAt().toString());
		}
		Instant starts = request.day().atTime(request.from()).atZone(zone).toInstant();
		Instant ends = request.day().atTime(request.until()).atZone(zone).toInstant();
		Instant now = clock.instant();
		if (!starts.isAfter(now)) {
			throw new InvalidRequestException("booking-past");
		}
		if (request.day().isAfter(today().plusDays(rules.horizonDays()))) {
			throw new InvalidRequestException("booking-horizon", String.valueOf(rules.horizonDays()));
		}
		if (Duration.between(starts, ends).compareTo(Duration.ofHours(rules.maxHours())) > 0) {
			throw new InvalidRequestException("booking-too-long", String.valueOf(rules.maxHours()));
		}
		if (request.attendees() < 1 || request.attendees() > venue.capacity()) {
			throw new InvalidRequestException("booking-attendees", String.valueOf(venue.capacity()));
		}
		AmateurTroupe troupe = null;
		if (request.troupeId() != null) {
			troupe = troupes.bookingFor(reader.cardNumber()).stream().filter(t -> t.id() == request.troupeId()).findFirst()
				.orElseThrow(() -> new ConflictException("booking-troupe"));
		}
		requireNotSuspended(readerId, now);
		int open = jdbc.sql("select count(*) from venue_booking where reader_id = :reader and status in ('requested', 'confirmed') and ends_at > :now")
			.param("reader", readerId).param("now", Timestamp.from(now)).query(Integer.class).single();
		if (open >= rules.openPerReader()) {
			throw new ConflictException("booking-open-limit", String.valueOf(rules.openPerReader()));
		}
		jdbc.sql("""
				select starts_at from venue_booking where venue_id = :venue and status in ('requested', 'confirmed', 'checked_in')
				    and starts_at < :ends and ends_at > :starts order by starts_at limit 1""")
			.param("venue", venue.id()).param("starts", Timestamp.from(starts)).param("ends", Timestamp.from(ends))
			.query(Timestamp.class).optional().ifPresent(taken -> {
				throw new ConflictException("booking-taken", request.day().toString(), request.from().toString(),
						request.until().toString());
			});
		VenueBooking.Rate rate = VenueBooking.Rate.forBooking(troupe != null, request.isPublicBenefit(), rules.residentDiscount());
		int fee = venue.feePerHour() == 0 ? 0 : rate.fee(venue.feePerHour(), Duration.between(starts, ends), rules.residentDiscount());
		// public benefit is the booker's word: where the venue charges, the site approves what it waives
		boolean approval = venue.needsApproval() || request.isPublicBenefit() && troupe == null && venue.feePerHour() > 0;
		VenueBooking.Status status = approval ? VenueBooking.Status.REQUESTED : VenueBooking.Status.CONFIRMED;
		long id = jdbc.sql("""
				insert into venue_booking (venue_id, reader_id, troupe_id, purpose, public_benefit, attendees, starts_at, ends_at,
				    rate, fee, status, created_at)
				values (:venue, :reader, :troupe, :purpose, :benefit, :attendees, :starts, :ends, :rate, :fee, :status, :now) returning id""")
			.param("venue", venue.id()).param("reader", readerId).param("troupe", troupe == null ? null : troupe.id())
			.param("purpose", request.purpose().strip()).param("benefit", request.isPublicBenefit())
			.param("attendees", request.attendees()).param("starts", Timestamp.from(starts)).param("ends", Timestamp.from(ends))
			.param("rate", rate.code()).param("fee", fee).param("status", status.code()).param("now", Timestamp.from(now))
			.query(Long.class).single();
		return booking(id);
	}

	/** Carries bookings over as they stood (see {@link Imported}); returns how many. */
	@Transactional
	public int importBookings(List<Imported> bookings, String by) {
		Instant now = clock.instant();
		for (Imported b : bookings) {
			jdbc.sql("""
					insert into venue_booking (venue_id, reader_id, troupe_id, purpose, public_benefit, attendees, starts_at, ends_at,
					    rate, fee, status, reason, decided_by, checked_in_at, created_at)
					values (:venue, :reader, :troupe, :purpose, :benefit, :attendees, :starts, :ends, :rate, :fee, :status, :reason,
					    :by, :checkedIn, :now)""")
				.param("venue", b.venueId()).param("reader", b.readerId()).param("troupe", b.troupeId())
				.param("purpose", b.purpose()).param("benefit", b.publicBenefit()).param("attendees", b.attendees())
				.param("starts", Timestamp.from(b.startsAt())).param("ends", Timestamp.from(b.endsAt()))
				.param("rate", b.rate().code()).param("fee", b.fee()).param("status", b.status().code())
				.param("reason", b.reason()).param("by", by)
				.param("checkedIn", b.status() == VenueBooking.Status.CHECKED_IN ? Timestamp.from(b.startsAt()) : null)
				.param("now", Timestamp.from(now)).update();
		}
		return bookings.size();
	}

	/** Refused while the reader's not-shown bookings in the window reach the limit and the last is recent. */
	private void requireNotSuspended(long readerId, Instant now) {
		List<Timestamp> noShows = jdbc.sql("""
				select starts_at from venue_booking where reader_id = :reader and status = 'no_show' and starts_at > :since
				order by starts_at desc""")
			.param("reader", readerId).param("since", Timestamp.from(now.minus(Duration.ofDays(rules.noShowWindowDays()))))
			.query(Timestamp.class).list();
		if (noShows.size() >= rules.noShowLimit()) {
			LocalDate until = noShows.get(0).toInstant().atZone(zone).toLocalDate().plusDays(rules.suspensionDays());
			if (until.isAfter(today())) {
				throw new ConflictException("booking-suspended", String.valueOf(noShows.size()), until.toString());
			}
		}
	}

	public VenueBooking booking(long id) {
		return jdbc.sql(BOOKINGS + " where id = :id").param("id", id).query(VenueBookings::booking).optional()
			.orElseThrow(() -> new NotFoundException("booking", String.valueOf(id)));
	}

	/** The site's decision on a requested booking. */
	@Transactional
	public VenueBooking decide(long id, boolean approve, String reason, String by) {
		TextLimits.require("reason", reason, TextLimits.MESSAGE);
		VenueBooking booking = locked(id);
		Instant now = clock.instant();
		VenueBooking decided = save(approve ? booking.confirm(now, by) : booking.decline(now, reason, by));
		tellBooker(decided, approve ? Notice.VENUE_BOOKING_APPROVED : Notice.VENUE_BOOKING_DECLINED);
		return decided;
	}

	/** The reader who booked is told of the site's decision, in this transaction's outbox. */
	private void tellBooker(VenueBooking booking, Notice notice) {
		if (booking.readerId() == null) {
			return;
		}
		LocalDateTime starts = LocalDateTime.ofInstant(booking.startsAt(), zone);
		String when = starts.toLocalDate() + " " + starts.toLocalTime() + "–" + LocalDateTime.ofInstant(booking.endsAt(), zone).toLocalTime();
		List<String> args = booking.reason() == null ? List.of(venues.venue(booking.venueId()).name(), when)
				: List.of(venues.venue(booking.venueId()).name(), when, booking.reason());
		notices.queue(booking.readerId(), notice, "venue-booking:" + booking.id(), args);
	}

	/** The door checks a booking in. */
	@Transactional
	public VenueBooking checkIn(long id, String by) {
		return save(locked(id).checkIn(clock.instant(), rules.checkInEarly(), by));
	}

	/** The reader withdraws their own booking before it begins. */
	@Transactional
	public VenueBooking cancelOwn(long id, long readerId) {
		VenueBooking booking = locked(id);
		if (booking.readerId() == null || booking.readerId() != readerId) {
			throw new NotFoundException("booking", String.valueOf(id));
		}
		return save(booking.cancel(clock.instant(), null));
	}

	/** The site withdraws a booking before it begins (the room is needed, it is closed). */
	@Transactional
	public VenueBooking cancelBySite(long id, String reason, String by) {
		if (blank(reason)) {
			throw new InvalidRequestException("booking-reason");
		}
		TextLimits.require("reason", reason, TextLimits.MESSAGE);
		VenueBooking cancelled = locked(id).cancel(clock.instant(), by);
		VenueBooking withdrawn = save(new VenueBooking(cancelled.id(), cancelled.venueId(), cancelled.readerId(),
				cancelled.troupeId(), cancelled.purpose(), cancelled.publicBenefit(), cancelled.attendees(), cancelled.startsAt(),
				cancelled.endsAt(), cancelled.rate(), cancelled.fee(), cancelled.status(), reason.strip(), by, null,
				cancelled.createdAt()));
		tellBooker(withdrawn, Notice.VENUE_BOOKING_WITHDRAWN);
		return withdrawn;
	}

	/**
	 * Confirmed bookings past their start and grace, not checked in, are not shown; requested ones their site did not
	 * decide before their start lapse, and the booker is told.
	 */
	@Transactional
	public int sweepNoShows() {
		Instant now = clock.instant();
		int swept = 0;
		for (VenueBooking booking : jdbc.sql(BOOKINGS + " where status = 'confirmed' and starts_at <= :due for update skip locked")
			.param("due", Timestamp.from(now.minus(rules.noShowGrace()))).query(VenueBookings::booking).list()) {
			save(booking.noShow(now, rules.noShowGrace()));
			swept++;
		}
		for (VenueBooking booking : jdbc.sql(BOOKINGS + " where status = 'requested' and starts_at <= :now for update skip locked")
			.param("now", Timestamp.from(now)).query(VenueBookings::booking).list()) {
			tellBooker(save(booking.lapse(now)), Notice.VENUE_BOOKING_LAPSED);
			swept++;
		}
		return swept;
	}

	private VenueBooking locked(long id) {
		jdbc.sql("select id from venue_booking where id = :id for update").param("id", id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("booking", String.valueOf(id)));
		return booking(id);
	}

	private VenueBooking save(VenueBooking booking) {
		jdbc.sql("""
				update venue_booking set status = :status, reason = :reason, decided_by = :by, checked_in_at = :checkedIn
				where id = :id""")
			.param("id", booking.id()).param("status", booking.status().code()).param("reason", booking.reason())
			.param("by", booking.decidedBy())
			.param("checkedIn", booking.checkedInAt() == null ? null : Timestamp.from(booking.checkedInAt())).update();
		return booking(booking.id());
	}

	private static final String BOOKINGS = """
			select id, venue_id, reader_id, troupe_id, purpose, public_benefit, attendees, starts_at, ends_at, rate, fee, status,
			    reason, decided_by, checked_in_at, created_at
			from venue_booking""";

	private static VenueBooking booking(ResultSet rs, int n) throws SQLException {
		long reader = rs.getLong("reader_id");
		Long readerId = rs.wasNull() ? null : reader;
		long troupe = rs.getLong("troupe_id");
		Long troupeId = rs.wasNull() ? null : troupe;
		return new VenueBooking(rs.getLong("id"), rs.getLong("venue_id"), readerId, troupeId, rs.getString("purpose"),
				rs.getBoolean("public_benefit"), rs.getInt("attendees"), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), VenueBooking.Rate.of(rs.getString("rate")), rs.getInt("fee"),
				VenueBooking.Status.of(rs.getString("status")), rs.getString("reason"), rs.getString("decided_by"),
				rs.getTimestamp("checked_in_at") == null ? null : rs.getTimestamp("checked_in_at").toInstant(),
				rs.getTimestamp("created_at").toInstant());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}