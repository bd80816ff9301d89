package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.gateway.bench.ScheduleBench;
import org.branchlink.gateway.calendar.CalendarProperties;
import org.branchlink.gateway.calendar.WorkingCalendar;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

/** The working calendar and the mobile planner on the demo county, with the application's own settings. */
class MobilePlannerTests {

	static WorkingCalendar calendar;

	static ScheduleProperties properties;

	static List<MobileUnit> units;

	static List<ServiceStop> stops;

	static MobilePlanner planner;

	@BeforeAll
	static void county() throws Exception {
		Binder settings = ScheduleBench.applicationSettings();
		calendar = settings.bindOrCreate("branchlink.calendar", CalendarProperties.class).calendar();
		properties = settings.bindOrCreate("branchlink.schedule", ScheduleProperties.class);
		SiteRegistry registry = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml");
		units = MobileFleet.units(registry, properties, MobileService.BOOKS);
		stops = MobileFleet.stops(registry, properties);
		planner = new MobilePlanner(calendar, properties.detourFactor(), 5_000);
	}

	@Test
	void theCalendarKnowsHolidaysAndMakeUpWorkdays() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("调休 Saturday before the Spring Festival").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).as("an ordinary Saturday inside the holiday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();
		// ten working days from Friday 13 February: Sat 14 (调休), then nothing until Tue 24; 24-27, Sat 28 (调休),
		// 2-5 March: the tenth is Thursday 5 March
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 10)).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
	}

	@Test
	void aMisconfiguredCalendarIsRefusedWithTheEntryNamed() {
		CalendarProperties weekday = new CalendarProperties(
				Map.of(2026, new CalendarProperties.YearDays(List.of(), List.of("2026-03-03"))));
		assertThatThrownBy(weekday::calendar).hasMessageContaining("2026-03-03").hasMessageContaining("weekend");
		CalendarProperties garbled = new CalendarProperties(
				Map.of(2026, new CalendarProperties.YearDays(List.of("2026-13-01"), List.of())));
		assertThatThrownBy(garbled::calendar).hasMessageContaining("2026-13-01");
	}

	@Test
	void aUnitWorksItsWeekdaysAndMakeUpDaysButNoHolidays() {
		MobileUnit unit = units.get(0);
		assertThat(unit.worksOn(LocalDate.of(2026, 2, 14), calendar)).isTrue();
		assertThat(unit.worksOn(LocalDate.of(2026, 2, 17), calendar)).isFalse();
		assertThat(unit.worksOn(LocalDate.of(2026, 3, 7), calendar)).isFalse();
		MobileUnit weekends = new MobileUnit("w", "w", unit.homeSite(), unit.home(),
				Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), 90, 35);
		assertThat(weekends.worksOn(LocalDate.of(2026, 3, 7), calendar)).isTrue();
		assertThat(weekends.worksOn(LocalDate.of(2026, 2, 21), calendar)).as("holiday weekend").isFalse();
	}

	private MobilePlanner.Request quarter() {
		return new MobilePlanner.Request(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), units, stops, 3,
				properties.maxGapDays());
	}

	@Test
	void aQuarterVisitsEveryStopThreeTimesWithinTheGapBoundAndNeverDoubleBooksAUnit() {
		MobilePlan plan = planner.plan(quarter());
		assertThat(stops).hasSize(150);
		assertThat(plan.coverage()).isEqualTo(1.0);
		assertThat(plan.visitDays().values()).allSatisfy(days -> assertThat(days).hasSize(3));
		assertThat(plan.maxGapDays()).isLessThanOrEqualTo(properties.maxGapDays());
		Set<String> unitDays = new HashSet<>();
		for (MobilePlan.DayRun run : plan.runs()) {
			assertThat(unitDays.add(run.unitId() + "@" + run.day())).as("one run per unit and day").isTrue();
			MobileUnit unit = units.stream().filter(u -> u.id().equals(run.unitId())).findFirst().orElseThrow();
			assertThat(unit.worksOn(run.day(), calendar)).as(run.day() + " is a working day of " + unit.id()).isTrue();
			assertThat(run.stops().get(run.stops().size() - 1).depart()).isBefore(unit.dayEnd());
		}
		assertThat(plan.distanceKm()).isGreaterThanOrEqualTo(plan.lowerBoundKm());
	}

	@Test
	void aBreakdownMovesOnlyTheBrokenUnitsRunsAndKeepsEveryOtherStop() {
		MobilePlan plan = planner.plan(quarter());
		LocalDate today = LocalDate.of(2026, 1, 20);
		String broken = units.get(0).id();
		LocalDate down = LocalDate.of(2026, 1, 21), up = LocalDate.of(2026, 1, 30);
		MobilePlanner.Replan replan = planner.afterBreakdown(plan, quarter(), broken, down, up, today);

		assertThat(replan.moved()).isNotEmpty();
		assertThat(replan.dropped()).isEmpty();
		List<MobilePlan.DayRun> untouched = plan.runs().stream()
			.filter(run -> !(run.unitId().equals(broken) && !run.day().isBefore(down) && !run.day().isAfter(up)))
			.toList();
		assertThat(replan.plan().runs()).containsAll(untouched);
		assertThat(replan.plan().runs()).noneMatch(run -> run.unitId().equals(broken) && !run.day().isBefore(down)
				&& !run.day().isAfter(up));
		assertThat(replan.plan().coverage()).isEqualTo(1.0);
		Set<String> unitDays = new HashSet<>();
		replan.plan().runs().forEach(run -> assertThat(unitDays.add(run.unitId() + "@" + run.day())).isTrue());
		assertThat(replan.moved()).allSatisfy(move -> assertThat(move[1].day()).isAfter(today));
	}

	@Test
	void tooFewUnitsLeaveStopsUncoveredWithAReason() {
		MobilePlanner.Request month = new MobilePlanner.Request(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
				List.of(units.get(0)), stops, 2, 20);
		MobilePlan plan = planner.plan(month);
		assertThat(plan.coverage()).isLessThan(1.0);
		assertThat(plan.uncovered()).isNotEmpty()
			.allSatisfy(u -> assertThat(u.reason()).contains("days for rounds of 2 visits"));
	}

	@Test
	void priorityStopsGetTheirWeightedVisitsSpreadOverThePeriodAndTheOthersKeepTheirs() {
		List<String> priority = stops.stream().map(ServiceStop::siteId).filter(id -> id.hashCode() % 7 == 0).toList();
		assertThat(priority).hasSizeGreaterThan(5);
		Map<String, Integer> twice = new HashMap<>();
		priority.forEach(id -> twice.put(id, 2));
		MobilePlanner.Request month = new MobilePlanner.Request(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), units,
				stops, 1, properties.maxGapDays(), twice, Set.copyOf(priority));
		MobilePlan plan = planner.plan(month);

		assertThat(plan.coverage()).isEqualTo(1.0);
		plan.visitDays().forEach((stop, days) -> {
			assertThat(days).as(stop).hasSize(priority.contains(stop) ? 2 : 1);
			if (days.size() == 2) {
				assertThat(ChronoUnit.DAYS.between(days.get(0), days.get(1))).as(stop + " visits apart")
					.isGreaterThanOrEqualTo(7);
			}
		});
		assertThat(plan.visitsOf(priority.get(0))).isEqualTo(2);
		assertThat(plan.visitsOf(stops.get(0).siteId().equals(priority.get(0)) ? stops.get(1).siteId() : stops.get(0).siteId()))
			.isEqualTo(1);
		Set<String> unitDays = new HashSet<>();
		plan.runs().forEach(run -> assertThat(unitDays.add(run.unitId() + "@" + run.day())).as("one run per unit and day").isTrue());
		assertThat(plan.distanceKm()).isGreaterThanOrEqualTo(plan.lowerBoundKm());
	}

	@Test
	void whenTheUnitsCannotServeEveryStopThePriorityStopsAreServedFirst() {
		List<String> priority = stops.stream().map(ServiceStop::siteId).filter(id -> id.hashCode() % 9 == 0).toList();
		MobilePlanner.Request month = new MobilePlanner.Request(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
				List.of(units.get(0)), stops, 2, 20, Map.of(), Set.copyOf(priority));
		MobilePlan plan = planner.plan(month);

		assertThat(plan.uncovered()).isNotEmpty();
		assertThat(plan.uncovered()).extracting(MobilePlan.Uncovered::siteId).doesNotContainAnyElementsOf(priority);
		assertThat(plan.visitDays()).allSatisfy((stop, days) -> {
			if (priority.contains(stop)) {
				assertThat(days).as(stop).hasSize(2);
			}
		});
	}

	@Test
	void aRunDrivenKTimesTakesOneFreeDayInEachKthOfTheUnitsDays() {
		List<LocalDate> ten = LocalDate.of(2026, 3, 2).datesUntil(LocalDate.of(2026, 3, 12)).toList();
		UnitDays days = new UnitDays(ten);
		assertThat(days.free(2)).containsExactly(0, 5);
		days.take(days.free(2));
		assertThat(days.free(2)).containsExactly(1, 6);
		assertThat(days.free(1)).containsExactly(1);
		assertThat(days.load()).isEqualTo(0.2);
		UnitDays busy = new UnitDays(ten.subList(0, 5));
		busy.take(new int[] { 0, 1, 2 });
		assertThat(busy.free(2)).as("the first half has no free day").isNull();
		assertThat(new UnitDays(List.of()).free(1)).isNull();
		assertThat(new UnitDays(List.of()).load()).isEqualTo(1);
	}

	@Test
	void aServiceVisitedLessThanOncePerPlanReachesEachStopInTurn() {
		VisitFrequency quarterly = new VisitFrequency(4, 2);
		List<String> ids = stops.stream().map(ServiceStop::siteId).toList();
		Map<String, Integer> served = new HashMap<>();
		for (int month = 1; month <= 3; month++) {
			for (String id : ids) {
				served.merge(id, quarterly.visits(id, false, LocalDate.of(2026, month, 1), 1), Integer::sum);
			}
		}
		assertThat(served.values()).as("each stop once in three monthly plans").allMatch(visits -> visits == 1);
		assertThat(quarterly.visits(ids.get(0), false, LocalDate.of(2026, 1, 1), 12)).as("a year's plan").isEqualTo(4);
		assertThat(quarterly.visits(ids.get(0), true, LocalDate.of(2026, 1, 1), 12)).as("a priority stop's year").isEqualTo(8);
		assertThat(quarterly.usual(12)).isEqualTo(4);
		assertThat(quarterly.usual(1)).as("at least one").isEqualTo(1);
		VisitFrequency monthly = new VisitFrequency(12, 2);
		assertThat(monthly.visits(ids.get(0), true, LocalDate.of(2026, 1, 1), 1)).isEqualTo(2);
		assertThat(monthly.visits(ids.get(0), false, LocalDate.of(2026, 1, 1), 3)).isEqualTo(3);
	}

}
