package org.branchlink.gateway.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.branchlink.site.GeoPoint;

/**
 * The planner's day runs beside those of a peer nobody here wrote: for one request, the planner's tour builder
 * ({@link TourBuilder}, as {@link MobilePlanner#plan} calls it) and Timefold Solver (list variable, the same road
 * distances, the same strictest day limits, every reachable stop once) each split the stops into day runs; Timefold is
 * given the time the planner took unless told otherwise. Both totals are compared with the better of two lower bounds,
 * the plan's own ({@link LowerBound}) and the relaxation of the runs ({@link RunRelaxationBound}), all at the scale of
 * the plan (k visits per stop). Used by {@code ./bench schedule}.
 */
public final class PlannerPeer {

	/**
	 * One solver's runs.
	 *
	 * @param km road kilometres of all runs, once
	 * @param runs day runs used
	 * @param seconds wall time of the solve
	 * @param withinDays whether every run is home within its day and every reachable stop is in exactly one run
	 */
	public record Runs(double km, int runs, double seconds, boolean withinDays) {
	}

	/**
	 * The two solvers on one request.
	 *
	 * @param stops stops in the request
	 * @param visitsPerStop k: each run is driven k times in the plan
	 * @param planBoundKm the plan's own lower bound (k visits per stop; {@link LowerBound})
	 * @param relaxedBoundKm the relaxation's lower bound (k visits per stop; {@link RunRelaxationBound})
	 * @param relaxedBoundSeconds the wall time of the relaxation
	 * @param planner the planner's runs
	 * @param timefold Timefold Solver's runs
	 */
	public record Comparison(int stops, int visitsPerStop, double planBoundKm, double relaxedBoundKm,
			double relaxedBoundSeconds, Runs planner, Runs timefold) {

		/** The better of the two bounds: neither solver can drive less. */
		public double lowerBoundKm() {
			return Math.max(planBoundKm, relaxedBoundKm);
		}

		/** The planner's runs at the plan's scale (k rounds). */
		public double plannerPlanKm() {
			return planner.km() * visitsPerStop;
		}

		/** Timefold's runs at the plan's scale. */
		public double timefoldPlanKm() {
			return timefold.km() * visitsPerStop;
		}

	}

	/** Subgradient steps of the relaxation: its bound on the generated county stops rising by a few kilometres past them. */
	private static final int RELAXATION_STEPS = 4_000;

	private PlannerPeer() {
	}

	/**
	 * Solves the request's day runs with both.
	 *
	 * @param request the plan's request (units, stops, k)
	 * @param detourFactor road kilometres per kilometre as the crow flies
	 * @param iterations the planner's rounds of ruin and recreate
	 * @param timefoldLimit Timefold's time; null gives it the planner's own wall time
	 */
	public static Comparison compare(MobilePlanner.Request request, double detourFactor, int iterations, Duration timefoldLimit) {
		Map<String, Integer> homeIndex = new LinkedHashMap<>();
		List<GeoPoint> points = new ArrayList<>();
		for (MobileUnit unit : request.units()) {
			if (!homeIndex.containsKey(unit.homeSite())) {
				homeIndex.put(unit.homeSite(), points.size());
				points.add(unit.home());
			}
		}
		int[] homes = homeIndex.values().stream().mapToInt(Integer::intValue).toArray();
		int[] stops = new int[request.stops().size()];
		for (int i = 0; i < stops.length; i++) {
			stops[i] = points.size();
			points.add(request.stops().get(i).location());
		}
		TravelMatrix matrix = new TravelMatrix(points, detourFactor);
		List<MobileUnit> units = request.units();
		TourBuilder.DayLimits strictest = TourBuilder.DayLimits.strictest(units);
		TourBuilder.DayLimits loosest = TourBuilder.DayLimits.loosest(units);

		long t0 = System.nanoTime();
		TourBuilder.Result built = new TourBuilder(matrix, strictest, iterations).build(homes, stops);
		long plannerNanos = System.nanoTime() - t0;
		Set<Integer> reachable = new HashSet<>();
		for (int stop : stops) {
			reachable.add(stop);
		}
		built.unreachable().forEach(reachable::remove);
		List<int[]> plannerRuns = built.runs().stream().map(TourBuilder.Run::stops).toList();
		List<Integer> plannerHomes = built.runs().stream().map(TourBuilder.Run::home).toList();
		Runs planner = runs(matrix, strictest, plannerHomes, plannerRuns, reachable, plannerNanos);

		// Timefold counts its limit in whole milliseconds: the planner's time, rounded up
		Duration limit = timefoldLimit != null ? timefoldLimit : Duration.ofMillis((plannerNanos + 999_999) / 1_000_000);
		PeerRuns problem = problem(matrix, strictest, homes, reachable);
		SolverConfig config = new SolverConfig().withSolutionClass(PeerRuns.class)
			.withEntityClasses(PeerRun.class)
			.withConstraintProviderClass(PeerConstraints.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withTerminationSpentLimit(limit);
		var solver = SolverFactory.<PeerRuns>create(config).buildSolver();
		long p0 = System.nanoTime();
		PeerRuns solved = solver.solve(problem);
		long peerNanos = System.nanoTime() - p0;
		List<PeerRun> used = solved.runs().stream().filter(PeerRun::used).toList();
		Runs timefold = runs(matrix, strictest, used.stream().map(PeerRun::home).toList(),
				used.stream().map(PeerRun::order).toList(), reachable, peerNanos);
		double bound = LowerBound.km(matrix, homes, stops, request.visitsPerStop(), loosest);
		int[] visits = new int[stops.length];
		Arrays.fill(visits, request.visitsPerStop());
		RunRelaxationBound.Result relaxed = RunRelaxationBound.km(matrix, homes, stops, visits, loosest,
				planner.km() * request.visitsPerStop(), RELAXATION_STEPS);
		return new Comparison(stops.length, request.visitsPerStop(), bound, relaxed.km(), relaxed.seconds(), planner, timefold);
	}

	/** Runs for every home: as many as half the stops nearest to it, plus one (a run seldom holds a single stop). */
	private static PeerRuns problem(TravelMatrix matrix, TourBuilder.DayLimits limits, int[] homes, Set<Integer> reachable) {
		Map<Integer, Integer> nearest = new LinkedHashMap<>();
		List<PeerStop> stops = new ArrayList<>();
		reachable.stream().sorted().forEach(stop -> {
			stops.add(new PeerStop(stop));
			nearest.merge(matrix.nearest(homes, stop), 1, Integer::sum);
		});
		List<PeerRun> runs = new ArrayList<>();
		for (int home : homes) {
			int count = (nearest.getOrDefault(home, 0) + 1) / 2 + 1;
			for (int i = 0; i < count; i++) {
				runs.add(new PeerRun("run " + home + "/" + i, home, matrix, limits));
			}
		}
		return new PeerRuns(runs, stops);
	}

	private static Runs runs(TravelMatrix matrix, TourBuilder.DayLimits limits, List<Integer> homes, List<int[]> orders,
			Set<Integer> reachable, long nanos) {
		double km = 0;
		boolean within = true;
		List<Integer> visited = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			double runKm = matrix.runKm(homes.get(i), orders.get(i));
			km += runKm;
			within &= limits.fits(runKm, orders.get(i).length);
			for (int stop : orders.get(i)) {
				visited.add(stop);
			}
		}
		within &= visited.size() == reachable.size() && reachable.containsAll(visited);
		return new Runs(km, orders.size(), nanos / 1e9, within);
	}

}
