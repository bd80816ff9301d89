package org.branchlink.gateway.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The venues' bookings as people read them, in the county's time: a reader's own, a site's coming week and what awaits
 * its decision (with the booker, for staff), and when a venue is taken (for everyone, with no booker named). The
 * bookings themselves are {@link VenueBookings}'.
 */
@Service
public class VenueCalendar {

	/** A booking as staff and its booker see it, in the county's time. */
	public record Booking(long id, long venueId, String venueName, String siteId, LocalDate day, LocalTime from,
			LocalTime until, String purpose, boolean publicBenefit, int attendees, String rate, int fee, String status,
			String reason, String troupeName, String readerName, String readerCard, boolean cancellable,
			boolean checkInOpen) {
	}

	/** A time a venue is taken, for the public schedule (no booker named, save a troupe). */
	public record Taken(LocalDate day, LocalTime from, LocalTime until, String troupeName) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final VenueRules rules;

	VenueCalendar(JdbcClient jdbc, Clock clock, CountySettings county, VenueRules rules) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rules = rules;
		this.zone = county.zone();
	}

	/** A reader's bookings, the coming ones first. */
	public List<Booking> ofReader(long readerId) {
		return jdbc.sql(VIEWS + """
				 where b.reader_id = :reader
				order by b.ends_at < :now, case when b.ends_at >= :now then b.starts_at end, b.starts_at desc limit 100""")
			.param("reader", readerId).param("now", Timestamp.from(clock.instant())).query(this::view).list();
	}

	/** The bookings at the sites' venues from {@code from} to {@code to}, by time. */
	public List<Booking> atSites(Collection<String> siteIds, LocalDate from, LocalDate to) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(VIEWS + " where v.site_id in (:sites) and b.starts_at >= :from and b.starts_at < :to order by b.starts_at, b.id")
			.param("sites", siteIds).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).query(this::view).list();
	}

	/** The requested bookings at the sites' venues awaiting a decision, soonest first. */
	public List<Booking> awaiting(Collection<String> siteIds) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(VIEWS + " where v.site_id in (:sites) and b.status = 'requested' and b.starts_at > :now order by b.starts_at")
			.param("sites", siteIds).param("now", Timestamp.from(clock.instant())).query(this::view).list();
	}

	/** When a venue is taken from {@code from} for {@code days} days (the public schedule). */
	public List<Taken> taken(long venueId, LocalDate from, int days) {
		return jdbc.sql("""
				select b.starts_at, b.ends_at, t.name as troupe from venue_booking b left join amateur_troupe t on t.id = b.troupe_id
				where b.venue_id = :venue and b.status in ('requested', 'confirmed', 'checked_in')
				    and b.starts_at >= :from and b.starts_at < :to order by b.starts_at""")
			.param("venue", venueId).param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(from.plusDays(days).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> {
				ZonedDateTime starts = rs.getTimestamp("starts_at").toInstant().atZone(zone);
				return new Taken(starts.toLocalDate(), starts.toLocalTime(),
						rs.getTimestamp("ends_at").toInstant().atZone(zone).toLocalTime(), rs.getString("troupe"));
			}).list();
	}

	private static final String VIEWS = """
			select b.id, b.venue_id, v.name as venue_name, v.site_id, b.starts_at, b.ends_at, b.purpose, b.public_benefit,
			    b.attendees, b.rate, b.fee, b.status, b.reason, t.name as troupe_name, r.name as reader_name, r.card_number
			from venue_booking b join venue v on v.id = b.venue_id left join amateur_troupe t on t.id = b.troupe_id
			    left join reader r on r.id = b.reader_id""";

	private Booking view(ResultSet rs, int n) throws SQLException {
		Instant now = clock.instant();
		Instant startsAt = rs.getTimestamp("starts_at").toInstant();
		String status = rs.getString("status");
		LocalDateTime starts = LocalDateTime.ofInstant(rs.getTimestamp("starts_at").toInstant(), zone);
		LocalDateTime ends = LocalDateTime.ofInstant(rs.getTimestamp("ends_at").toInstant(), zone);
		return new Booking(rs.getLong("id"), rs.getLong("venue_id"), rs.getString("venue_name"), rs.getString("site_id"),
				starts.toLocalDate(), starts.toLocalTime(), ends.toLocalTime(), rs.getString("purpose"),
				rs.getBoolean("public_benefit"), rs.getInt("attendees"), rs.getString("rate"), rs.getInt("fee"),
				rs.getString("status"), rs.getString("reason"), rs.getString("troupe_name"), rs.getString("reader_name"),
				rs.getString("card_number"), (status.equals("requested") || status.equals("confirmed")) && now.isBefore(startsAt),
				// the door checks in from shortly before the start until the end (a late booker marked not shown too)
				(status.equals("confirmed") || status.equals("no_show")) && !now.isBefore(startsAt.minus(rules.checkInEarly()))
						&& now.isBefore(rs.getTimestamp("ends_at").toInstant()));
	}

}
