package org.branchlink.gateway.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.branchlink.gateway.calendar.CalendarProperties;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.schedule.MobileFleet;
import org.branchlink.gateway.schedule.MobilePlan;
import org.branchlink.gateway.schedule.MobilePlanner;
import org.branchlink.gateway.schedule.MobileService;
import org.branchlink.gateway.schedule.MobileUnit;
import org.branchlink.gateway.schedule.PlannerPeer;
import org.branchlink.gateway.schedule.ScheduleProperties;
import org.branchlink.gateway.schedule.ServiceStop;
import org.branchlink.site.GeoPoint;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryReader;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The scheduling benchmark ({@code ./bench schedule [quarter-start]}): plans a quarter (default 2026-01-01, which holds
 * the Spring Festival and three 调休 days) for the demo county's 150 village and community centres with its three
 * units, with the settings and calendar of {@code application.yml}. Prints coverage, longest gap, distance, the
 * lower bound of {@code LowerBound} and their ratio (and the ratio to the better of that bound and the relaxation of the
 * runs, {@code RunRelaxationBound}, computed with the peer), and the wall time of the planner (median of five runs after one
 * warm-up); beside it, in the same run, the construction heuristic alone (savings and local search without ruin and
 * recreate). Then the peer nobody here wrote: the same day runs solved by Timefold Solver in the time the planner's
 * tour builder took ({@link PlannerPeer}), on the demo county and on a larger generated county of 300 stops and 4 units
 * planned for a month (where Timefold also gets 30 s). Writes {@code src/docs/bench/schedule.json}.
 */
public final class ScheduleBench {

	private ScheduleBench() {
	}

