package org.branchlink.gateway.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kilometres no plan can beat, to judge the planner's result. The larger of two bounds:
 * <ul>
 * <li><b>spanning tree</b>: merge all homes into one node; the runs of a plan that visits every stop k times, each
 * run visiting a stop at most once, form a graph in which every cut around a set of stops is crossed at least 2k
 * times, so it holds k edge-disjoint spanning trees (Nash-Williams and Tutte) and weighs at least k times the minimum
 * spanning tree;</li>
 * <li><b>radial</b>: a run whose farthest stop lies d km from the nearest home drives at least 2d and, after those
 * 2d of driving, has time for at most q(d) stops; packing the k copies of every stop, farthest first, into runs of
 * q(d) gives the least such total (a relaxation, since it lets copies of one stop share a run).</li>
 * </ul>
 * When stops need different numbers of visits (priority stops more), the tree bound takes the fewest visits any stop
 * needs and the radial bound packs each stop's own number of copies.
 */
final class LowerBound {

	private LowerBound() {
	}

	static double km(TravelMatrix matrix, int[] homes, int[] stops, int visits, TourBuilder.DayLimits loosest) {
		int[] each = new int[stops.length];
		Arrays.fill(each, visits);
		return km(matrix, homes, stops, each, loosest);
	}

	/** The bound when stop i needs {@code visits[i]} visits. */
	static double km(TravelMatrix matrix, int[] homes, int[] stops, int[] visits, TourBuilder.DayLimits loosest) {
		if (stops.length == 0) {
			return 0;
		}
		int fewest = Arrays.stream(visits).min().orElse(0);
		return Math.max(fewest * spanningTree(matrix, homes, stops), radial(matrix, homes, stops, visits, loosest));
	}

	static double spanningTree(TravelMatrix matrix, int[] homes, int[] stops) {
		int n = stops.length;
		double[] link = new double[n];
		boolean[] inTree = new boolean[n];
		for (int i = 0; i < n; i++) {
			link[i] = nearestHome(matrix, homes, stops[i]);
		}
		double total = 0;
		for (int added = 0; added < n; added++) {
			int next = -1;
			for (int i = 0; i < n; i++) {
				if (!inTree[i] && (next < 0 || link[i] < link[next])) {
					next = i;
				}
			}
			inTree[next] = true;
			total += link[next];
			for (int i = 0; i < n; i++) {
				if (!inTree[i]) {
					link[i] = Math.min(link[i], matrix.km(stops[next], stops[i]));
				}
			}
		}
		return total;
	}

	static double radial(TravelMatrix matrix, int[] homes, int[] stops, int[] visits, TourBuilder.DayLimits loosest) {
		List<Double> reach = new ArrayList<>();
		for (int i = 0; i < stops.length; i++) {
			double d = nearestHome(matrix, homes, stops[i]);
			for (int k = 0; k < visits[i]; k++) {
				reach.add(d);
			}
		}
		double[] sorted = reach.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		double total = 0;
		int i = sorted.length - 1;
		while (i >= 0) {
			double d = sorted[i];
			double minutesLeft = loosest.dayMinutes() - 2 * d / loosest.speedKmh() * 60.0;
			int perRun = Math.max(1, (int) Math.floor(minutesLeft / loosest.stopMinutes()));
			total += 2 * d;
			i -= perRun;
		}
		return total;
	}

	private static double nearestHome(TravelMatrix matrix, int[] homes, int stop) {
		double best = Double.POSITIVE_INFINITY;
		for (int home : homes) {
			best = Math.min(best, matrix.km(home, stop));
		}
		return best;
	}

}
