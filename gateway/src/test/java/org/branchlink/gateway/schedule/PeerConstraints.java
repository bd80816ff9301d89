package org.branchlink.gateway.schedule;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/** What {@link PlannerPeer}'s Timefold model asks: every run home within its day (hard), as few road metres as it can (soft). */
public class PeerConstraints implements ConstraintProvider {

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] {
				factory.forEach(PeerRun.class)
					.filter(run -> run.overtimeSeconds() > 0)
					.penalizeLong(HardSoftLongScore.ONE_HARD, PeerRun::overtimeSeconds)
					.asConstraint("home within the day"),
				factory.forEach(PeerRun.class)
					.filter(PeerRun::used)
					.penalizeLong(HardSoftLongScore.ONE_SOFT, PeerRun::metres)
					.asConstraint("road metres") };
	}

}
