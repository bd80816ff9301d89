package org.branchlink.gateway.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.calendar.CalendarProperties;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.schedule.MobileFleet;
import org.branchlink.gateway.schedule.MobilePlan;
import org.branchlink.gateway.schedule.MobilePlanner;
import org.branchlink.gateway.schedule.MobileUnit;
import org.branchlink.gateway.schedule.ScheduleProperties;
import org.branchlink.gateway.schedule.ServiceStop;
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
 * lower bound of {@code LowerBound} and their ratio, and the wall time of the planner (median of five runs after one
 * warm-up); beside it, in the same run, the construction heuristic alone (savings and local search without ruin and
 * recreate). Writes {@code src/docs/bench/schedule.json}.
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
		List<MobileUnit> units = MobileFleet.units(registry, properties);
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
		Bench.writeJson("schedule", result);
	}

	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}
