package org.branchlink.gateway.schedule;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A stop as Timefold Solver sees it in {@link PlannerPeer}: its index in the travel matrix. */
final class PeerStop {

	@PlanningId
	private final Integer point;

	PeerStop(int point) {
		this.point = point;
	}

	int point() {
		return point;
	}

	@Override
	public String toString() {
		return "stop " + point;
	}

}
