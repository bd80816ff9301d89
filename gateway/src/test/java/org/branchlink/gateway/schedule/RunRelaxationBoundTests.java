package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.branchlink.site.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relaxation's bound against the true optimum, found by enumeration on counties small enough for it: never above
 * it (a bound) and never below the plan's own bound. On so few stops it stays well under the optimum (about 0.6–0.75
 * of it: runs that circle three near villages again and again are q-runs); on the 300-stop county it is within 1.13
 * of the planner (see {@code ./bench schedule}).
 */
class RunRelaxationBoundTests {

	private static final int STOPS = 9;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void theBoundNeverExceedsTheBestPlanNorFallsBelowThePlansOwnBound(long seed) {
		Random random = new Random(seed);
		int homeCount = 1 + (int) (seed % 2);
		List<GeoPoint> points = new ArrayList<>();
		for (int h = 0; h < homeCount; h++) {
			points.add(point(random, 10));
		}
		for (int i = 0; i < STOPS; i++) {
			// villages on a near ring and a far one, so that the day's length decides the runs
			points.add(point(random, i % 2 == 0 ? 12 : 45));
		}
		TravelMatrix matrix = new TravelMatrix(points, 1.3);
		int[] homes = new int[homeCount];
		for (int h = 0; h < homeCount; h++) {
			homes[h] = h;
		}
		int[] stops = new int[STOPS];
		for (int i = 0; i < STOPS; i++) {
			stops[i] = homeCount + i;
		}
		TourBuilder.DayLimits limits = new TourBuilder.DayLimits(510, 60, 35);
		int[] visits = new int[STOPS];
		Arrays.fill(visits, 1);

		double best = bestPlanKm(matrix, homes, stops, limits);
		RunRelaxationBound.Result bound = RunRelaxationBound.km(matrix, homes, stops, visits, limits, best, 2_000);

		assertThat(bound.km()).as("a lower bound").isLessThanOrEqualTo(best + 1e-6);
		assertThat(bound.km()).as("at least the plan's own bound")
			.isGreaterThanOrEqualTo(LowerBound.km(matrix, homes, stops, visits, limits) - 1e-6);
	}

	private static GeoPoint point(Random random, double radiusKm) {
		double angle = random.nextDouble() * 2 * Math.PI;
		double r = radiusKm * (0.5 + random.nextDouble() / 2);
		return new GeoPoint(27.8 + r * Math.sin(angle) / 111.32, 115.0 + r * Math.cos(angle) / 98.5);
	}

	/** Every split of the stops into runs, each run driven in its shortest order from its best home, within the day. */
	private static double bestPlanKm(TravelMatrix matrix, int[] homes, int[] stops, TourBuilder.DayLimits limits) {
		int n = stops.length;
		int all = (1 << n) - 1;
		double[] run = new double[all + 1];
		Arrays.fill(run, Double.POSITIVE_INFINITY);
		for (int home : homes) {
			// shortest path from the home through the set, ending at j (Held and Karp)
			double[][] path = new double[all + 1][n];
			for (double[] row : path) {
				Arrays.fill(row, Double.POSITIVE_INFINITY);
			}
			for (int j = 0; j < n; j++) {
				path[1 << j][j] = matrix.km(home, stops[j]);
			}
			for (int set = 1; set <= all; set++) {
				for (int j = 0; j < n; j++) {
					if ((set & 1 << j) == 0 || path[set][j] == Double.POSITIVE_INFINITY) {
						continue;
					}
					for (int k = 0; k < n; k++) {
						if ((set & 1 << k) == 0) {
							int next = set | 1 << k;
							path[next][k] = Math.min(path[next][k], path[set][j] + matrix.km(stops[j], stops[k]));
						}
					}
					double tour = path[set][j] + matrix.km(stops[j], home);
					if (limits.fits(tour, Integer.bitCount(set)) && tour < run[set]) {
						run[set] = tour;
					}
				}
			}
		}
		double[] plan = new double[all + 1];
		Arrays.fill(plan, Double.POSITIVE_INFINITY);
		plan[0] = 0;
		for (int set = 1; set <= all; set++) {
			int lowest = set & -set;
			for (int part = set; part > 0; part = (part - 1) & set) {
				if ((part & lowest) != 0 && run[part] < Double.POSITIVE_INFINITY) {
					plan[set] = Math.min(plan[set], run[part] + plan[set & ~part]);
				}
			}
		}
		return plan[all];
	}

}
