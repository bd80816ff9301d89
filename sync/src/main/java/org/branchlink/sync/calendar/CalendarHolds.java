package org.branchlink.sync.calendar;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.branchlink.catalog.event.EventCatalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The held cancellations of calendar feeds (table {@code calendar_hold}): at most one open hold per site, which a later
 * held fetch updates; confirming one calls its events off, a fetch that is not held closes it as superseded.
 */
@Component
public class CalendarHolds {

	private static final String COLUMNS = "id, site_id, reason, feed_events, coming_events, event_ids, state, held_at, "
			+ "updated_at, closed_at, closed_by";

	private final JdbcClient jdbc;

	private final EventCatalog catalog;

	private final Clock clock;

	CalendarHolds(JdbcClient jdbc, EventCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Opens the site's hold, or replaces the cancellations of the one already open; returns it. */
	CalendarHold hold(String siteId, CalendarHold.Reason reason, int feedEvents, int comingEvents, List<Long> eventIds) {
		long id = jdbc.sql("""
				insert into calendar_hold (site_id, reason, feed_events, coming_events, event_ids, held_at, updated_at)
				values (:site, :reason, :feed, :coming, :ids::bigint[], :now, :now)
				on conflict (site_id) where state = 'open' do update set reason = excluded.reason,
				    feed_events = excluded.feed_events, coming_events = excluded.coming_events,
				    event_ids = excluded.event_ids, updated_at = excluded.updated_at
				returning id""")
			.param("site", siteId)
			.param("reason", code(reason))
			.param("feed", feedEvents)
			.param("coming", comingEvents)
			.param("ids", eventIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		return find(siteId, id).orElseThrow();
	}

	/** Closes the site's open hold, if any, as superseded by a fetch that was not held; returns how many it closed. */
	int supersede(String siteId) {
		return jdbc.sql("update calendar_hold set state = 'superseded', closed_at = :now where site_id = :site and state = 'open'")
			.param("site", siteId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** The site's holds, the latest first (at most 100). */
	public List<CalendarHold> of(String siteId) {
		return jdbc.sql("select " + COLUMNS + " from calendar_hold where site_id = :site order by held_at desc, id desc limit 100")
			.param("site", siteId)
			.query(CalendarHolds::hold)
			.list();
	}

	public Optional<CalendarHold> find(String siteId, long id) {
		return jdbc.sql("select " + COLUMNS + " from calendar_hold where site_id = :site and id = :id")
			.param("site", siteId)
			.param("id", id)
			.query(CalendarHolds::hold)
			.optional();
	}

	/**
	 * Confirms an open hold: its events are called off (those still on; their registrations are cancelled as for any
	 * cancelled event) and it is closed by {@code account}.
	 *
	 * @return the confirmed hold; empty when there is no open hold with that id at that site
	 */
	@Transactional
	public Optional<CalendarHold> confirm(String siteId, long id, String account) {
		Optional<Long[]> eventIds = jdbc.sql("""
				update calendar_hold set state = 'confirmed', closed_at = :now, closed_by = :account
				where id = :id and site_id = :site and state = 'open' returning event_ids""")
			.param("now", Timestamp.from(clock.instant()))
			.param("account", account)
			.param("id", id)
			.param("site", siteId)
			.query((rs, row) -> (Long[]) rs.getArray("event_ids").getArray())
			.optional();
		eventIds.ifPresent(ids -> Arrays.stream(ids).forEach(catalog::cancel));
		return eventIds.flatMap(ids -> find(siteId, id));
	}

	private static CalendarHold hold(ResultSet rs, int row) throws SQLException {
		Array ids = rs.getArray("event_ids");
		Timestamp closedAt = rs.getTimestamp("closed_at");
		return new CalendarHold(rs.getLong("id"), rs.getString("site_id"),
				CalendarHold.Reason.valueOf(constant(rs.getString("reason"))), rs.getInt("feed_events"),
				rs.getInt("coming_events"), List.of((Long[]) ids.getArray()),
				CalendarHold.State.valueOf(constant(rs.getString("state"))), rs.getTimestamp("held_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
				rs.getString("closed_by"));
	}

	private static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String constant(String code) {
		return code.toUpperCase(Locale.ROOT).replace('-', '_');
	}

}
