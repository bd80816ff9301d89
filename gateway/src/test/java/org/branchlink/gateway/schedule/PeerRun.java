package org.branchlink.gateway.schedule;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * One day run as Timefold Solver plans it for {@link PlannerPeer}: a home and the stops it visits in order, with the
 * same road distances and day limits as the planner's {@link TourBuilder}.
 */
@PlanningEntity
class PeerRun {

	@PlanningId
	private String id;

	private int home;

	private TravelMatrix matrix;

	private TourBuilder.DayLimits limits;

	@PlanningListVariable
	private List<PeerStop> stops = new ArrayList<>();

	/** For Timefold's solution cloning. */
	PeerRun() {
	}

	PeerRun(String id, int home, TravelMatrix matrix, TourBuilder.DayLimits limits) {
		this.id = id;
		this.home = home;
		this.matrix = matrix;
		this.limits = limits;
	}

	int home() {
		return home;
	}

	List<PeerStop> stops() {
		return stops;
	}

	boolean used() {
		return !stops.isEmpty();
	}

	int[] order() {
		return stops.stream().mapToInt(PeerStop::point).toArray();
	}

	double km() {
		return matrix.runKm(home, order());
	}

	/** Road metres home to home, the soft score. */
	long metres() {
		return Math.round(km() * 1000);
	}

	/** Seconds past the day's end (0 when the run is back in time), the hard score; as {@link TourBuilder.DayLimits#fits}. */
	long overtimeSeconds() {
		double km = km();
		if (limits.fits(km, stops.size())) {
			return 0;
		}
		return Math.max(1, (long) Math.ceil((limits.minutes(km, stops.size()) - limits.dayMinutes()) * 60));
	}

	@Override
	public String toString() {
		return id;
	}

}
