package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A period's plan for the mobile units: which unit drives which run on which day, and how good it is.
 *
 * @param from first day of the period
 * @param to last day of the period
 * @param visitsPerStop how often each stop must be visited in the period
 * @param maxGapBound the longest gap allowed between two visits of a stop, in days
 * @param stops every stop the plan should serve, by site id
 * @param runs the day runs, by day then unit
 * @param uncovered stops the plan cannot serve often enough, with why
 * @param lowerBoundKm no plan visiting every stop as often can drive less (see {@link LowerBound})
 * @param stopVisits the visits of the stops that need other than {@code visitsPerStop} (priority stops)
 */
public record MobilePlan(LocalDate from, LocalDate to, int visitsPerStop, int maxGapBound, List<String> stops,
		List<DayRun> runs, List<Uncovered> uncovered, double lowerBoundKm, Map<String, Integer> stopVisits) {

	public MobilePlan {
		stops = List.copyOf(stops);
		runs = runs.stream().sorted(Comparator.comparing(DayRun::day).thenComparing(DayRun::unitId)).toList();
		uncovered = List.copyOf(uncovered);
		Map<String, Integer> other = new HashMap<>();
		stopVisits.forEach((stop, visits) -> {
			if (visits != visitsPerStop) {
				other.put(stop, visits);
			}
		});
		stopVisits = Map.copyOf(other);
	}

	/** A plan in which every stop needs {@code visitsPerStop} visits. */
	public MobilePlan(LocalDate from, LocalDate to, int visitsPerStop, int maxGapBound, List<String> stops, List<DayRun> runs,
			List<Uncovered> uncovered, double lowerBoundKm) {
		this(from, to, visitsPerStop, maxGapBound, stops, runs, uncovered, lowerBoundKm, Map.of());
	}

	/** The visits a stop needs in the period. */
	public int visitsOf(String stop) {
		return stopVisits.getOrDefault(stop, visitsPerStop);
	}

	/** One unit's day: the stops in order with their times, and the kilometres driven. */
	public record DayRun(String unitId, LocalDate day, int run, List<StopTime> stops, double km) {

		public DayRun {
			stops = List.copyOf(stops);
		}

		public List<String> siteIds() {
			return stops.stream().map(StopTime::siteId).toList();
		}

		/** Whether this is the run of a unit on a day. */
		public boolean is(String unit, LocalDate date) {
			return unitId.equals(unit) && day.equals(date);
		}

	}

	/**
	 * A visit: the stop, when the unit arrives and when it leaves, and whether a person moved it there by hand (the
	 * planner does not move such a stop on its own; a breakdown moves it with its whole run and keeps the mark).
	 */
	public record StopTime(String siteId, LocalTime arrive, LocalTime depart, boolean byHand) {

		public StopTime(String siteId, LocalTime arrive, LocalTime depart) {
			this(siteId, arrive, depart, false);
		}

	}

	/** A stop not served as often as asked, and why. */
	public record Uncovered(String siteId, String reason) {
	}

	public double distanceKm() {
		return runs.stream().mapToDouble(DayRun::km).sum();
	}

	/** Days each stop is visited, in order. */
	public Map<String, List<LocalDate>> visitDays() {
		Map<String, List<LocalDate>> days = new TreeMap<>();
		stops.forEach(stop -> days.put(stop, new ArrayList<>()));
		for (DayRun run : runs) {
			for (String stop : run.siteIds()) {
				days.computeIfAbsent(stop, s -> new ArrayList<>()).add(run.day());
			}
		}
		days.values().forEach(list -> list.sort(null));
		return days;
	}

	/** Share of the stops visited at least as often as they need ({@link #visitsOf}) (0 to 1). */
	public double coverage() {
		if (stops.isEmpty()) {
			return 1;
		}
		long served = visitDays().entrySet().stream()
			.filter(e -> stops.contains(e.getKey()) && e.getValue().size() >= visitsOf(e.getKey()))
			.count();
		return (double) served / stops.size();
	}

	/** The longest gap of each stop (see {@link #gapDays(List, LocalDate, LocalDate)}). */
	public Map<String, Long> gaps() {
		Map<String, Long> gaps = new HashMap<>();
		visitDays().forEach((stop, days) -> gaps.put(stop, gapDays(days, from, to)));
		return gaps;
	}

	public long maxGapDays() {
		return gaps().values().stream().mapToLong(Long::longValue).max().orElse(0);
	}

	/**
	 * A stop's longest gap in days between visits, the period taken as repeating: from the last visit to the first
	 * one of the next period counts too, so that plans laid end to end keep the bound. A stop never visited has a
	 * gap of the whole period plus one.
	 */
	static long gapDays(List<LocalDate> days, LocalDate from, LocalDate to) {
		long length = ChronoUnit.DAYS.between(from, to) + 1;
		if (days.isEmpty()) {
			return length + 1;
		}
		long longest = ChronoUnit.DAYS.between(days.get(days.size() - 1), days.get(0)) + length;
		for (int i = 1; i < days.size(); i++) {
			longest = Math.max(longest, ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)));
		}
		return longest;
	}

}
