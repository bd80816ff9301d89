package org.branchlink.gateway.events;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.holds.NotificationSender;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.sync.outbound.SiteChangeKind;
import org.branchlink.sync.outbound.SiteChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration for events: a place while the capacity lasts, then the waiting list in order of registration; a
 * cancelled place goes to the first on the list at once (and they are told). Staff check people in at the event
 * ({@link EventCheckIns}); participants rate it afterwards. Each registration of an
 * event holds the event's registration lock, so two readers never get the last place.
 */
@Service
public class EventRegistrations {

	private static final Logger log = LoggerFactory.getLogger(EventRegistrations.class);

	/** A registration as its reader (or the staff) sees it; {@code position} is the place on the waiting list. */
	public record RegistrationView(long id, long eventId, String title, String siteId, Instant starts, String status,
			Integer position, Integer rating) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	/** An event's numbers. */
	public record Counts(Integer capacity, int registered, int waitlisted, int attended, Double averageRating,
			int ratings) {

		public Integer placesLeft() {
			return capacity == null ? null : Math.max(0, capacity - registered - attended);
		}

	}

	private final JdbcClient jdbc;

	private final EventCatalog events;

	private final EventsProperties properties;

	private final NotificationSender notifications;

	private final Clock clock;

	private final SiteChanges siteChanges;

