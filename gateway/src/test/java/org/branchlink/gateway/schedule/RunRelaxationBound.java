package org.branchlink.gateway.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lower bound on the kilometres of day runs that joins what {@link LowerBound} keeps apart: the driving between the
 * stops of a run and the length of the day. Lagrangian relaxation of "stop i is visited k(i) times" over q-runs (runs
 * from a home and back that may pass a stop more than once but never go i→j→i, with at most as many stops as the day
 * holds) and of each run's day limit, maximised by subgradient steps.
 *
 * <p>Why it is a bound. For multipliers λ (one per stop, any sign) and μ (one per home, not negative) give each run r
 * from home h the reduced length c̄(r) = km(r) − Σ λ over its stops + μ(h)·(minutes(r) − day), which for a run that
 * keeps to its day is at most km(r) − Σ λ. Let φ(i) be the least c̄(r)/|r| over the runs through stop i (|r| its stops).
 * Any plan visiting each stop exactly k(i) times drives Σ km(r) = Σ k(i)·λ(i) + Σ (km(r) − Σ λ over r) ≥ Σ k(i)·λ(i) +
 * Σ c̄(r), and spreading each run's c̄(r) over its |r| visits, each share at least φ of its stop, gives the bound
 * L(λ, μ) = Σ k(i)·(λ(i) + φ(i)). Every λ, μ gives a bound; the steps look for a large one. φ comes from a dynamic
 * programme over (stops so far, last stop), two labels per state for the 2-cycle rule, joining a path out and a path
 * back at each stop; a stop too far to reach with m stops in a day (2·km to it plus m stops over the day) is left out
 * of the m-stop runs.
 *
 * <p>Used by {@code ./bench schedule} to judge the planner on instances where the radial bound ignores the driving
 * between clustered villages. Not the planner's own bound: it takes seconds, not milliseconds.
 */
final class RunRelaxationBound {

	private static final double NONE = Double.POSITIVE_INFINITY;

	/** The first step's share of Polyak's length. */
	private static final double FIRST_STEP = 0.05;

	/** The share of the previous direction kept in the next. */
	private static final double DEFLECTION = 0.95;

	/** Steps without a better bound before the step length is halved. */
	private static final int PATIENCE = 30;

	/**
	 * The bound and how it was reached.
	 *
	 * @param km the bound: no plan visiting every stop its number of times drives less
	 * @param iterations subgradient steps taken
	 * @param seconds wall time
	 */
	record Result(double km, int iterations, double seconds) {
	}

	private final int n;
	private final int homes;
	private final double[][] stopKm;
	private final double[][] homeKm;
	private final int[][] most;
	private final int[] visits;
	private final double day;
	private final double stop;
	private final double minutesPerKm;
	private final int layers;

	// labels of the forward programme for one home: value, previous stop (-1: the home) and that stop's label
	private final double[][][] value;
	private final int[][][] previous;
	private final int[][][] previousLabel;

	// per stop, for the last evaluation: φ and the run that gave it
	private final double[] share;
	private final int[][] run;
	private final int[] runHome;
	private final double[] runMinutes;

