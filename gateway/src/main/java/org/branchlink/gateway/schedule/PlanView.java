package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan for the planning page and API: its figures, the runs by day, and per stop the visits and the longest gap.
 *
 * @param summary the plan's figures
 * @param runs every unit's day runs
 * @param coverage one row per stop
 * @param uncovered stops the plan cannot serve often enough
 */
public record PlanView(MobileSchedule.PlanSummary summary, List<MobilePlan.DayRun> runs, List<CoverageRow> coverage,
		List<MobilePlan.Uncovered> uncovered) {

	/**
	 * A stop's visits in the period and its longest gap; {@code ok} when both meet the plan's targets; {@code needed}
	 * the visits it needs; {@code priority} when it is a priority stop (a remote or poor village's centre, as the lists
	 * stand now).
	 */
	public record CoverageRow(String siteId, List<LocalDate> days, long longestGap, boolean ok, int needed, boolean priority) {
	}

	static PlanView of(MobileSchedule.PlanSummary summary, MobilePlan plan, Set<String> priority) {
		Map<String, Long> gaps = plan.gaps();
		List<CoverageRow> rows = new ArrayList<>();
		plan.visitDays().forEach((stop, days) -> {
			long gap = gaps.getOrDefault(stop, 0L);
			int needed = plan.visitsOf(stop);
			rows.add(new CoverageRow(stop, days, gap, days.size() >= needed && gap <= plan.maxGapBound(), needed,
					priority.contains(stop)));
		});
		return new PlanView(summary, plan.runs(), rows, plan.uncovered());
	}

}
