package org.branchlink.gateway.schedule;

import java.util.List;

/** A day run being built: a home and the stops in order, with its length remembered until its stops are replaced. */
final class DayRoute {

	final int home;

	List<Integer> stops;

	private List<Integer> measured;

	private double measuredKm;

	private final TravelMatrix matrix;

	private final TourBuilder.DayLimits limits;

	DayRoute(TravelMatrix matrix, TourBuilder.DayLimits limits, int home, List<Integer> stops) {
		this.matrix = matrix;
		this.limits = limits;
		this.home = home;
		this.stops = stops;
	}

	/** The run's length, remembered until its stops are replaced (they are never changed in place). */
	double km() {
		if (measured != stops) {
			measuredKm = km(stops);
			measured = stops;
		}
		return measuredKm;
	}

	double km(List<Integer> order) {
		if (order.isEmpty()) {
			return 0;
		}
		double total = matrix.km(home, order.get(0)) + matrix.km(order.get(order.size() - 1), home);
		for (int i = 1; i < order.size(); i++) {
			total += matrix.km(order.get(i - 1), order.get(i));
		}
		return total;
	}

	boolean fits(List<Integer> order) {
		return limits.fits(km(order), order.size());
	}

}
