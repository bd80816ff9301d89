package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.branchlink.gateway.calendar.WorkingCalendar;
import org.branchlink.gateway.schedule.MobilePlan.DayRun;
import org.branchlink.gateway.schedule.MobilePlan.StopTime;
import org.branchlink.gateway.schedule.MobilePlan.Uncovered;
import org.branchlink.site.GeoPoint;

/**
 * Plans a period for the mobile units: builds the day runs once ({@link TourBuilder}), gives each run to a unit that
 * has room for it k times, and lays each unit's runs out as k rounds spread evenly over its working days, so a stop's
 * visits fall about period / k apart. A unit never drives two runs on one day. After a breakdown,
 * {@link #afterBreakdown} moves the lost runs to free days of the other units (or of the unit once repaired) and
 * leaves every other run where it was. A stop moved by hand ({@link HandMove}) keeps its mark when its run moves.
 */
public final class MobilePlanner {

	/**
	 * What to plan.
	 *
	 * @param from first day
	 * @param to last day
	 * @param units the units that may drive
	 * @param stops the stops to serve
	 * @param visitsPerStop visits each stop needs in the period (k), unless {@code stopVisits} says otherwise
	 * @param maxGapDays the longest gap allowed between visits of a stop
	 * @param stopVisits visits a stop needs when not k (a priority stop's weighted frequency)
	 * @param priority stops served first when the units cannot serve every stop (remote and poor villages' centres)
	 */
	public record Request(LocalDate from, LocalDate to, List<MobileUnit> units, List<ServiceStop> stops,
			int visitsPerStop, int maxGapDays, Map<String, Integer> stopVisits, Set<String> priority) {

		public Request {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
			}
			if (units.isEmpty()) {
				throw new IllegalArgumentException("no mobile unit to plan with");
			}
			if (visitsPerStop < 1 || stopVisits.values().stream().anyMatch(visits -> visits < 1)) {
				throw new IllegalArgumentException("visits per stop must be at least 1");
			}
			units = List.copyOf(units);
			stops = List.copyOf(stops);
			stopVisits = Map.copyOf(stopVisits);
			priority = Set.copyOf(priority);
		}

		/** Every stop k times, none first. */
		public Request(LocalDate from, LocalDate to, List<MobileUnit> units, List<ServiceStop> stops, int visitsPerStop,
				int maxGapDays) {
			this(from, to, units, stops, visitsPerStop, maxGapDays, Map.of(), Set.of());
		}

