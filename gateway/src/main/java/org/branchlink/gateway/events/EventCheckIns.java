package org.branchlink.gateway.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in at the door of an event: by card (a registered or waiting reader, or one who just came), as a walk-in
 * counted without a name, or by the holder's scanned ticket; each marks the reader active this month (participation
 * counts everyone who came). Open from {@code checkInMinutesBefore} the start until the end; a second check-in is
 * refused with the time of the first. Holds the event's registration lock, as registering does.
 */
@Service
public class EventCheckIns {

	private final JdbcClient jdbc;

	private final EventRegistrations registrations;

	private final EventsProperties properties;

	private final ReaderRegistry readers;

	private final Clock clock;

	private final ZoneId zone;

	EventCheckIns(JdbcClient jdbc, EventRegistrations registrations, EventsProperties properties, ReaderRegistry readers,
			Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.properties = properties;
		this.readers = readers;
		this.clock = clock;
		this.zone = county.zone();
	}

	/**
	 * Checks someone in at the event: a registered (or waiting) reader by card, another reader who just came, or
	 * (no card) a walk-in counted without a name.
	 */
	@Transactional
	public EventRegistrations.RegistrationView checkIn(long eventId, String card) {
		CulturalEvent event = registrations.lockEvent(eventId);
		Instant now = clock.instant();
		refuseWhenCheckInClosed(event, now);
		if (card == null || card.isBlank()) {
			long id = jdbc.sql("""
					insert into event_registration (event_id, status, walk_in, created_at, checked_in_at)
					values (:event, 'attended', true, :now, :now) returning id""")
				.param("event", eventId)
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
			return registrations.view(id);
		}
		Reader reader = readers.byTypedCard(card).orElseThrow(() -> new NotFoundException("reader card", card));
		Optional<EventRegistrations.RegistrationView> live = registrations.live(eventId, reader.id());
		if (live.isPresent() && live.get().status().equals("attended")) {
			throw alreadyCheckedIn(live.get().id());
		}
		active(reader.id(), now);
		long id;
		if (live.isPresent()) {
			id = live.get().id();
			jdbc.sql("update event_registration set status = 'attended', checked_in_at = :now where id = :id")
				.param("id", id)
				.param("now", Timestamp.from(now))
				.update();
		}
		else {
			id = jdbc.sql("""
					insert into event_registration (event_id, reader_id, status, walk_in, created_at, checked_in_at)
					values (:event, :reader, 'attended', true, :now, :now) returning id""")
				.param("event", eventId)
				.param("reader", reader.id())
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
		}
		return registrations.view(id);
	}

	/**
	 * Checks in the holder of a ticket at this event: the registration its verified token names. Refused for a
	 * registration of another event (named by its title and start), a cancelled one, one already checked in (at what
	 * time), and outside the check-in window ({@code checkInMinutesBefore} the start until the end).
	 */
	@Transactional
	public EventRegistrations.RegistrationView checkInTicket(long eventId, long registrationId) {
		EventRegistrations.RegistrationView registration = registrations.view(registrationId);
		if (registration.eventId() != eventId) {
			throw new ConflictException("ticket-other-event", registration.title(), registration.starts() == null ? ""
					: DateTimeFormatter.ofPattern("MM-dd HH:mm").format(registration.starts().atZone(zone)));
		}
		CulturalEvent event = registrations.lockEvent(eventId);
		Instant now = clock.instant();
		refuseWhenCheckInClosed(event, now);
		String status = jdbc.sql("select status from event_registration where id = :id for update")
			.param("id", registrationId)
			.query(String.class)
			.single();
		if (status.equals("cancelled")) {
			throw new ConflictException("registration-cancelled");
		}
		if (status.equals("attended")) {
			throw alreadyCheckedIn(registrationId);
		}
		jdbc.sql("update event_registration set status = 'attended', checked_in_at = :now where id = :id")
			.param("id", registrationId)
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("select reader_id from event_registration where id = :id and reader_id is not null")
			.param("id", registrationId)
			.query(Long.class)
			.optional()
			.ifPresent(readerId -> active(readerId, now));
		return registrations.view(registrationId);
	}

	private void refuseWhenCheckInClosed(CulturalEvent event, Instant now) {
		if (now.isBefore(event.starts().minus(Duration.ofMinutes(properties.checkInMinutesBefore())))
				|| now.isAfter(event.ends())) {
			throw new ConflictException("check-in-window", properties.checkInMinutesBefore());
		}
	}

	/** The refusal of a second check-in, naming the time of the first (in the county's time). */
	private ConflictException alreadyCheckedIn(long registrationId) {
		Timestamp at = jdbc.sql("select checked_in_at from event_registration where id = :id")
			.param("id", registrationId)
			.query(Timestamp.class)
			.single();
		return new ConflictException("already-checked-in",
				at == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(at.toInstant().atZone(zone)));
	}

	/** The reader was active this month (for the count of active readers; which event is not kept there). */
	private void active(long readerId, Instant at) {
		jdbc.sql("""
				insert into reader_activity (reader_id, month)
				values (:reader, cast(date_trunc('month', cast(:at as timestamptz) at time zone :zone) as date))
				on conflict do nothing""")
			.param("reader", readerId)
			.param("zone", zone.getId())
			.param("at", Timestamp.from(at))
			.update();
	}

}
