package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.gateway.schedule.MobilePlan.DayRun;
import org.branchlink.gateway.schedule.MobilePlan.StopTime;

/**
 * A coordinator moves one stop by hand: to another position of its own run, or into another unit's or day's run. Both
 * runs are re-timed with the planner's travel matrix (drive times, the unit's time at each stop) and must still bring
 * the unit home within its working day, as every run the planner builds does. The moved stop is marked as moved by
 * hand; the other stops keep their marks. A move that breaks the stop's longest-gap bound is allowed (the bound is
 * a target the planner itself may miss) and reported.
 */
final class HandMove {

	/** Why a move is refused; {@link #code()} is the code of its refusal ({@code refusal.plan-move-…}). */
	enum Refusal {

		/** The stop's day or the target day is today or past: what the readers were told stays. */
		PAST,
		/** The stop would stay where it is. */
		UNCHANGED,
		/** The position is outside the target run (arguments: the highest position). */
		POSITION,
		/** The target run already visits this stop. */
		DUPLICATE,
		/** The target unit does not run that day (a holiday since the plan was made). */
		OFF_DAY,
		/** The target unit cannot reach the stop and be home within its day, even with no other stop. */
		UNREACHABLE,
		/** The target run would end after the unit's working day (arguments: when it would be back, the day's end). */
		DAY_TOO_LONG,
		/** No such run in the plan, or the stop is no longer in it: the page was read from an older plan. */
		STALE;

		String code() {
			return "plan-move-" + name().toLowerCase().replace('_', '-');
		}

	}

	/** A refused move, with its reason and the reason's arguments. */
	static final class Refused extends RuntimeException {

		private final Refusal reason;

		private final transient Object[] args;

		Refused(Refusal reason, Object... args) {
			super(reason.code());
			this.reason = reason;
			this.args = args.clone();
		}

		Refusal reason() {
			return reason;
		}

		Object[] args() {
			return args.clone();
		}

	}

	/**
	 * What a move did.
	 *
	 * @param plan the plan with the re-timed runs
	 * @param before the runs as they were (one when the stop stays in its run)
	 * @param after the same runs re-timed; a run left without stops is absent
	 * @param moved the stop at its new place and time
	 * @param target the run it is now in
	 * @param longestGap the stop's longest gap in days after the move (may exceed the plan's bound)
	 */
	record Result(MobilePlan plan, List<DayRun> before, List<DayRun> after, StopTime moved, DayRun target, long longestGap) {
	}

	private final MobilePlanner planner;

	private final MobilePlanner.Request request;

	HandMove(MobilePlanner planner, MobilePlanner.Request request) {
		this.planner = planner;
		this.request = request;
	}

	/**
	 * Moves the {@code index}-th stop (from 0) of a unit's run on a day so that it becomes the {@code position}-th
	 * stop (from 1) of the target run.
	 *
	 * @throws Refused when the move breaks a rule of the plan
	 */
	Result move(MobilePlan plan, String unitId, LocalDate day, int index, String toUnit, LocalDate toDay, int position,
			LocalDate today) {
		DayRun source = run(plan, unitId, day);
		DayRun target = run(plan, toUnit, toDay);
		refuseWhenAgainstThePlan(source, target, index, position, today);
		boolean sameRun = source == target;
		String site = source.stops().get(index).siteId();
		MobileUnit unit = unit(toUnit);
		List<String> rest = new ArrayList<>(source.siteIds());
		rest.remove(index);
		List<String> order = new ArrayList<>(sameRun ? rest : target.siteIds());
		order.add(position - 1, site);
		DayRun moved = planner.drive(request, unit, toDay, target.run(), order).orElseThrow(() -> {
			LocalTime back = unit.dayStart().plusMinutes(Math.round(planner.minutes(request, unit, order)));
			return new Refused(Refusal.DAY_TOO_LONG, back, unit.dayEnd());
		});
		Set<String> hands = marked(target);
		hands.add(site);
		List<DayRun> before = sameRun ? List.of(source) : List.of(source, target);
		List<DayRun> after = new ArrayList<>();
		after.add(marked(moved, hands));
		if (!sameRun && !rest.isEmpty()) {
			DayRun shorter = planner.drive(request, unit(unitId), day, source.run(), rest)
				.orElseThrow(() -> new IllegalStateException("a run without one of its stops no longer fits its day"));
			after.add(keepMarks(source, shorter));
		}
		List<DayRun> runs = new ArrayList<>(plan.runs());
		runs.removeAll(before);
		runs.addAll(after);
		MobilePlan changed = new MobilePlan(plan.from(), plan.to(), plan.visitsPerStop(), plan.maxGapBound(), plan.stops(), runs,
				plan.uncovered(), plan.lowerBoundKm(), plan.stopVisits());
		return new Result(changed, before, after, after.get(0).stops().get(position - 1), after.get(0),
				changed.gaps().getOrDefault(site, 0L));
	}

	/** Refuses a move the plan's rules forbid before any run is re-timed (see {@link Refusal}). */
	private void refuseWhenAgainstThePlan(DayRun source, DayRun target, int index, int position, LocalDate today) {
		if (index < 0 || index >= source.stops().size()) {
			throw new Refused(Refusal.STALE);
		}
		if (!source.day().isAfter(today) || !target.day().isAfter(today)) {
			throw new Refused(Refusal.PAST);
		}
		Set<String> known = request.stops().stream().map(ServiceStop::siteId).collect(Collectors.toSet());
		if (!known.containsAll(source.siteIds()) || !known.containsAll(target.siteIds())) {
			throw new Refused(Refusal.STALE);
		}
		boolean sameRun = source == target;
		String site = source.stops().get(index).siteId();
		int highest = sameRun ? source.stops().size() : target.stops().size() + 1;
		if (position < 1 || position > highest) {
			throw new Refused(Refusal.POSITION, highest);
		}
		if (sameRun && position - 1 == index) {
			throw new Refused(Refusal.UNCHANGED);
		}
		if (!sameRun && target.siteIds().contains(site)) {
			throw new Refused(Refusal.DUPLICATE);
		}
		MobileUnit unit = unit(target.unitId());
		if (!planner.works(unit, target.day())) {
			throw new Refused(Refusal.OFF_DAY);
		}
		if (planner.drive(request, unit, target.day(), target.run(), List.of(site)).isEmpty()) {
			throw new Refused(Refusal.UNREACHABLE);
		}
	}

	/** The run {@code moved} with the hand marks of {@code old} (a breakdown moves a whole run). */
	static DayRun keepMarks(DayRun old, DayRun moved) {
		return marked(moved, marked(old));
	}

	private static Set<String> marked(DayRun run) {
		return run.stops().stream().filter(StopTime::byHand).map(StopTime::siteId)
			.collect(Collectors.toCollection(HashSet::new));
	}

	private static DayRun marked(DayRun run, Set<String> hands) {
		return new DayRun(run.unitId(), run.day(), run.run(), run.stops().stream()
			.map(stop -> new StopTime(stop.siteId(), stop.arrive(), stop.depart(), hands.contains(stop.siteId())))
			.toList(), run.km());
	}

	private static DayRun run(MobilePlan plan, String unitId, LocalDate day) {
		return plan.runs().stream().filter(run -> run.is(unitId, day)).findFirst().orElseThrow(() -> new Refused(Refusal.STALE));
	}

	private MobileUnit unit(String unitId) {
		return request.units().stream().filter(unit -> unit.id().equals(unitId)).findFirst()
			.orElseThrow(() -> new Refused(Refusal.STALE));
	}

}
