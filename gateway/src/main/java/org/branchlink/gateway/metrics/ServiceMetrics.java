package org.branchlink.gateway.metrics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.menu.MenuFigures;
import org.branchlink.gateway.survey.StratifiedSample;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service-efficiency figures of a period, per township and for the county, read from what the other capabilities
 * wrote (loans, copies, readers, events and registrations, mobile visits, demand tickets, surveys, menu orders); no
 * figure has a data path of its own except visits, which gate counters and mobile units report
 * ({@link SiteVisits}). The three headline rates of seed 001, as defined in {@code src/docs/metrics.md}:
 * utilisation (利用率) = loans in the period ÷ copies held; participation (参与率) = readers who took part in at least one
 * event ÷ registered readers; satisfaction (满意率) = the latest survey's rate, with its sample and margin.
 */
@Service
public class ServiceMetrics {

	/** The row of the county's own institutions (central library, culture hall, city study rooms, mobile units). */
	public static final String COUNTY = "county";

	/** One township's (or the county level's, or the whole county's) figures. */
	public record Row(String township, long visits, long activeReaders, long loans, long copies, Double utilisation, long readers, long participants,
			Double participation, long events, Map<String, Long> eventsByCategory, long attendance, Map<String, Long> attendanceByCategory, long registrations,
			Double checkInRate, long mobileStops, long villageCentres, long villageCentresReached, Double coverage,
			long ticketsDue, long ticketsOnTime, Double ticketCompliance, Double satisfaction, Integer satisfactionN,
			Double satisfactionMargin, Map<String, Long> eventsByMode, Map<String, Long> attendanceByMode,
			Map<String, Long> mobileStopsByService) {
	}

	/** The figures' key prefix of the mobile stops made per service ({@code books}, {@code performance}, {@code film}). */
	private static final String STOPS_BY_SERVICE = "mobileStops.";

	/** The figures of a period: per township, for the county, and the service menu's. */
	public record Report(LocalDate from, LocalDate to, List<Row> townships, Row county, MenuFigures.Stats menu) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final MenuFigures menu;

	private final Clock clock;

	private final ZoneId zone;

	private final CatalogCopies copies;

	private final EventCatalog eventCatalog;