	private RunRelaxationBound(TravelMatrix matrix, int[] homePoints, int[] stopPoints, int[] stopVisits,
			TourBuilder.DayLimits limits) {
		this.day = limits.dayMinutes();
		this.stop = limits.stopMinutes();
		this.minutesPerKm = 60.0 / limits.speedKmh();
		this.layers = (int) Math.floor(day / stop);
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < stopPoints.length; i++) {
			for (int home : homePoints) {
				if (stopVisits[i] > 0 && stopsWithin(matrix.km(home, stopPoints[i])) >= 1) {
					kept.add(i);
					break;
				}
			}
		}
		this.n = kept.size();
		this.homes = homePoints.length;
		this.stopKm = new double[n][n];
		this.homeKm = new double[homes][n];
		this.most = new int[homes][n];
		this.visits = new int[n];
		for (int a = 0; a < n; a++) {
			int i = kept.get(a);
			visits[a] = stopVisits[i];
			for (int b = 0; b < n; b++) {
				stopKm[a][b] = matrix.km(stopPoints[i], stopPoints[kept.get(b)]);
			}
			for (int h = 0; h < homes; h++) {
				homeKm[h][a] = matrix.km(homePoints[h], stopPoints[i]);
				most[h][a] = Math.min(layers, stopsWithin(homeKm[h][a]));
			}
		}
		this.value = new double[layers + 1][n][2];
		this.previous = new int[layers + 1][n][2];
		this.previousLabel = new int[layers + 1][n][2];
		this.share = new double[n];
		this.run = new int[n][];
		this.runHome = new int[n];
		this.runMinutes = new double[n];
	}

	/** How many stops a run holds when one of them lies {@code km} from its home. */
	private int stopsWithin(double km) {
		return (int) Math.floor((day - 2 * km * minutesPerKm) / stop + 1e-9);
	}

	/**
	 * The bound for stop i needing {@code visits[i]} visits (stops no unit can reach in a day are left out, as the
	 * planner leaves them out).
	 *
	 * @param target a plan's kilometres or an estimate of them, to size the steps (the bound holds whatever it is)
	 * @param iterations the most subgradient steps
	 */
	static Result km(TravelMatrix matrix, int[] homes, int[] stops, int[] visits, TourBuilder.DayLimits loosest,
			double target, int iterations) {
		long t0 = System.nanoTime();
		RunRelaxationBound bound = new RunRelaxationBound(matrix, homes, stops, visits, loosest);
		int[] taken = new int[1];
		double km = bound.maximise(target, iterations, taken);
		return new Result(km, taken[0], (System.nanoTime() - t0) / 1e9);
	}

	/**
	 * Deflected subgradient ascent: each step moves along the subgradient plus {@value #DEFLECTION} of the previous
	 * direction (which damps the zigzag of plain steps), Polyak's step length towards the target, halved after
	 * {@value #PATIENCE} steps without a better bound. The best bound of all the steps is the answer.
	 */
	private double maximise(double target, int iterations, int[] taken) {
		double[] lambda = new double[n];
		double[] mu = new double[homes];
		// start from the radial share: a stop's round trip from its nearest home split over the stops such a run holds
		for (int i = 0; i < n; i++) {
			double nearest = NONE;
			int fits = 1;
			for (int h = 0; h < homes; h++) {
				if (homeKm[h][i] < nearest) {
					nearest = homeKm[h][i];
					fits = Math.max(1, most[h][i]);
				}
			}
			lambda[i] = 2 * nearest / fits;
		}
		double best = Double.NEGATIVE_INFINITY;
		double theta = FIRST_STEP;
		int sinceBetter = 0;
		double[] direction = new double[n];
		double[] directionMu = new double[homes];
		// μ is per minute where λ is per kilometre: its steps are scaled by (kilometres per minute)²
		double scale = 1 / (minutesPerKm * minutesPerKm);
		int step = 0;
		for (; step < iterations && theta > 1e-5; step++) {
			double bound = evaluate(lambda, mu);
			if (bound > best + 1e-9) {
				best = bound;
				sinceBetter = 0;
			}
			else if (++sinceBetter >= PATIENCE) {
				theta /= 2;
				sinceBetter = 0;
			}
			for (int i = 0; i < n; i++) {
				direction[i] = visits[i] + DEFLECTION * direction[i];
			}
			for (int h = 0; h < homes; h++) {
				directionMu[h] *= DEFLECTION;
			}
			for (int i = 0; i < n; i++) {
				int m = run[i].length;
				for (int s : run[i]) {
					direction[s] -= (double) visits[i] / m;
				}
				directionMu[runHome[i]] += visits[i] * (runMinutes[i] - day) / m;
			}
			double norm = 0;
			for (double x : direction) {
				norm += x * x;
			}
			for (double x : directionMu) {
				norm += x * x * scale;
			}
			if (norm < 1e-12) {
				break; // every stop's runs balance: the bound is the relaxation's optimum
			}
			double length = theta * Math.max(target - bound, 0.001 * target) / norm;
			for (int i = 0; i < n; i++) {
				lambda[i] += length * direction[i];
			}
			for (int h = 0; h < homes; h++) {
				mu[h] = Math.max(0, mu[h] + length * directionMu[h] * scale);
			}
		}
		taken[0] = step;
		return best;
	}

	/** L(λ, μ), leaving φ and each stop's run in the fields. */
	private double evaluate(double[] lambda, double[] mu) {
		Arrays.fill(share, NONE);
		for (int h = 0; h < homes; h++) {
			forward(h, lambda, mu[h]);
			join(h, lambda, mu[h]);
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			total += visits[i] * (lambda[i] + share[i]);
		}
		return total;
	}

	/** Paths from home h: value[a][k][label] the least Lagrangian length of a path of a stops ending at stop k. */
	private void forward(int h, double[] lambda, double mu) {
		double perKm = 1 + mu * minutesPerKm;
		double perStop = mu * stop;
		for (int k = 0; k < n; k++) {
			boolean fits = most[h][k] >= 1;
			value[1][k][0] = fits ? perKm * homeKm[h][k] - lambda[k] + perStop : NONE;
			previous[1][k][0] = -1;
			value[1][k][1] = NONE;
			previous[1][k][1] = -2;
		}
		for (int a = 1; a < layers; a++) {
			double[][] from = value[a];
			int[][] fromPrevious = previous[a];
			for (int k = 0; k < n; k++) {
				double first = NONE;
				double second = NONE;
				int firstBy = -2;
				int firstLabel = 0;
				int secondBy = -2;
				int secondLabel = 0;
				if (most[h][k] > a) {
					double[] toK = stopKm[k];
					for (int j = 0; j < n; j++) {
						if (j == k) {
							continue;
						}
						int label = fromPrevious[j][0] == k ? 1 : 0;
						double base = from[j][label];
						if (base == NONE) {
							continue;
						}
						double candidate = base + perKm * toK[j];
						if (candidate < first) {
							second = first;
							secondBy = firstBy;
							secondLabel = firstLabel;
							first = candidate;
							firstBy = j;
							firstLabel = label;
						}
						else if (candidate < second) {
							second = candidate;
							secondBy = j;
							secondLabel = label;
						}
					}
				}
				double own = perStop - lambda[k];
				value[a + 1][k][0] = first == NONE ? NONE : first + own;
				previous[a + 1][k][0] = firstBy;
				previousLabel[a + 1][k][0] = firstLabel;
				value[a + 1][k][1] = second == NONE ? NONE : second + own;
				previous[a + 1][k][1] = secondBy;
				previousLabel[a + 1][k][1] = secondLabel;
			}
		}
	}

	/** Runs through each stop: a path of a stops out to it and one of b stops back, m = a + b − 1 stops in all. */
	private void join(int h, double[] lambda, double mu) {
		double perStop = mu * stop;
		for (int i = 0; i < n; i++) {
			for (int m = 1; m <= most[h][i]; m++) {
				for (int a = 1; a <= (m + 1) / 2; a++) {
					int b = m + 1 - a;
					for (int x = 0; x < 2; x++) {
						double out = value[a][i][x];
						if (out == NONE) {
							continue;
						}
						for (int y = 0; y < 2; y++) {
							double back = value[b][i][y];
							int p = previous[a][i][x];
							if (back == NONE || p >= 0 && p == previous[b][i][y]) {
								continue;
							}
							double reduced = out + back - (perStop - lambda[i]) - mu * day;
							if (reduced / m < share[i]) {
								share[i] = reduced / m;
								int[] stops = route(a, i, x, b, y);
								run[i] = stops;
								runHome[i] = h;
								runMinutes[i] = minutes(h, stops);
							}
						}
					}
				}
			}
		}
	}

	private int[] route(int a, int i, int x, int b, int y) {
		int[] stops = new int[a + b - 1];
		int k = i;
		int label = x;
		for (int layer = a; layer >= 1; layer--) {
			stops[layer - 1] = k;
			int p = previous[layer][k][label];
			label = previousLabel[layer][k][label];
			k = p;
		}
		k = i;
		label = y;
		for (int layer = b; layer >= 1; layer--) {
			stops[a + b - 1 - layer] = k;
			int p = previous[layer][k][label];
			label = previousLabel[layer][k][label];
			k = p;
		}
		return stops;
	}

	private double minutes(int h, int[] stops) {
		double km = homeKm[h][stops[0]] + homeKm[h][stops[stops.length - 1]];
		for (int s = 1; s < stops.length; s++) {
			km += stopKm[stops[s - 1]][stops[s]];
		}
		return km * minutesPerKm + stops.length * stop;
	}

}
