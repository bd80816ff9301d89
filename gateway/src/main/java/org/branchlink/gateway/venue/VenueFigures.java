package org.branchlink.gateway.venue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The venues' figures over a period (use rate, bookings, not shown, free, by troupes; metrics.md), per site and county. */
@Service
public class VenueFigures {

	/** A site's (or the county's) venue figures over a period. */
	public record Figures(String siteId, int venues, double openHours, double usedHours, int bookings, int checkedIn,
			int noShows, int free, int byTroupes) {

		/** Hours checked in ÷ hours open. */
		@JsonProperty
		public Double useRate() {
			return openHours == 0 ? null : usedHours / openHours;
		}

		/** Not shown ÷ (checked in + not shown). */
		@JsonProperty
		public Double noShowRate() {
			return checkedIn + noShows == 0 ? null : (double) noShows / (checkedIn + noShows);
		}
	}

	private final JdbcClient jdbc;

	private final Venues venues;

	private final ZoneId zone;

	VenueFigures(JdbcClient jdbc, Venues venues, CountySettings county) {
		this.jdbc = jdbc;
		this.venues = venues;
		this.zone = county.zone();
	}

	/**
	 * The venue figures from {@code from} to {@code to} (inclusive) per site, and the county's first (site id null): hours
	 * open are each active venue's daily hours times the days; hours used are those of bookings checked in.
	 */
	public List<Figures> of(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidRequestException("figures-period", from.toString(), to.toString());
		}
		int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
		Map<String, double[]> open = new LinkedHashMap<>();
		for (Venue venue : venues.venues(Optional.empty())) {
			if (venue.active()) {
				double[] site = open.computeIfAbsent(venue.siteId(), key -> new double[2]);
				site[0]++;
				site[1] += venue.openHours() * days;
			}
		}
		Map<String, Figures> bySite = new LinkedHashMap<>();
		jdbc.sql("""
				select v.site_id,
				    coalesce(sum(extract(epoch from b.ends_at - b.starts_at) / 3600.0) filter (where b.status = 'checked_in'), 0) as used,
				    count(*) filter (where b.status in ('confirmed', 'checked_in', 'no_show')) as bookings,
				    count(*) filter (where b.status = 'checked_in') as checked_in,
				    count(*) filter (where b.status = 'no_show') as no_shows,
				    count(*) filter (where b.status in ('confirmed', 'checked_in', 'no_show') and b.rate = 'free') as free,
				    count(*) filter (where b.status in ('confirmed', 'checked_in', 'no_show') and b.troupe_id is not null) as troupes
				from venue_booking b join venue v on v.id = b.venue_id
				where v.active and b.starts_at >= :from and b.starts_at < :to group by v.site_id order by v.site_id""")
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> {
				String site = rs.getString("site_id");
				double[] hours = open.getOrDefault(site, new double[2]);
				return new Figures(site, (int) hours[0], hours[1], rs.getDouble("used"), rs.getInt("bookings"),
						rs.getInt("checked_in"), rs.getInt("no_shows"), rs.getInt("free"), rs.getInt("troupes"));
			}).list().forEach(figures -> bySite.put(figures.siteId(), figures));
		open.forEach((site, hours) -> bySite.putIfAbsent(site, new Figures(site, (int) hours[0], hours[1], 0, 0, 0, 0, 0, 0)));
		List<Figures> all = new ArrayList<>();
		all.add(bySite.values().stream().reduce(new Figures(null, 0, 0, 0, 0, 0, 0, 0, 0),
				(a, b) -> new Figures(null, a.venues() + b.venues(), a.openHours() + b.openHours(), a.usedHours() + b.usedHours(),
						a.bookings() + b.bookings(), a.checkedIn() + b.checkedIn(), a.noShows() + b.noShows(),
						a.free() + b.free(), a.byTroupes() + b.byTroupes())));
		bySite.values().stream().sorted((a, b) -> a.siteId().compareTo(b.siteId())).forEach(all::add);
		return all;
	}

}
