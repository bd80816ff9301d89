package org.branchlink.gateway.schedule;

import java.time.LocalDate;

/**
 * How many visits a service owes a stop in one plan: {@code visitsPerYear} × months / 12, times {@code priorityWeight}
 * for a priority stop, rounded to whole visits. Below one visit per plan the stops take turns: each plan serves the
 * stops whose turn it is (a stop's turn comes every 1 / share plans, fixed by its site id), so a quarterly
 * performance in monthly plans reaches a third of the villages each month and every village once a quarter.
 *
 * @param visitsPerYear the service's visits to an ordinary stop per year
 * @param priorityWeight the factor on that for a priority stop
 */
record VisitFrequency(int visitsPerYear, int priorityWeight) {

	VisitFrequency(ScheduleProperties.ServiceSettings settings) {
		this(settings.visitsPerYear(), settings.priorityWeight());
	}

	/** The plan's usual visits per stop (k), at least one. */
	int usual(long months) {
		return Math.max(1, (int) Math.round(visitsPerYear * months / 12.0));
	}

	/** The visits a stop needs in the plan of {@code months} months from {@code from}; 0 when it is not its turn. */
	int visits(String siteId, boolean priority, LocalDate from, long months) {
		double share = visitsPerYear * (priority ? priorityWeight : 1) * months / 12.0;
		if (share <= 0) {
			return 0;
		}
		if (share >= 1) {
			return (int) Math.round(share);
		}
		int turn = (int) Math.round(1 / share);
		long plan = (from.getYear() * 12L + from.getMonthValue() - 1) / months;
		return Math.floorMod(plan + siteId.hashCode(), turn) == 0 ? 1 : 0;
	}

}