	/** The application's own settings, read as the application reads them. */
	public static Binder applicationSettings() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return new Binder(ConfigurationPropertySources.get(environment));
	}

	static void run(String start) throws Exception {
		Binder settings = applicationSettings();
		ScheduleProperties properties = settings.bindOrCreate("branchlink.schedule", ScheduleProperties.class);
		CalendarProperties calendar = settings.bindOrCreate("branchlink.calendar", CalendarProperties.class);
		SiteRegistry registry = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml");
		List<MobileUnit> units = MobileFleet.units(registry, properties, MobileService.BOOKS);
		List<ServiceStop> stops = MobileFleet.stops(registry, properties);
		LocalDate from = start.isEmpty() ? LocalDate.of(2026, 1, 1) : LocalDate.parse(start);
		LocalDate to = from.plusMonths(3).minusDays(1);
		MobilePlanner planner = new MobilePlanner(calendar.calendar(), properties.detourFactor(), Integer.getInteger("bench.iterations", properties.searchIterations()));
		MobilePlanner.Request request = new MobilePlanner.Request(from, to, units, stops, 3 * properties.visitsPerMonth(),
				properties.maxGapDays());
		planner.plan(request);
		long[] times = new long[5];
		MobilePlan plan = null;
		for (int i = 0; i < times.length; i++) {
			long t0 = System.nanoTime();
			plan = planner.plan(request);
			times[i] = System.nanoTime() - t0;
		}
		Arrays.sort(times);
		double wall = times[times.length / 2] / 1e9;
		// the same plan from the construction heuristic alone (savings + local search, no ruin and recreate)
		long b0 = System.nanoTime();
		MobilePlan baseline = new MobilePlanner(calendar.calendar(), properties.detourFactor(), 0).plan(request);
		double baselineWall = (System.nanoTime() - b0) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("period", from + ".." + to);
		result.put("stops", stops.size());
		result.put("units", units.size());
		result.put("visits_per_stop", plan.visitsPerStop());
		result.put("runs", plan.runs().size());
		result.put("coverage", round(plan.coverage(), 4));
		result.put("max_gap_days", plan.maxGapDays());
		result.put("max_gap_bound_days", plan.maxGapBound());
		result.put("distance_km", round(plan.distanceKm(), 1));
		result.put("lower_bound_km", round(plan.lowerBoundKm(), 1));
		result.put("distance_ratio", round(plan.distanceKm() / plan.lowerBoundKm(), 3));
		result.put("wall_s", round(wall, 3));
		result.put("search_iterations", Integer.getInteger("bench.iterations", properties.searchIterations()));
		result.put("baseline_distance_km", round(baseline.distanceKm(), 1));
		result.put("baseline_distance_ratio", round(baseline.distanceKm() / plan.lowerBoundKm(), 3));
		result.put("baseline_wall_s", round(baselineWall, 3));
		result.put("uncovered", plan.uncovered().size());
		System.out.printf("schedule: %d stops, %d units, %s%n", stops.size(), units.size(), result.get("period"));
		System.out.printf("  coverage %.1f %% (k = %d), longest gap %d days (bound %d), %d day runs%n",
				plan.coverage() * 100, plan.visitsPerStop(), plan.maxGapDays(), plan.maxGapBound(), plan.runs().size());
		System.out.printf("  distance %.1f km, lower bound %.1f km, ratio %.3f, planner wall time %.3f s%n",
				plan.distanceKm(), plan.lowerBoundKm(), plan.distanceKm() / plan.lowerBoundKm(), wall);
		System.out.printf("  savings + local search alone: %.1f km, ratio %.3f, %.3f s%n", baseline.distanceKm(),
				baseline.distanceKm() / plan.lowerBoundKm(), baselineWall);
		int iterations = Integer.getInteger("bench.iterations", properties.searchIterations());
		// Timefold's first solve in this JVM loads and compiles its engine: one short solve before the timed ones
		PlannerPeer.compare(request, properties.detourFactor(), 1000, Duration.ofSeconds(3));
		Map<String, Object> demoPeer = peer("demo county", request, properties.detourFactor(), iterations, null);
		result.put("timefold", demoPeer);
		judge("demo county", result, plan, demoPeer);

		MobilePlanner.Request large = largeCounty(units.get(0));
		MobilePlan largePlan = planner.plan(large);
		long l0 = System.nanoTime();
		largePlan = planner.plan(large);
		double largeWall = (System.nanoTime() - l0) / 1e9;
		Map<String, Object> larger = new LinkedHashMap<>();
		larger.put("period", large.from() + ".." + large.to());
		larger.put("stops", large.stops().size());
		larger.put("units", large.units().size());
		larger.put("visits_per_stop", largePlan.visitsPerStop());
		larger.put("runs", largePlan.runs().size());
		larger.put("coverage", round(largePlan.coverage(), 4));
		larger.put("distance_km", round(largePlan.distanceKm(), 1));
		larger.put("lower_bound_km", round(largePlan.lowerBoundKm(), 1));
		larger.put("distance_ratio", round(largePlan.distanceKm() / largePlan.lowerBoundKm(), 3));
		larger.put("wall_s", round(largeWall, 3));
		larger.put("uncovered", largePlan.uncovered().size());
		System.out.printf("generated county: %d stops, %d units, %s: coverage %.1f %%, %.1f km, bound %.1f km, ratio %.3f, %.3f s%n",
				large.stops().size(), large.units().size(), larger.get("period"), largePlan.coverage() * 100,
				largePlan.distanceKm(), largePlan.lowerBoundKm(), largePlan.distanceKm() / largePlan.lowerBoundKm(), largeWall);
		Map<String, Object> largePeer = peer("generated county", large, properties.detourFactor(), iterations, null);
		larger.put("timefold", largePeer);
		judge("generated county", larger, largePlan, largePeer);
		larger.put("timefold_30s", peer("generated county, Timefold 30 s", large, properties.detourFactor(), iterations,
				Duration.ofSeconds(30)));
		result.put("large", larger);
		Bench.writeJson("schedule", result);
	}

	/**
	 * The plan against the better of its own bound and the relaxation's (computed with the peer, same stops and visits):
	 * {@code best_lower_bound_km} and {@code best_bound_ratio}, the figure the 1.2 target is read on.
	 */
	private static void judge(String name, Map<String, Object> figures, MobilePlan plan, Map<String, Object> peer) {
		double relaxed = (double) peer.get("relaxed_bound_km");
		double best = Math.max(plan.lowerBoundKm(), relaxed);
		figures.put("relaxed_lower_bound_km", round(relaxed, 1));
		figures.put("relaxed_bound_s", peer.get("relaxed_bound_s"));
		figures.put("best_lower_bound_km", round(best, 1));
		figures.put("best_bound_ratio", round(plan.distanceKm() / best, 3));
		System.out.printf("  %s: relaxation of the runs %.1f km (%.1f s); plan %.1f km is %.3f times the better bound%n", name,
				relaxed, peer.get("relaxed_bound_s"), plan.distanceKm(), plan.distanceKm() / best);
	}

	/** The planner's and Timefold's day runs for one request, printed and as the JSON's figures. */
	private static Map<String, Object> peer(String name, MobilePlanner.Request request, double detourFactor, int iterations,
			Duration limit) {
		PlannerPeer.Comparison c = PlannerPeer.compare(request, detourFactor, iterations, limit);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("plan_bound_km", round(c.planBoundKm(), 1));
		figures.put("relaxed_bound_km", round(c.relaxedBoundKm(), 1));
		figures.put("relaxed_bound_s", round(c.relaxedBoundSeconds(), 1));
		figures.put("planner_km", round(c.plannerPlanKm(), 1));
		figures.put("planner_runs", c.planner().runs());
		figures.put("planner_s", round(c.planner().seconds(), 3));
		figures.put("planner_ratio", round(c.plannerPlanKm() / c.lowerBoundKm(), 3));
		figures.put("timefold_km", round(c.timefoldPlanKm(), 1));
		figures.put("timefold_runs", c.timefold().runs());
		figures.put("timefold_s", round(c.timefold().seconds(), 3));
		figures.put("timefold_ratio", round(c.timefoldPlanKm() / c.lowerBoundKm(), 3));
		figures.put("timefold_feasible", c.timefold().withinDays());
		figures.put("planner_to_timefold", round(c.plannerPlanKm() / c.timefoldPlanKm(), 3));
		System.out.printf("  %s, day runs only: planner %.1f km (ratio %.3f) in %.3f s; Timefold %.1f km (ratio %.3f%s) in %.3f s;"
				+ " planner / Timefold %.3f%n", name, c.plannerPlanKm(), c.plannerPlanKm() / c.lowerBoundKm(),
				c.planner().seconds(), c.timefoldPlanKm(), c.timefoldPlanKm() / c.lowerBoundKm(),
				c.timefold().withinDays() ? "" : ", NOT within the days", c.timefold().seconds(),
				c.plannerPlanKm() / c.timefoldPlanKm());
		return figures;
	}

	/**
	 * A larger county than the demo, generated with a fixed seed: 300 village centres in 25 clusters (a township's
	 * villages lie within a few kilometres of each other) over about 100 by 80 km, and 4 units at the central library
	 * and three township stations, each with the demo unit's working pattern but hour-long stops, planned for one month
	 * with one visit per stop.
	 */
	public static MobilePlanner.Request largeCounty(MobileUnit pattern) {
		Random random = new Random(20261207L);
		double lat0 = 27.8;
		double lon0 = 115.0;
		double kmPerLon = 111.32 * Math.cos(Math.toRadians(lat0));
		double[][] homes = { { 0, 0 }, { -30, -20 }, { 30, -15 }, { 5, 30 } };
		List<MobileUnit> units = new ArrayList<>();
		for (int i = 0; i < homes.length; i++) {
			GeoPoint home = new GeoPoint(lat0 + homes[i][1] / 111.32, lon0 + homes[i][0] / kmPerLon);
			units.add(new MobileUnit("unit-" + (i + 1), "流动服务车" + (i + 1), "station-" + (i + 1), home,
					EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
					pattern.dayStart(), pattern.dayEnd(), 60, pattern.speedKmh()));
		}
		List<ServiceStop> stops = new ArrayList<>();
		for (int t = 0; t < 25; t++) {
			double cx = random.nextDouble() * 100 - 50;
			double cy = random.nextDouble() * 80 - 40;
			for (int v = 0; v < 12; v++) {
				double x = cx + random.nextGaussian() * 4;
				double y = cy + random.nextGaussian() * 4;
				stops.add(new ServiceStop("village-" + t + "-" + v, "村" + t + "-" + v,
						new GeoPoint(lat0 + y / 111.32, lon0 + x / kmPerLon)));
			}
		}
		return new MobilePlanner.Request(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), units, stops, 1, 35);
	}

	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}
