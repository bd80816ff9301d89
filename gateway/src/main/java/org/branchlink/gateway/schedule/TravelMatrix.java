package org.branchlink.gateway.schedule;

import java.util.List;

import org.branchlink.site.GeoPoint;

/**
 * Road distances between points: the great-circle distance times a detour factor (mountain roads in southern Zhejiang
 * run about 1.3 times the straight line). Symmetric and metric, which the tour builder and the lower bound rely on.
 */
final class TravelMatrix {

	private final double[][] km;

	TravelMatrix(List<GeoPoint> points, double detourFactor) {
		int n = points.size();
		km = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double d = points.get(i).distanceKm(points.get(j)) * detourFactor;
				km[i][j] = d;
				km[j][i] = d;
			}
		}
	}

	double km(int from, int to) {
		return km[from][to];
	}

	/** The candidate nearest to a point (the first of equals). */
	int nearest(int[] candidates, int point) {
		int best = candidates[0];
		for (int candidate : candidates) {
			if (km[candidate][point] < km[best][point]) {
				best = candidate;
			}
		}
		return best;
	}

	/** Length of a day's run from {@code home} through {@code stops} and back. */
	double runKm(int home, int[] stops) {
		if (stops.length == 0) {
			return 0;
		}
		double total = km[home][stops[0]] + km[stops[stops.length - 1]][home];
		for (int i = 1; i < stops.length; i++) {
			total += km[stops[i - 1]][stops[i]];
		}
		return total;
	}

}
