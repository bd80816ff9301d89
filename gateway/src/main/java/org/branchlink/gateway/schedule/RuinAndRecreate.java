package org.branchlink.gateway.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The tour builder's improvement phase (see {@link TourBuilder}). */
final class RuinAndRecreate {

	private static final double EPS = 1e-9;

	private final TravelMatrix matrix;

	private final TourBuilder.DayLimits limits;

	private final int iterations;

	private final long seed;

	RuinAndRecreate(TravelMatrix matrix, TourBuilder.DayLimits limits, int iterations, long seed) {
		this.matrix = matrix;
		this.limits = limits;
		this.iterations = iterations;
		this.seed = seed;
	}

	/**
	 * Ruin and recreate (Schrimpf and others, 2000): take a stop and its nearest neighbours out of their runs, put them
	 * back one by one where they cost least (a new run from the nearest home when they fit nowhere), keep the result
	 * when it is not worse than the current one by more than a threshold that falls to zero. Seeded, so the same
	 * stops give the same runs.
	 */
	List<DayRoute> run(List<DayRoute> start, int[] homes) {
		Random random = new Random(seed);
		List<DayRoute> current = copy(start);
		double currentKm = total(current);
		List<DayRoute> best = copy(current);
		double bestKm = currentKm;
		List<Integer> all = new ArrayList<>();
		current.forEach(route -> all.addAll(route.stops));
		if (all.size() < 2) {
			return best;
		}
		double threshold0 = 0.02 * currentKm / Math.max(1, current.size());
		for (int iteration = 0; iteration < iterations; iteration++) {
			double threshold = threshold0 * (1 - (double) iteration / iterations);
			List<DayRoute> candidate = copy(current);
			int centre = all.get(random.nextInt(all.size()));
			int size = 3 + random.nextInt(Math.min(12, all.size() - 1));
			List<Integer> removed = new ArrayList<>(all);
			removed.sort(Comparator.comparingDouble(stop -> matrix.km(centre, stop)));
			removed = new ArrayList<>(removed.subList(0, Math.min(size, removed.size())));
			for (DayRoute route : candidate) {
				List<Integer> kept = new ArrayList<>(route.stops);
				if (kept.removeAll(removed)) {
					route.stops = kept;
				}
			}
			candidate.removeIf(route -> route.stops.isEmpty());
			if (random.nextBoolean()) {
				Collections.shuffle(removed, random);
			}
			else {
				removed.sort(Comparator.comparingDouble((Integer stop) -> -matrix.km(matrix.nearest(homes, stop), stop)));
			}
			for (int stop : removed) {
				insertCheapest(candidate, stop, homes);
			}
			double km = total(candidate);
			if (km < currentKm + threshold) {
				current = candidate;
				currentKm = km;
				if (km < bestKm - EPS) {
					best = copy(candidate);
					bestKm = km;
				}
			}
		}
		return best;
	}

	private void insertCheapest(List<DayRoute> routes, int stop, int[] homes) {
		DayRoute bestRoute = null;
		int bestAt = -1;
		double bestDelta = Double.POSITIVE_INFINITY;
		for (DayRoute route : routes) {
			double km = route.km();
			int size = route.stops.size();
			for (int q = 0; q <= size; q++) {
				int before = q == 0 ? route.home : route.stops.get(q - 1);
				int after = q == size ? route.home : route.stops.get(q);
				double delta = matrix.km(before, stop) + matrix.km(stop, after) - matrix.km(before, after);
				if (delta < bestDelta && limits.fits(km + delta, size + 1)) {
					bestDelta = delta;
					bestRoute = route;
					bestAt = q;
				}
			}
		}
		if (bestRoute == null) {
			routes.add(new DayRoute(matrix, limits, matrix.nearest(homes, stop), new ArrayList<>(List.of(stop))));
		}
		else {
			List<Integer> with = new ArrayList<>(bestRoute.stops);
			with.add(bestAt, stop);
			bestRoute.stops = with;
		}
	}

	private List<DayRoute> copy(List<DayRoute> routes) {
		List<DayRoute> copy = new ArrayList<>();
		for (DayRoute route : routes) {
			copy.add(new DayRoute(matrix, limits, route.home, new ArrayList<>(route.stops)));
		}
		return copy;
	}

	private static double total(List<DayRoute> routes) {
		double km = 0;
		for (DayRoute route : routes) {
			km += route.km();
		}
		return km;
	}

}
