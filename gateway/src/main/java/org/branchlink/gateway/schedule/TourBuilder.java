package org.branchlink.gateway.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the stops into day runs, each leaving a home in the morning and back before the day ends, with as little
 * driving as it can find: Clarke and Wright's savings per home (each stop starts with the home nearest to it), then
 * local search over all runs (move a stop to another run, swap two stops, reorder a run with 2-opt) until nothing
 * shortens the total, and an exact order (Held and Karp) for every run of up to {@value #EXACT_ORDER} stops.
 * Measured against a lower bound by {@code ./bench schedule} (see performance.md).
 */
final class TourBuilder {

	static final int EXACT_ORDER = 10;

	private static final double EPS = 1e-9;

	private static final int MAX_PASSES = 100;

	/** What one day allows: minutes on the road and at stops, minutes per stop, speed. */
	record DayLimits(int dayMinutes, int stopMinutes, double speedKmh) {

		double minutes(double km, int stops) {
			return km / speedKmh * 60.0 + (double) stops * stopMinutes;
		}

		boolean fits(double km, int stops) {
			return minutes(km, stops) <= dayMinutes + 1e-6;
		}

		/** What every one of these units can do: the shortest day, the longest stop, the slowest speed. */
		static DayLimits strictest(List<MobileUnit> units) {
			return new DayLimits(units.stream().mapToInt(MobileUnit::dayMinutes).min().orElseThrow(),
					units.stream().mapToInt(MobileUnit::stopMinutes).max().orElseThrow(),
					units.stream().mapToDouble(MobileUnit::speedKmh).min().orElseThrow());
		}

		/** What the best of these units can do (for the lower bound). */
		static DayLimits loosest(List<MobileUnit> units) {
			return new DayLimits(units.stream().mapToInt(MobileUnit::dayMinutes).max().orElseThrow(),
					units.stream().mapToInt(MobileUnit::stopMinutes).min().orElseThrow(),
					units.stream().mapToDouble(MobileUnit::speedKmh).max().orElseThrow());
		}

	}

	/** One day's run: a home and the stops in the order visited (indices into the matrix). */
	record Run(int home, int[] stops) {
	}

	/** The runs, and the stops no run can reach and come back from within a day. */
	record Result(List<Run> runs, List<Integer> unreachable) {
	}

	private static final long SEED = 20261123L;

	private final TravelMatrix matrix;

	private final DayLimits limits;

	private final int iterations;

	/**
	 * @param matrix road distances
	 * @param limits what one day allows
	 * @param iterations rounds of ruin and recreate after the savings and local search
	 */
	TourBuilder(TravelMatrix matrix, DayLimits limits, int iterations) {
		this.matrix = matrix;
		this.limits = limits;
		this.iterations = iterations;
	}

	Result build(int[] homes, int[] stops) {
		Map<Integer, List<Integer>> byHome = new HashMap<>();
		List<Integer> unreachable = new ArrayList<>();
		for (int stop : stops) {
			int home = matrix.nearest(homes, stop);
			if (!limits.fits(2 * matrix.km(home, stop), 1)) {
				unreachable.add(stop);
				continue;
			}
			byHome.computeIfAbsent(home, h -> new ArrayList<>()).add(stop);
		}
		List<DayRoute> routes = new ArrayList<>();
		byHome.forEach((home, group) -> routes.addAll(savings(home, group)));
		improve(routes);
		List<DayRoute> best = new RuinAndRecreate(matrix, limits, iterations, SEED).run(routes, homes);
		improve(best);
		routes.clear();
		routes.addAll(best);
		List<Run> runs = new ArrayList<>();
		for (DayRoute route : routes) {
			if (!route.stops.isEmpty()) {
				runs.add(new Run(route.home, exactOrder(route)));
			}
		}
		return new Result(runs, unreachable);
	}



	private List<DayRoute> savings(int home, List<Integer> group) {
		Map<Integer, DayRoute> routeOf = new HashMap<>();
		List<DayRoute> routes = new ArrayList<>();
		for (int stop : group) {
			DayRoute route = new DayRoute(matrix, limits, home, new ArrayList<>(List.of(stop)));
			routes.add(route);
			routeOf.put(stop, route);
		}
		/** What joining stops i and j into one tour saves. */
		record Saving(int i, int j, double value) {
		}
		List<Saving> savings = new ArrayList<>();
		for (int a = 0; a < group.size(); a++) {
			for (int b = a + 1; b < group.size(); b++) {
				int i = group.get(a), j = group.get(b);
				savings.add(new Saving(i, j, matrix.km(home, i) + matrix.km(home, j) - matrix.km(i, j)));
			}
		}
		savings.sort(Comparator.comparingDouble(Saving::value).reversed());
		for (Saving saving : savings) {
			DayRoute a = routeOf.get(saving.i()), b = routeOf.get(saving.j());
			if (a == b) {
				continue;
			}
			List<Integer> left = oriented(a.stops, saving.i(), true);
			List<Integer> right = oriented(b.stops, saving.j(), false);
			if (left == null || right == null) {
				continue;
			}
			List<Integer> merged = new ArrayList<>(left);
			merged.addAll(right);
			if (a.fits(merged)) {
				a.stops = merged;
				b.stops = new ArrayList<>();
				for (int stop : right) {
					routeOf.put(stop, a);
				}
			}
		}
		routes.removeIf(route -> route.stops.isEmpty());
		return routes;
	}

	/** The route turned so that {@code stop} is its last ({@code atEnd}) or first stop; null when it is inside. */
	private static List<Integer> oriented(List<Integer> stops, int stop, boolean atEnd) {
		int first = stops.get(0), last = stops.get(stops.size() - 1);
		if ((atEnd ? last : first) == stop) {
			return stops;
		}
		if ((atEnd ? first : last) == stop) {
			List<Integer> reversed = new ArrayList<>(stops);
			Collections.reverse(reversed);
			return reversed;
		}
		return null;
	}

	private void improve(List<DayRoute> routes) {
		boolean improved = true;
		for (int pass = 0; improved && pass < MAX_PASSES; pass++) {
			improved = relocate(routes) | swap(routes);
			for (DayRoute route : routes) {
				improved |= twoOpt(route);
			}
			routes.removeIf(route -> route.stops.isEmpty());
		}
	}

	private boolean relocate(List<DayRoute> routes) {
		boolean improved = false;
		for (DayRoute from : routes) {
			for (int p = 0; p < from.stops.size(); p++) {
				int stop = from.stops.get(p);
				List<Integer> without = new ArrayList<>(from.stops);
				without.remove(p);
				double gain = from.km() - from.km(without);
				DayRoute bestRoute = null;
				List<Integer> bestOrder = null;
				double bestDelta = gain - EPS;
				for (DayRoute to : routes) {
					if (to == from) {
						continue;
					}
					double before = to.km();
					for (int q = 0; q <= to.stops.size(); q++) {
						List<Integer> with = new ArrayList<>(to.stops);
						with.add(q, stop);
						double delta = to.km(with) - before;
						if (delta < bestDelta && to.fits(with)) {
							bestDelta = delta;
							bestRoute = to;
							bestOrder = with;
						}
					}
				}
				if (bestRoute != null) {
					from.stops = without;
					bestRoute.stops = bestOrder;
					improved = true;
					p--;
				}
			}
		}
		return improved;
	}

	private boolean swap(List<DayRoute> routes) {
		boolean improved = false;
		for (int a = 0; a < routes.size(); a++) {
			for (int b = a + 1; b < routes.size(); b++) {
				DayRoute ra = routes.get(a), rb = routes.get(b);
				for (int p = 0; p < ra.stops.size(); p++) {
					for (int q = 0; q < rb.stops.size(); q++) {
						List<Integer> na = new ArrayList<>(ra.stops), nb = new ArrayList<>(rb.stops);
						na.set(p, rb.stops.get(q));
						nb.set(q, ra.stops.get(p));
						double before = ra.km() + rb.km();
						if (ra.km(na) + rb.km(nb) < before - EPS && ra.fits(na) && rb.fits(nb)) {
							ra.stops = na;
							rb.stops = nb;
							improved = true;
						}
					}
				}
			}
		}
		return improved;
	}

	private boolean twoOpt(DayRoute route) {
		boolean improved = false;
		boolean again = true;
		while (again) {
			again = false;
			for (int i = 0; i < route.stops.size() - 1; i++) {
				for (int j = i + 1; j < route.stops.size(); j++) {
					List<Integer> turned = new ArrayList<>(route.stops);
					Collections.reverse(turned.subList(i, j + 1));
					if (route.km(turned) < route.km() - EPS) {
						route.stops = turned;
						again = true;
						improved = true;
					}
				}
			}
		}
		return improved;
	}

	/** The shortest order of a run (Held and Karp) when it is short enough; its current order otherwise. */
	private int[] exactOrder(DayRoute route) {
		int[] stops = route.stops.stream().mapToInt(Integer::intValue).toArray();
		int n = stops.length;
		if (n < 3 || n > EXACT_ORDER) {
			return stops;
		}
		int full = 1 << n;
		double[][] best = new double[full][n];
		int[][] previous = new int[full][n];
		for (double[] row : best) {
			Arrays.fill(row, Double.POSITIVE_INFINITY);
		}
		for (int i = 0; i < n; i++) {
			best[1 << i][i] = matrix.km(route.home, stops[i]);
		}
		for (int set = 1; set < full; set++) {
			for (int last = 0; last < n; last++) {
				if ((set & (1 << last)) == 0 || best[set][last] == Double.POSITIVE_INFINITY) {
					continue;
				}
				for (int next = 0; next < n; next++) {
					if ((set & (1 << next)) != 0) {
						continue;
					}
					int grown = set | (1 << next);
					double value = best[set][last] + matrix.km(stops[last], stops[next]);
					if (value < best[grown][next]) {
						best[grown][next] = value;
						previous[grown][next] = last;
					}
				}
			}
		}
		int last = 0;
		for (int i = 1; i < n; i++) {
			if (best[full - 1][i] + matrix.km(stops[i], route.home) < best[full - 1][last]
					+ matrix.km(stops[last], route.home)) {
				last = i;
			}
		}
		int[] order = new int[n];
		int set = full - 1;
		for (int k = n - 1; k >= 0; k--) {
			order[k] = stops[last];
			int before = previous[set][last];
			set &= ~(1 << last);
			last = before;
		}
		return order;
	}

}
