package org.branchlink.gateway.schedule;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** Timefold Solver's problem and solution in {@link PlannerPeer}: the runs it may fill and the stops to visit. */
@PlanningSolution
class PeerRuns {

	@PlanningEntityCollectionProperty
	private List<PeerRun> runs;

	@ValueRangeProvider
	@ProblemFactCollectionProperty
	private List<PeerStop> stops;

	@PlanningScore
	private HardSoftLongScore score;

	/** For Timefold's solution cloning. */
	PeerRuns() {
	}

	PeerRuns(List<PeerRun> runs, List<PeerStop> stops) {
		this.runs = runs;
		this.stops = stops;
	}

	List<PeerRun> runs() {
		return runs;
	}

	HardSoftLongScore score() {
		return score;
	}

}
