package org.branchlink.gateway.demo;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.site.Site;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated demo county: its registry, catalogue and logins. */
class DemoCountyTests {

	private final SiteRegistry county = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml");

	@Test
	void isTheSameEveryTime() {
		assertThat(DemoCounty.registryYaml()).isEqualTo(DemoCounty.registryYaml());
	}

	@Test
	void hasTheShapeOfARealCounty() {
		Map<SiteLevel, Long> levels = county.sites()
			.stream()
			.collect(Collectors.groupingBy(site -> site.kind().level(), Collectors.counting()));

		assertThat(levels).containsEntry(SiteLevel.CENTRAL, 2L)
			.containsEntry(SiteLevel.BRANCH, 15L)
			.containsEntry(SiteLevel.SERVICE_POINT, 150L)
			.containsEntry(SiteLevel.READING_ROOM, 10L)
			.containsEntry(SiteLevel.MOBILE, 4L);
		assertThat(county.sites().stream().filter(site -> site.kind() == SiteKind.BOOKMOBILE)).hasSize(2);
		assertThat(county.find("central-library").orElseThrow().kind()).isEqualTo(SiteKind.CENTRAL_LIBRARY);
		assertThat(county.find("culture-hall").orElseThrow().kind()).isEqualTo(SiteKind.CENTRAL_CULTURE_CENTER);
	}

	@Test
	void namesAndServicePointCodesAreUnique() {
		assertThat(county.sites().stream().map(site -> site.name().zh()).collect(Collectors.toSet())).hasSize(181);
		assertThat(county.sites().stream().map(site -> site.name().en()).collect(Collectors.toSet())).hasSize(181);
		assertThat(county.sites()
			.stream()
			.filter(site -> site.kind().level() == SiteLevel.SERVICE_POINT)
			.map(site -> site.areaCode().value())
			.collect(Collectors.toSet())).hasSize(150);
	}

	@Test
	void everyCentreLiesWithinReachOfItsTownshipAndInsideTheCounty() {
		for (Site site : county.sites()) {
			assertThat(site.areaCode().county()).isEqualTo("330398");
			if (site.kind().level() == SiteLevel.SERVICE_POINT) {
				Site township = county.townshipOf(site.id()).orElseThrow();
				assertThat(site.areaCode().township()).isEqualTo(township.areaCode().township());
				assertThat(site.location().distanceKm(township.location())).isLessThan(8);
			}
			assertThat(site.location().distanceKm(county.find("central-library").orElseThrow().location()))
				.isLessThan(45);
		}
		assertThat(county.find(DemoCounty.demoLibrarianSite()).orElseThrow().kind())
			.isEqualTo(SiteKind.TOWNSHIP_STATION);
		assertThat(Set.of("chengdong", "baishi", "gaoshan")).allSatisfy(id -> assertThat(county.find(id)).isPresent());
	}

}