	ServiceMetrics(JdbcClient jdbc, SiteDirectory sites, MenuFigures menu, Clock clock, CountySettings county,
			CatalogCopies copies, EventCatalog eventCatalog) {
		this.jdbc = jdbc;
		this.copies = copies;
		this.eventCatalog = eventCatalog;
		this.sites = sites;
		this.menu = menu;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** Counts per site from a query of (site_id, count) over the period. */
	private Map<String, Long> perSite(String sql, LocalDate from, LocalDate to) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql(sql)
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.param("fromDay", Date.valueOf(from))
			.param("toDay", Date.valueOf(to))
			.param("today", Date.valueOf(LocalDate.now(clock.withZone(zone))))
			.param("zone", zone.getId())
			.query((rs, n) -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum))
			.list();
		return counts;
	}

	public Report report(LocalDate from, LocalDate to) {
		return report(from, to, false);
	}

	/** The figures per township, or with {@code perSite} per site (the county's total the same either way). */
	public Report report(LocalDate from, LocalDate to, boolean perSite) {
		SiteRegistry registry = sites.require();
		Function<String, String> township = perSite ? site -> site
				: site -> registry.townshipOf(site).map(Site::id).orElse(COUNTY);
		Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
		figures.put("loans", perSite("""
				select checkout_site, count(*) from loan where checked_out_at >= :from and checked_out_at < :to
				group by checkout_site""", from, to));
		figures.put("visits", perSite("""
				select site_id, sum(visits) from site_visit where day between :fromDay and :toDay group by site_id""", from, to));
		figures.put("activeReaders", perSite("""
				select d.home_site, count(distinct a.reader_id) from reader_activity a join reader d on d.id = a.reader_id
				where a.month between date_trunc('month', cast(:fromDay as date)) and :toDay group by d.home_site""", from, to));
		figures.put("copies", copies.copiesPerSite());
		figures.put("readers", perSite("select home_site, count(*) from reader group by home_site", from, to));
		EventFigures events = eventFigures(from, to);
		figures.put("participants", events.participants());
		figures.put("events", events.events());
		figures.put("attendance", events.attendance());
		figures.put("registrations", events.registrations());
		figures.put("checkedIn", events.checkedIn());
		// visits made: the crews' check-ins at the stops, not the plan (issue 20)
		figures.put("mobileStops", perSite("""
				select v.site_id, count(*) from mobile_visit v
				where v.status = 'planned' and v.arrived_at is not null and v.day between :fromDay and :toDay
				    and v.day <= :today group by v.site_id""", from, to));
		for (String service : List.of("books", "performance", "film")) {
			figures.put(STOPS_BY_SERVICE + service, perSite("""
					select v.site_id, count(*) from mobile_visit v join mobile_plan p on p.id = v.plan_id
					where v.status = 'planned' and v.arrived_at is not null and v.day between :fromDay and :toDay
					    and v.day <= :today and p.service = '""" + service + "' group by v.site_id", from, to));
		}
		Map<String, Long> reached = new TreeMap<>(perSite("""
				select distinct v.site_id, 1 from mobile_visit v where v.status = 'planned' and v.arrived_at is not null
				    and v.day between :fromDay and :toDay and v.day <= :today""", from, to));
		events.held().forEach(site -> reached.put(site, 1L));
		figures.put("reached", reached);
		figures.put("ticketsDue", perSite("""
				select site_id, count(*) from demand_ticket where disposition = 'handle' and deadline between :fromDay and :toDay
				    and (deadline < :today or answered_at is not null) group by site_id""", from, to));
		figures.put("ticketsOnTime", perSite("""
				select site_id, count(*) from demand_ticket where disposition = 'handle' and deadline between :fromDay and :toDay
				    and answered_at is not null and (answered_at at time zone :zone)::date <= deadline
				group by site_id""", from, to));
		Map<String, Map<String, Long>> categories = byTownship(events.byCategory(), township);
		Map<String, Map<String, Long>> attendanceByCategory = byTownship(events.attendanceByCategory(), township);
		Map<String, Map<String, Long>> modes = byTownship(events.byMode(), township);
		Map<String, Map<String, Long>> attendanceByMode = byTownship(events.attendanceByMode(), township);
		Map<String, double[]> satisfaction = latestSatisfaction();
		Map<String, Map<String, Long>> byTownship = new TreeMap<>();
		figures.forEach((name, counts) -> counts.forEach((site, count) -> byTownship
			.computeIfAbsent(township.apply(site), t -> new TreeMap<>()).merge(name, count, Long::sum)));
		Map<String, Long> villages = new TreeMap<>();
		for (Site site : registry.sites()) {
			if (site.kind() == SiteKind.VILLAGE_CENTER || site.kind() == SiteKind.COMMUNITY_CENTER) {
				villages.merge(township.apply(site.id()), 1L, Long::sum);
			}
			if (site.kind() == SiteKind.TOWNSHIP_STATION && !perSite) {
				byTownship.computeIfAbsent(site.id(), t -> new TreeMap<>());
			}
		}
		Map<String, Long> reachedVillages = new TreeMap<>();
		figures.get("reached").keySet().stream()
			.filter(id -> registry.find(id).map(s -> s.kind() == SiteKind.VILLAGE_CENTER || s.kind() == SiteKind.COMMUNITY_CENTER).orElse(false))
			.forEach(id -> reachedVillages.merge(township.apply(id), 1L, Long::sum));
		List<Row> rows = new ArrayList<>();
		Map<String, Long> total = new TreeMap<>();
		Map<String, Long> totalCategories = new TreeMap<>();
		Map<String, Long> totalAttendance = new TreeMap<>();
		Map<String, Long> totalModes = new TreeMap<>();
		Map<String, Long> totalAttendanceByMode = new TreeMap<>();
		long totalVillages = 0, totalReached = 0;
		for (Map.Entry<String, Map<String, Long>> entry : byTownship.entrySet()) {
			String t = entry.getKey();
			Map<String, Long> f = entry.getValue();
			f.forEach((k, v) -> total.merge(k, v, Long::sum));
			categories.getOrDefault(t, Map.of()).forEach((k, v) -> totalCategories.merge(k, v, Long::sum));
			attendanceByCategory.getOrDefault(t, Map.of()).forEach((k, v) -> totalAttendance.merge(k, v, Long::sum));
			modes.getOrDefault(t, Map.of()).forEach((k, v) -> totalModes.merge(k, v, Long::sum));
			attendanceByMode.getOrDefault(t, Map.of()).forEach((k, v) -> totalAttendanceByMode.merge(k, v, Long::sum));
			long v = villages.getOrDefault(t, 0L), r = reachedVillages.getOrDefault(t, 0L);
			totalVillages += v;
			totalReached += r;
			rows.add(row(t, f, categories.getOrDefault(t, Map.of()), attendanceByCategory.getOrDefault(t, Map.of()), v, r,
					satisfaction.get(t), modes.getOrDefault(t, Map.of()), attendanceByMode.getOrDefault(t, Map.of())));
		}
		Row county = row("all", total, totalCategories, totalAttendance, totalVillages, totalReached,
				satisfaction.get("all"), totalModes, totalAttendanceByMode);
		return new Report(from, to, rows, county, menu.stats(from, to));
	}

	/** Counts per township and category from a query of (site_id, category, count) over the period. */
	/** Counts per site and category summed per township. */
	private static Map<String, Map<String, Long>> byTownship(Map<String, Map<String, Long>> perSite,
			Function<String, String> township) {
		Map<String, Map<String, Long>> counts = new TreeMap<>();
		perSite.forEach((site, byCategory) -> byCategory.forEach((category, n) -> counts
			.computeIfAbsent(township.apply(site), t -> new TreeMap<>()).merge(category, n, Long::sum)));
		return counts;
	}

	/**
	 * What the period's cultural events give the measures, per site of the event (participants per reader's home site).
	 *
	 * @param participants readers who attended at least one event, per home site
	 * @param events events held or to be held (not called off)
	 * @param attendance attendances
	 * @param registrations registrations (not walk-ins) of events that have ended
	 * @param checkedIn those of them that came
	 * @param held sites where an event (not called off) has begun
	 * @param byCategory events per site and category
	 * @param attendanceByCategory attendances per site and category
	 * @param byMode events per site and service mode
	 * @param attendanceByMode attendances per site and service mode
	 */
	private record EventFigures(Map<String, Long> participants, Map<String, Long> events, Map<String, Long> attendance,
			Map<String, Long> registrations, Map<String, Long> checkedIn, Set<String> held,
			Map<String, Map<String, Long>> byCategory, Map<String, Map<String, Long>> attendanceByCategory,
			Map<String, Map<String, Long>> byMode, Map<String, Map<String, Long>> attendanceByMode) {
	}

	private EventFigures eventFigures(LocalDate from, LocalDate to) {
		Instant now = clock.instant();
		Map<Long, CulturalEvent> events = new HashMap<>();
		eventCatalog.startingIn(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
			.forEach(e -> events.put(e.id(), e));
		EventFigures figures = new EventFigures(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
				new TreeMap<>(), new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
		for (CulturalEvent e : events.values()) {
			if (e.cancelled()) {
				continue;
			}
			if (e.starts().isBefore(now)) {
				figures.held().add(e.siteId());
			}
			if (e.kind() == CulturalEvent.Kind.EVENT) {
				figures.events().merge(e.siteId(), 1L, Long::sum);
				figures.byCategory().computeIfAbsent(e.siteId(), s -> new TreeMap<>()).merge(e.category().code(), 1L,
						Long::sum);
				figures.byMode().computeIfAbsent(e.siteId(), s -> new TreeMap<>()).merge(e.mode().code(), 1L, Long::sum);
			}
		}
		Map<String, Set<Long>> participants = new HashMap<>();
		jdbc.sql("""
				select r.event_id, r.status, r.walk_in, d.id, d.home_site from event_registration r
				left join reader d on d.id = r.reader_id where r.event_id = any(:events)""")
			.param("events", events.keySet().toArray(Long[]::new))
			.query((ResultSet rs) -> {
				CulturalEvent e = events.get(rs.getLong(1));
				boolean attended = "attended".equals(rs.getString(2));
				boolean ended = e.ends() != null && e.ends().isBefore(now);
				if (attended) {
					figures.attendance().merge(e.siteId(), 1L, Long::sum);
					if (rs.getString(5) != null) {
						participants.computeIfAbsent(rs.getString(5), s -> new HashSet<>()).add(rs.getLong(4));
					}
					if (e.kind() == CulturalEvent.Kind.EVENT) {
						figures.attendanceByCategory().computeIfAbsent(e.siteId(), s -> new TreeMap<>())
							.merge(e.category().code(), 1L, Long::sum);
						figures.attendanceByMode().computeIfAbsent(e.siteId(), s -> new TreeMap<>())
							.merge(e.mode().code(), 1L, Long::sum);
					}
				}
				if (!rs.getBoolean(3) && ended && (attended || "registered".equals(rs.getString(2)))) {
					figures.registrations().merge(e.siteId(), 1L, Long::sum);
					if (attended) {
						figures.checkedIn().merge(e.siteId(), 1L, Long::sum);
					}
				}
			});
		participants.forEach((site, readers) -> figures.participants().put(site, (long) readers.size()));
		return figures;
	}

	private static Row row(String township, Map<String, Long> f, Map<String, Long> categories,
			Map<String, Long> attendanceByCategory, long villages, long reached, double[] satisfaction,
			Map<String, Long> byMode, Map<String, Long> attendanceByMode) {
		long loans = f.getOrDefault("loans", 0L), copies = f.getOrDefault("copies", 0L);
		long readers = f.getOrDefault("readers", 0L), participants = f.getOrDefault("participants", 0L);
		long registrations = f.getOrDefault("registrations", 0L), checkedIn = f.getOrDefault("checkedIn", 0L);
		long due = f.getOrDefault("ticketsDue", 0L), onTime = f.getOrDefault("ticketsOnTime", 0L);
		Map<String, Long> byService = new TreeMap<>();
		f.forEach((name, count) -> {
			if (name.startsWith(STOPS_BY_SERVICE)) {
				byService.put(name.substring(STOPS_BY_SERVICE.length()), count);
			}
		});
		return new Row(township, f.getOrDefault("visits", 0L), f.getOrDefault("activeReaders", 0L), loans, copies, ratio(loans, copies), readers, participants, ratio(participants, readers),
				f.getOrDefault("events", 0L), categories, f.getOrDefault("attendance", 0L), attendanceByCategory,
				registrations,
				ratio(checkedIn, registrations), f.getOrDefault("mobileStops", 0L), villages, reached,
				ratio(reached, villages), due, onTime, ratio(onTime, due),
				satisfaction == null ? null : satisfaction[0], satisfaction == null ? null : (int) satisfaction[1],
				satisfaction == null ? null : satisfaction[2], byMode, attendanceByMode, byService);
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : Math.round((double) part / whole * 10000) / 10000.0;
	}

	/** The latest survey's satisfaction per township and overall: rate, scored answers, margin of error. */
	private Map<String, double[]> latestSatisfaction() {
		Map<String, double[]> result = new TreeMap<>();
		Long survey = jdbc.sql("select max(survey_id) from survey_response").query(Long.class).optional().orElse(null);
		if (survey == null) {
			return result;
		}
		var rows = jdbc.sql("""
				select r.township, count(*) filter (where (r.answers ->> q.id)::int between 1 and 5),
				    count(*) filter (where (r.answers ->> q.id)::int >= 4)
				from survey_response r join survey s on s.id = r.survey_id
				cross join lateral (select e ->> 'id' as id from jsonb_array_elements(s.questions) e
				    where (e ->> 'overall')::boolean) q
				where r.survey_id = :survey group by r.township""")
			.param("survey", survey)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3) })
			.list();
		long scored = 0, satisfied = 0;
		for (Object[] row : rows) {
			long n = (Long) row[1], s = (Long) row[2];
			scored += n;
			satisfied += s;
			if (n > 0) {
				result.put((String) row[0], cell(s, n));
			}
		}
		if (scored > 0) {
			result.put("all", cell(satisfied, scored));
		}
		return result;
	}

	private static double[] cell(long satisfied, long scored) {
		double p = (double) satisfied / scored;
		return new double[] { Math.round(p * 10000) / 10000.0, scored,
				Math.round(StratifiedSample.marginOfError(p, (int) scored) * 10000) / 10000.0 };
	}

}