	EventRegistrations(JdbcClient jdbc, EventCatalog events, EventsProperties properties,
			NotificationSender notifications, Clock clock, SiteChanges siteChanges) {
		this.siteChanges = siteChanges;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Transactional
	public RegistrationView register(Reader reader, long eventId) {
		CulturalEvent event = lockEvent(eventId);
		if (!clock.instant().isBefore(event.starts())) {
			throw new ConflictException("event-started");
		}
		if (live(eventId, reader.id()).isPresent()) {
			throw new ConflictException("already-registered");
		}
		List<Long> pending = jdbc.sql("""
				select event_id from event_registration where reader_id = :reader and status in ('registered', 'waitlisted')""")
			.param("reader", reader.id())
			.query(Long.class)
			.list();
		Instant now = clock.instant();
		long upcoming = events.find(pending).stream().filter(e -> !e.cancelled() && e.starts().isAfter(now)).count();
		if (upcoming >= properties.perReader()) {
			throw new ConflictException("registration-limit", upcoming, properties.perReader());
		}
		Counts counts = counts(eventId);
		String status = event.capacity() == null || counts.placesLeft() > 0 ? "registered" : "waitlisted";
		long id = jdbc.sql("""
				insert into event_registration (event_id, reader_id, status, created_at)
				values (:event, :reader, :status, :now) returning id""")
			.param("event", eventId)
			.param("reader", reader.id())
			.param("status", status)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		tellHost(event, id, status);
		return view(id);
	}

	/** The reader gives up a place or leaves the waiting list; a freed place goes to the first one waiting. */
	@Transactional
	public RegistrationView cancel(Reader reader, long registrationId) {
		RegistrationView registration = ownedBy(reader, registrationId);
		CulturalEvent event = lockEvent(registration.eventId());
		if (!clock.instant().isBefore(event.starts())) {
			throw new ConflictException("event-started");
		}
		if (!registration.status().equals("registered") && !registration.status().equals("waitlisted")) {
			throw new ConflictException("registration-state", CodedRefusal.word("registrations.status." + registration.status()));
		}
		jdbc.sql("update event_registration set status = 'cancelled', cancelled_at = :now where id = :id")
			.param("id", registrationId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		tellHost(event, registrationId, "cancelled");
		if (registration.status().equals("registered")) {
			promote(event);
		}
		return view(registrationId);
	}

	/**
	 * The event's site hears of a registration's new status with the event's counts, in this transaction; the reader
	 * is not named (the site's staff see the registrants on their page).
	 */
	private void tellHost(CulturalEvent event, long registrationId, String status) {
		Counts counts = counts(event.id());
		Map<String, Object> data = new HashMap<>();
		data.put("registrationId", registrationId);
		data.put("eventId", event.id());
		data.put("title", event.title());
		data.put("starts", event.starts().toString());
		data.put("status", status);
		data.put("registered", counts.registered());
		data.put("waitlisted", counts.waitlisted());
		if (event.capacity() != null) {
			data.put("capacity", event.capacity());
		}
		siteChanges.record(event.siteId(), SiteChangeKind.EVENT_REGISTRATION, null, "registration:" + registrationId, data);
	}

	/** Moves the first ones waiting up while places are free. */
	private void promote(CulturalEvent event) {
		if (event.capacity() == null) {
			return;
		}
		int free = counts(event.id()).placesLeft();
		List<Long> next = jdbc.sql("""
				select id from event_registration where event_id = :event and status = 'waitlisted'
				order by created_at, id limit :free""")
			.param("event", event.id())
			.param("free", free)
			.query(Long.class)
			.list();
		for (long id : next) {
			jdbc.sql("update event_registration set status = 'registered', promoted_at = :now where id = :id")
				.param("id", id)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			tellHost(event, id, "registered");
			cardOf(id).ifPresent(card -> notifications.eventNotice(card, event.id(), NotificationSender.EventNotice.PLACE_CONFIRMED));
			log.info("Event {}: registration {} moved up from the waiting list", event.id(), id);
		}
	}

	/** A participant rates the event, 1 to 5 stars, once it has started and for {@code ratingDays} after. */
	@Transactional
	public RegistrationView rate(Reader reader, long registrationId, int stars, String comment) {
		if (stars < 1 || stars > 5) {
			throw new IllegalArgumentException("a rating is 1 to 5 stars");
		}
		RegistrationView registration = ownedBy(reader, registrationId);
		if (!registration.status().equals("attended")) {
			throw new ConflictException("rating-attendees-only");
		}
		CulturalEvent event = events.find(registration.eventId()).orElseThrow();
		Instant now = clock.instant();
		if (now.isBefore(event.starts()) || now.isAfter(event.ends().plus(Duration.ofDays(properties.ratingDays())))) {
			throw new ConflictException("rating-window", properties.ratingDays());
		}
		jdbc.sql("update event_registration set rating = :stars, comment = :comment, rated_at = :now where id = :id")
			.param("stars", stars)
			.param("comment", comment == null ? null : comment.strip())
			.param("now", Timestamp.from(now))
			.param("id", registrationId)
			.update();
		return view(registrationId);
	}

	/** The reader's registrations, latest event first (the last 200). */
	public List<RegistrationView> of(Reader reader) {
		return views(jdbc.sql(VIEW + " where r.reader_id = :reader order by r.id desc limit 2000")
			.param("reader", reader.id())
			.query(Registration.class)
			.list())
			.stream()
			.sorted(Comparator.comparing(RegistrationView::starts, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Comparator.comparingLong(RegistrationView::id).reversed()))
			.limit(200)
			.toList();
	}

	public Counts counts(long eventId) {
		Integer capacity = events.find(eventId).orElseThrow(() -> new NotFoundException("event", String.valueOf(eventId))).capacity();
		return jdbc.sql("""
				select count(*) filter (where status = 'registered'), count(*) filter (where status = 'waitlisted'),
				    count(*) filter (where status = 'attended'), avg(rating), count(rating)
				from event_registration where event_id = :event""")
			.param("event", eventId)
			.query((rs, n) -> new Counts(capacity, rs.getInt(1), rs.getInt(2), rs.getInt(3),
					rs.getObject(4) == null ? null : Math.round(rs.getDouble(4) * 10) / 10.0, rs.getInt(5)))
			.single();
	}

	/** A cancelled event: its registrations are cancelled and their readers told. */
	@EventListener
	@Transactional
	public void on(EventCatalog.EventCancelled cancelled) {
		long eventId = cancelled.event().id();
		List<Long> ids = jdbc.sql("""
				update event_registration set status = 'cancelled', cancelled_at = :now
				where event_id = :event and status in ('registered', 'waitlisted') returning id""")
			.param("event", eventId)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.list();
		for (long id : ids) {
			cardOf(id).ifPresent(card -> notifications.eventNotice(card, eventId, NotificationSender.EventNotice.EVENT_CANCELLED));
		}
		if (!ids.isEmpty()) {
			log.info("Event {} cancelled: {} registrations cancelled and notified", eventId, ids.size());
		}
	}

	/** A registration as stored, with its place on the waiting list. */
	private record Registration(long id, long eventId, String status, Integer position, Integer rating) {
	}

	private static final String VIEW = """
			select r.id, r.event_id as event_id, r.status,
			    case when r.status = 'waitlisted' then (select count(*) from event_registration w
			        where w.event_id = r.event_id and w.status = 'waitlisted'
			        and (w.created_at, w.id) <= (r.created_at, r.id)) end as position,
			    r.rating
			from event_registration r""";

	public RegistrationView view(long id) {
		return views(jdbc.sql(VIEW + " where r.id = :id").param("id", id).query(Registration.class).list()).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("registration", String.valueOf(id)));
	}

	/** The registrations with their events' title, site and start from the catalogue. */
	private List<RegistrationView> views(List<Registration> registrations) {
		Map<Long, CulturalEvent> byId = new HashMap<>();
		events.find(registrations.stream().map(Registration::eventId).distinct().toList())
			.forEach(e -> byId.put(e.id(), e));
		return registrations.stream().map(r -> {
			CulturalEvent e = byId.get(r.eventId());
			return new RegistrationView(r.id(), r.eventId(), e == null ? null : e.title(), e == null ? null : e.siteId(),
					e == null ? null : e.starts(), r.status(), r.position(), r.rating());
		}).toList();
	}

	private RegistrationView ownedBy(Reader reader, long registrationId) {
		boolean owned = jdbc.sql("select count(*) from event_registration where id = :id and reader_id = :reader")
			.param("id", registrationId)
			.param("reader", reader.id())
			.query(Integer.class)
			.single() > 0;
		if (!owned) {
			throw new NotFoundException("registration", String.valueOf(registrationId));
		}
		return view(registrationId);
	}

	Optional<RegistrationView> live(long eventId, long readerId) {
		return jdbc.sql("select id from event_registration where event_id = :event and reader_id = :reader and status <> 'cancelled'")
			.param("event", eventId)
			.param("reader", readerId)
			.query(Long.class)
			.optional()
			.map(this::view);
	}

	private Optional<String> cardOf(long registrationId) {
		return jdbc.sql("""
				select d.card_number from event_registration r join reader d on d.id = r.reader_id where r.id = :id""")
			.param("id", registrationId)
			.query(String.class)
			.optional();
	}

	CulturalEvent lockEvent(long eventId) {
		// the event's registrations are serialised on a lock of their own (the event's row belongs to the catalogue)
		jdbc.sql("select pg_advisory_xact_lock(hashtext('event_registration:' || :id))").param("id", eventId)
			.query().listOfRows();
		CulturalEvent event = events.find(eventId).orElseThrow(() -> new NotFoundException("event", String.valueOf(eventId)));
		if (event.cancelled()) {
			throw new ConflictException("event-cancelled");
		}
		return event;
	}

}
