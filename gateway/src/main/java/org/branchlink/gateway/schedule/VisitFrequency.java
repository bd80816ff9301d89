package org.branchlink.gateway.schedule;

import java.time.LocalDate;

/**
 * How many visits a service owes a stop in one plan: its share {@code visitsPerYear} × months / 12, times
 * {@code priorityWeight} for a priority stop, counted over the run of plans so that the long-run rate is exact: plan p
 * of the stop owes ⌊(p + 1)·share + φ⌋ − ⌊p·share + φ⌋ visits, with φ fixed by the stop's site id. A share of 2 is 2
 * every plan; below one the stops take turns (a quarterly performance in monthly plans reaches about a third of the
 * villages each month and each village once a quarter); 9 a year in monthly plans is 3 plans in 4, not every plan.
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
		long plan = (from.getYear() * 12L + from.getMonthValue() - 1) / months;
		double phase = Math.floorMod(siteId.hashCode(), 1000) / 1000.0;
		// whole numbers of visits per plan exactly, without the rounding of a long sum
		double eps = 1e-9;
		return (int) (Math.floor((plan + 1) * share + phase + eps) - Math.floor(plan * share + phase + eps));
	}

}
