package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.bench.ScheduleBench;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryReader;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's peer harness on a small part of the demo county: Timefold Solver's runs are read back as the planner's
 * are, and both are checked the same way (every stop once, every run home within its day, neither below the bound).
 */
class PlannerPeerTests {

	@Test
	void bothSolversVisitEveryStopOnceWithinTheDayAndNeitherBeatsTheBound() throws Exception {
		ScheduleProperties properties = ScheduleBench.applicationSettings().bindOrCreate("branchlink.schedule",
				ScheduleProperties.class);
		SiteRegistry registry = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml");
		List<MobileUnit> units = MobileFleet.units(registry, properties, MobileService.BOOKS);
		List<ServiceStop> stops = MobileFleet.stops(registry, properties).subList(0, 24);
		MobilePlanner.Request request = new MobilePlanner.Request(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				units, stops, 1, 35);

		PlannerPeer.Comparison comparison = PlannerPeer.compare(request, properties.detourFactor(), 2_000, Duration.ofSeconds(2));

		assertThat(comparison.stops()).isEqualTo(24);
		assertThat(comparison.planner().withinDays()).as("the planner's runs").isTrue();
		assertThat(comparison.timefold().withinDays()).as("Timefold's runs").isTrue();
		assertThat(comparison.timefold().runs()).isPositive();
		assertThat(comparison.plannerPlanKm()).isGreaterThanOrEqualTo(comparison.lowerBoundKm() - 1e-6);
		assertThat(comparison.timefoldPlanKm()).isGreaterThanOrEqualTo(comparison.lowerBoundKm() - 1e-6);
	}

	@Test
	void theGeneratedCountyHasThreeHundredStopsAndFourUnitsEveryOneWithinADaysReach() throws Exception {
		ScheduleProperties properties = ScheduleBench.applicationSettings().bindOrCreate("branchlink.schedule",
				ScheduleProperties.class);
		SiteRegistry registry = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml");
		MobilePlanner.Request large = ScheduleBench.largeCounty(MobileFleet.units(registry, properties, MobileService.BOOKS).get(0));
		assertThat(large.stops()).hasSize(300);
		assertThat(large.units()).hasSize(4);
		assertThat(large.stops().stream().map(ServiceStop::siteId).distinct()).hasSize(300);
		for (ServiceStop stop : large.stops()) {
			double nearest = large.units().stream().mapToDouble(u -> u.home().distanceKm(stop.location())).min().orElseThrow();
			MobileUnit unit = large.units().get(0);
			double minutes = 2 * nearest * properties.detourFactor() / unit.speedKmh() * 60 + unit.stopMinutes();
			assertThat(minutes).as(stop.siteId()).isLessThanOrEqualTo(unit.dayMinutes());
		}
	}

}