		/** Visits a stop needs in the period. */
		public int visitsOf(String siteId) {
			return stopVisits.getOrDefault(siteId, visitsPerStop);
		}

	}

	/** What a breakdown did to a plan: the new plan, the runs moved (old, new) and the runs no unit could take. */
	public record Replan(MobilePlan plan, List<DayRun[]> moved, List<DayRun> dropped) {
	}

	private final WorkingCalendar calendar;

	private final double detourFactor;

	private final int iterations;

	/**
	 * @param calendar working days
	 * @param detourFactor road kilometres per kilometre as the crow flies
	 * @param iterations rounds of ruin and recreate the tour builder runs (more: shorter runs, longer planning)
	 */
	public MobilePlanner(WorkingCalendar calendar, double detourFactor, int iterations) {
		this.calendar = calendar;
		this.detourFactor = detourFactor;
		this.iterations = iterations;
	}

	/** Points of one request: the units' homes first, then the stops. */
	private final class Geometry {

		final Request request;

		final Map<String, Integer> homeIndex = new LinkedHashMap<>();

		final TravelMatrix matrix;

		final int[] homes;

		final int[] stops;

		Geometry(Request request) {
			this.request = request;
			List<GeoPoint> points = new ArrayList<>();
			for (MobileUnit unit : request.units()) {
				if (!homeIndex.containsKey(unit.homeSite())) {
					homeIndex.put(unit.homeSite(), points.size());
					points.add(unit.home());
				}
			}
			homes = homeIndex.values().stream().mapToInt(Integer::intValue).toArray();
			stops = new int[request.stops().size()];
			for (int i = 0; i < stops.length; i++) {
				stops[i] = points.size();
				points.add(request.stops().get(i).location());
			}
			matrix = new TravelMatrix(points, detourFactor);
		}

		int home(MobileUnit unit) {
			return homeIndex.get(unit.homeSite());
		}

		int stopIndex(String siteId) {
			for (int i = 0; i < request.stops().size(); i++) {
				if (request.stops().get(i).siteId().equals(siteId)) {
					return stops[i];
				}
			}
			throw new IllegalArgumentException("not a stop of this plan: " + siteId);
		}

		String siteId(int point) {
			return request.stops().get(point - homes.length).siteId();
		}

		/** The run driven by a unit: times from its own day start, speed and stop length; null if it cannot. */
		DayRun drive(MobileUnit unit, LocalDate day, int runNo, int[] order) {
			int home = home(unit);
			double km = matrix.runKm(home, order);
			TourBuilder.DayLimits limits = limits(unit);
			if (!limits.fits(km, order.length)) {
				return null;
			}
			List<StopTime> times = new ArrayList<>();
			double minutes = 0;
			int at = home;
			for (int stop : order) {
				minutes += matrix.km(at, stop) / unit.speedKmh() * 60.0;
				LocalTime arrive = unit.dayStart().plusMinutes(Math.round(minutes));
				minutes += unit.stopMinutes();
				times.add(new StopTime(siteId(stop), arrive, unit.dayStart().plusMinutes(Math.round(minutes))));
				at = stop;
			}
			return new DayRun(unit.id(), day, runNo, times, km);
		}

	}

	/**
	 * A unit's run through these stops in this order, timed from its day start with the travel matrix; empty when it
	 * cannot be back home within its day.
	 *
	 * @throws IllegalArgumentException when a site is not a stop of the request
	 */
	Optional<DayRun> drive(Request request, MobileUnit unit, LocalDate day, int runNo, List<String> siteIds) {
		Geometry geometry = new Geometry(request);
		return Optional.ofNullable(geometry.drive(unit, day, runNo, siteIds.stream().mapToInt(geometry::stopIndex).toArray()));
	}

	/** Minutes a unit needs for these stops in this order, home to home: driving plus its time at each stop. */
	double minutes(Request request, MobileUnit unit, List<String> siteIds) {
		Geometry geometry = new Geometry(request);
		int[] order = siteIds.stream().mapToInt(geometry::stopIndex).toArray();
		return limits(unit).minutes(geometry.matrix.runKm(geometry.home(unit), order), order.length);
	}

	/** Whether a unit runs on a day (its weekdays, holidays and make-up working days). */
	boolean works(MobileUnit unit, LocalDate day) {
		return unit.worksOn(day, calendar);
	}

	private static TourBuilder.DayLimits limits(MobileUnit unit) {
		return new TourBuilder.DayLimits(unit.dayMinutes(), unit.stopMinutes(), unit.speedKmh());
	}

	/** A run to lay out: its stops, how many times it is driven, whether it serves priority stops. */
	private record Wanted(TourBuilder.Run run, int visits, boolean priority) {
	}

	/**
	 * Plans the period: the stops grouped by the visits they need (k, or a priority stop's weighted frequency) and
	 * whether they are priority stops, each group's day runs built once ({@link TourBuilder}); the priority stops' runs
	 * claim the units' days first, then those driven more often, then the longest ({@link UnitDays#free}: visits fall
	 * about period / v apart).
	 */
	public MobilePlan plan(Request request) {
		Geometry geometry = new Geometry(request);
		List<MobileUnit> units = request.units();
		TourBuilder.DayLimits strictest = TourBuilder.DayLimits.strictest(units);
		TourBuilder.DayLimits loosest = TourBuilder.DayLimits.loosest(units);
		// one group per number of visits, priority stops apart from the others so that their runs hold only them
		Map<Integer, List<Integer>> groups = new TreeMap<>();
		int[] visits = new int[geometry.stops.length];
		for (int i = 0; i < geometry.stops.length; i++) {
			String siteId = request.stops().get(i).siteId();
			visits[i] = request.visitsOf(siteId);
			int key = 2 * visits[i] + (request.priority().contains(siteId) ? 1 : 0);
			groups.computeIfAbsent(key, v -> new ArrayList<>()).add(geometry.stops[i]);
		}
		List<Uncovered> uncovered = new ArrayList<>();
		List<Wanted> wanted = new ArrayList<>();
		groups.forEach((key, group) -> {
			TourBuilder.Result built = new TourBuilder(geometry.matrix, strictest, iterations).build(geometry.homes,
					group.stream().mapToInt(Integer::intValue).toArray());
			for (int stop : built.unreachable()) {
				uncovered.add(new Uncovered(geometry.siteId(stop),
						"no unit can reach it, stay " + strictest.stopMinutes() + " min and be home within its day"));
			}
			for (TourBuilder.Run run : built.runs()) {
				wanted.add(new Wanted(run, key / 2, key % 2 == 1));
			}
		});
		Map<MobileUnit, UnitDays> workdays = new LinkedHashMap<>();
		Map<MobileUnit, List<int[]>> placed = new LinkedHashMap<>();
		Map<MobileUnit, List<Wanted>> assigned = new LinkedHashMap<>();
		for (MobileUnit unit : units) {
			workdays.put(unit, new UnitDays(workingDays(unit, request.from(), request.to())));
			placed.put(unit, new ArrayList<>());
			assigned.put(unit, new ArrayList<>());
		}
		wanted.sort(Comparator.comparing((Wanted w) -> !w.priority())
			.thenComparing(Comparator.comparingInt(Wanted::visits).reversed())
			.thenComparingDouble(w -> -geometry.matrix.runKm(w.run().home(), w.run().stops())));
		for (Wanted run : wanted) {
			MobileUnit chosen = chooseUnit(geometry, run, units, workdays);
			if (chosen == null) {
				int freeDays = units.stream().mapToInt(unit -> workdays.get(unit).size() / run.visits()).sum();
				for (int stop : run.run().stops()) {
					uncovered.add(new Uncovered(geometry.siteId(stop), "the units have " + freeDays + " days for rounds of "
							+ run.visits() + " visits in the period; the stops need " + wanted.stream()
								.filter(w -> w.visits() == run.visits()).count()));
				}
				continue;
			}
			int[] slots = workdays.get(chosen).free(run.visits());
			workdays.get(chosen).take(slots);
			assigned.get(chosen).add(run);
			placed.get(chosen).add(slots);
		}
		List<DayRun> dayRuns = new ArrayList<>();
		int runNo = 0;
		for (MobileUnit unit : units) {
			List<Wanted> own = assigned.get(unit);
			UnitDays days = workdays.get(unit);
			for (int j = 0; j < own.size(); j++) {
				runNo++;
				for (int slot : placed.get(unit).get(j)) {
					dayRuns.add(geometry.drive(unit, days.day(slot), runNo, own.get(j).run().stops()));
				}
			}
		}
		double bound = LowerBound.km(geometry.matrix, geometry.homes, geometry.stops, visits, loosest);
		Map<String, Integer> required = new LinkedHashMap<>();
		request.stops().forEach(stop -> required.put(stop.siteId(), request.visitsOf(stop.siteId())));
		return new MobilePlan(request.from(), request.to(), request.visitsPerStop(), request.maxGapDays(),
				request.stops().stream().map(ServiceStop::siteId).toList(), dayRuns, uncovered, bound, required);
	}

	/** The cheapest unit with free days for the run's rounds that can drive it; among near-equal ones the least loaded. */
	private static MobileUnit chooseUnit(Geometry geometry, Wanted run, List<MobileUnit> units, Map<MobileUnit, UnitDays> workdays) {
		double cheapest = Double.POSITIVE_INFINITY;
		Map<MobileUnit, Double> cost = new HashMap<>();
		for (MobileUnit unit : units) {
			if (workdays.get(unit).free(run.visits()) == null) {
				continue;
			}
			double km = geometry.matrix.runKm(geometry.home(unit), run.run().stops());
			if (!limits(unit).fits(km, run.run().stops().length)) {
				continue;
			}
			cost.put(unit, km);
			cheapest = Math.min(cheapest, km);
		}
		double tolerance = Math.max(0.5, cheapest * 0.02);
		MobileUnit chosen = null;
		double lightest = Double.POSITIVE_INFINITY;
		for (Map.Entry<MobileUnit, Double> entry : cost.entrySet()) {
			if (entry.getValue() <= cheapest + tolerance) {
				double load = workdays.get(entry.getKey()).load();
				if (load < lightest || (load == lightest && entry.getKey().id().compareTo(chosen.id()) < 0)) {
					lightest = load;
					chosen = entry.getKey();
				}
			}
		}
		return chosen;
	}

	List<LocalDate> workingDays(MobileUnit unit, LocalDate from, LocalDate to) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (unit.worksOn(day, calendar)) {
				days.add(day);
			}
		}
		return days;
	}

	/**
	 * Re-plans after a unit breaks down for the days {@code down} to {@code up} (inclusive). Its runs on those days
	 * after {@code today} move, one by one, to the free working day of a unit that can drive them (another unit, or
	 * this one after the repair) that keeps the stops' gaps within the bound if possible, then lies nearest the
	 * original day, then drives least; no other run moves. Runs nobody can take are dropped and reported.
	 */
	public Replan afterBreakdown(MobilePlan plan, Request request, String unitId, LocalDate down, LocalDate up,
			LocalDate today) {
		Geometry geometry = new Geometry(request);
		List<DayRun> runs = new ArrayList<>(plan.runs());
		Set<String> busy = new HashSet<>();
		runs.forEach(run -> busy.add(run.unitId() + "@" + run.day()));
		List<DayRun> lost = runs.stream()
			.filter(run -> run.unitId().equals(unitId) && !run.day().isBefore(down) && !run.day().isAfter(up)
					&& run.day().isAfter(today))
			.toList();
		runs.removeAll(lost);
		lost.forEach(run -> busy.remove(run.unitId() + "@" + run.day()));
		List<DayRun[]> moved = new ArrayList<>();
		List<DayRun> dropped = new ArrayList<>();
		for (DayRun old : lost) {
			int[] order = old.siteIds().stream().mapToInt(geometry::stopIndex).toArray();
			DayRun best = null;
			long[] bestScore = null;
			for (MobileUnit unit : request.units()) {
				for (LocalDate day : workingDays(unit, today.plusDays(1), plan.to())) {
					boolean broken = unit.id().equals(unitId) && !day.isBefore(down) && !day.isAfter(up);
					if (broken || busy.contains(unit.id() + "@" + day)) {
						continue;
					}
					DayRun candidate = geometry.drive(unit, day, old.run(), order);
					if (candidate == null) {
						continue;
					}
					long[] score = { gapViolations(plan, runs, candidate), Math.abs(day.toEpochDay() - old.day().toEpochDay()),
							Math.round(candidate.km() * 1000) };
					if (bestScore == null || compare(score, bestScore) < 0) {
						best = candidate;
						bestScore = score;
					}
				}
			}
			if (best == null) {
				dropped.add(old);
				continue;
			}
			best = HandMove.keepMarks(old, best);
			runs.add(best);
			busy.add(best.unitId() + "@" + best.day());
			moved.add(new DayRun[] { old, best });
		}
		MobilePlan replanned = new MobilePlan(plan.from(), plan.to(), plan.visitsPerStop(), plan.maxGapBound(),
				plan.stops(), runs, plan.uncovered(), plan.lowerBoundKm(), plan.stopVisits());
		return new Replan(replanned, moved, dropped);
	}

	private static long gapViolations(MobilePlan plan, List<DayRun> runs, DayRun candidate) {
		long violations = 0;
		for (String stop : candidate.siteIds()) {
			List<LocalDate> days = new ArrayList<>();
			for (DayRun run : runs) {
				if (run.siteIds().contains(stop)) {
					days.add(run.day());
				}
			}
			days.add(candidate.day());
			days.sort(null);
			if (MobilePlan.gapDays(days, plan.from(), plan.to()) > plan.maxGapBound()) {
				violations++;
			}
		}
		return violations;
	}

	private static int compare(long[] a, long[] b) {
		for (int i = 0; i < a.length; i++) {
			if (a[i] != b[i]) {
				return Long.compare(a[i], b[i]);
			}
		}
		return 0;
	}

}
