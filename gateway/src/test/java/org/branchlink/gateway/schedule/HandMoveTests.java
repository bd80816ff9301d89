package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.calendar.CalendarProperties;
import org.branchlink.gateway.schedule.HandMove.Refusal;
import org.branchlink.gateway.schedule.MobilePlan.DayRun;
import org.branchlink.gateway.schedule.MobilePlan.StopTime;
import org.branchlink.site.GeoPoint;
import org.junit.jupiter.api.Test;

/**
 * A stop moved by hand on a small county drawn for the purpose: a unit with a four-hour day near stops a, b and c, and
 * a unit far away at stop z. Times are checked against distances worked out here, not by the planner.
 */
class HandMoveTests {

	static final double DETOUR = 1.3;

	static final GeoPoint HOME = new GeoPoint(28.0, 120.0), FAR_HOME = new GeoPoint(29.0, 121.0);

	static final Map<String, GeoPoint> AT = Map.of("a", new GeoPoint(28.1, 120.0), "b", new GeoPoint(28.1, 120.1), "c",
			new GeoPoint(28.0, 120.1), "z", new GeoPoint(29.0, 121.05));

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1), MONDAY = LocalDate.of(2026, 3, 2),
			TUESDAY = LocalDate.of(2026, 3, 3), SUNDAY = LocalDate.of(2026, 3, 8);

	static final MobileUnit NEAR = new MobileUnit("near", "近车", "home", HOME, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			LocalTime.of(9, 0), LocalTime.of(13, 0), 60, 30);

	static final MobileUnit FAR = new MobileUnit("far", "远车", "far-home", FAR_HOME, EnumSet.allOf(DayOfWeek.class),
			LocalTime.of(9, 0), LocalTime.of(17, 0), 60, 30);

	final MobilePlanner planner = new MobilePlanner(new CalendarProperties(Map.of()).calendar(), DETOUR, 100);

	final MobilePlanner.Request request = new MobilePlanner.Request(MONDAY, LocalDate.of(2026, 3, 31), List.of(NEAR, FAR),
			AT.entrySet().stream().map(e -> new ServiceStop(e.getKey(), e.getKey(), e.getValue())).toList(), 1, 40);

	/** Monday a, b; Tuesday c; Sunday (a day the near unit does not run) a; the far unit's Monday z. */
	final MobilePlan plan = new MobilePlan(MONDAY, LocalDate.of(2026, 3, 31), 1, 40, List.of("a", "b", "c", "z"), List.of(
			drive(NEAR, MONDAY, "a", "b"), drive(NEAR, TUESDAY, "c"), drive(NEAR, SUNDAY, "a"), drive(FAR, MONDAY, "z")),
			List.of(), 0);

	private DayRun drive(MobileUnit unit, LocalDate day, String... stops) {
		return planner.drive(request, unit, day, 1, List.of(stops)).orElseThrow();
	}

	private HandMove.Result move(String unit, LocalDate day, int index, String toUnit, LocalDate toDay, int position) {
		return new HandMove(planner, request).move(plan, unit, day, index, toUnit, toDay, position, TODAY);
	}

	private DayRun nearMonday() {
		return plan.runs().stream().filter(run -> run.is("near", MONDAY)).findFirst().orElseThrow();
	}

	/** Minutes on the road between two points, as the planner must count them. */
	private static double minutes(GeoPoint from, GeoPoint to) {
		return from.distanceKm(to) * DETOUR / 30 * 60;
	}

	@Test
	void aStopMovedToAnotherDayIsRetimedInBothRunsAndMarked() {
		HandMove.Result result = move("near", MONDAY, 1, "near", TUESDAY, 1);

		assertThat(result.before()).hasSize(2);
		DayRun tuesday = result.target();
		assertThat(tuesday.siteIds()).containsExactly("b", "c");
		LocalTime atB = LocalTime.of(9, 0).plusMinutes(Math.round(minutes(HOME, AT.get("b"))));
		assertThat(tuesday.stops().get(0)).isEqualTo(new StopTime("b", atB, atB.plusMinutes(60), true));
		LocalTime atC = LocalTime.of(9, 0)
			.plusMinutes(Math.round(minutes(HOME, AT.get("b")) + 60 + minutes(AT.get("b"), AT.get("c"))));
		assertThat(tuesday.stops().get(1)).isEqualTo(new StopTime("c", atC, atC.plusMinutes(60), false));
		assertThat(tuesday.km()).isCloseTo((HOME.distanceKm(AT.get("b")) + AT.get("b").distanceKm(AT.get("c"))
				+ AT.get("c").distanceKm(HOME)) * DETOUR, within(1e-6));
		DayRun monday = result.after().get(1);
		assertThat(monday.siteIds()).containsExactly("a");
		assertThat(monday.km()).isLessThan(nearMonday().km());
		assertThat(result.plan().runs()).hasSize(4).contains(tuesday, monday);
		assertThat(result.moved()).isEqualTo(tuesday.stops().get(0));
	}

	@Test
	void aStopMovedWithinItsRunKeepsTheRunAndTheOtherStopsMarks() {
		HandMove.Result result = move("near", MONDAY, 1, "near", MONDAY, 1);
		assertThat(result.after()).hasSize(1);
		assertThat(result.target().siteIds()).containsExactly("b", "a");
		assertThat(result.target().stops()).extracting(StopTime::byHand).containsExactly(true, false);
		assertThat(result.target().stops().get(1).arrive()).as("a now comes after b's hour")
			.isAfter(nearMonday().stops().get(0).arrive().plusMinutes(60));
		DayRun again = HandMove.keepMarks(result.target(), drive(NEAR, TUESDAY, "a", "b"));
		assertThat(again.stops()).as("a breakdown moving the run keeps the mark").extracting(StopTime::byHand)
			.containsExactly(false, true);
	}

	@Test
	void aMoveThatBreaksARuleOfThePlanIsRefusedWithItsReason() {
		assertRefused(() -> move("near", MONDAY, 0, "near", MONDAY, 1), Refusal.UNCHANGED);
		assertRefused(() -> move("near", MONDAY, 0, "near", MONDAY, 3), Refusal.POSITION, 2);
		assertRefused(() -> move("near", MONDAY, 0, "near", TUESDAY, 0), Refusal.POSITION, 2);
		assertRefused(() -> move("near", SUNDAY, 0, "near", MONDAY, 1), Refusal.DUPLICATE);
		assertRefused(() -> move("near", TUESDAY, 0, "near", SUNDAY, 1), Refusal.OFF_DAY);
		assertRefused(() -> move("far", MONDAY, 0, "near", TUESDAY, 1), Refusal.UNREACHABLE);
		// home, a, b, c and home again: nearly two hours' driving and three at the stops, on a day that ends at 13:00
		double minutes = minutes(HOME, AT.get("a")) + minutes(AT.get("a"), AT.get("b")) + minutes(AT.get("b"), AT.get("c"))
				+ minutes(AT.get("c"), HOME) + 180;
		assertRefused(() -> move("near", TUESDAY, 0, "near", MONDAY, 3), Refusal.DAY_TOO_LONG,
				LocalTime.of(9, 0).plusMinutes(Math.round(minutes)), LocalTime.of(13, 0));
		assertThat(minutes).isGreaterThan(240);
		assertRefused(() -> move("near", MONDAY, 2, "near", TUESDAY, 1), Refusal.STALE);
		assertRefused(() -> move("near", MONDAY, 0, "near", LocalDate.of(2026, 3, 4), 1), Refusal.STALE);
		assertRefused(() -> new HandMove(planner, request).move(plan, "near", MONDAY, 0, "near", TUESDAY, 1, MONDAY),
				Refusal.PAST);
		assertThat(Refusal.DAY_TOO_LONG.code()).isEqualTo("plan-move-day-too-long");
	}

	private static void assertRefused(Runnable move, Refusal reason, Object... args) {
		assertThatThrownBy(move::run).isInstanceOfSatisfying(HandMove.Refused.class, refused -> {
			assertThat(refused.reason()).isEqualTo(reason);
			assertThat(refused.args()).containsExactly(args);
		});
	}

}
