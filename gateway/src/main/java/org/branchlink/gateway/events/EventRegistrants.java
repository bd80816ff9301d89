package org.branchlink.gateway.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who registered for an event, for its staff only: names and card numbers, in the order they registered. */
@Component
class EventRegistrants {

	/** One registration with its reader; walk-ins have no reader. */
	record Registrant(long id, String name, String card, String status, boolean walkIn, Instant registeredAt) {
	}

	private static final String SELECT = """
			select r.id, d.name, d.card_number as card, r.status, r.walk_in, r.created_at as registered_at
			from event_registration r left join reader d on d.id = r.reader_id""";

	private final JdbcClient jdbc;

	EventRegistrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One registration with its reader, as the list shows it. */
	Optional<Registrant> one(long registrationId) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", registrationId).query(Registrant.class).optional();
	}

	List<Registrant> of(long eventId) {
		return jdbc.sql(SELECT + """
				 where r.event_id = :event
				order by case r.status when 'attended' then 0 when 'registered' then 1 when 'waitlisted' then 2 else 3 end,
				    r.created_at, r.id""")
			.param("event", eventId)
			.query(Registrant.class)
			.list();
	}

}
