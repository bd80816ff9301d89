package org.branchlink.site;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Writing a registry back to YAML, whole or with one site changed from a draft, and reading it again. */
class SiteRegistryWriterTests {

	private static final String REGISTRY = """
			federation:
			  id: test-county
			  name: {zh: 测试县, en: Test County}
			  area-code: "330398000000"
			sites:
			  - id: central
			    kind: central_library
			    name: {zh: 测试县图书馆, en: "Test County Library: the central one"}
			    service-lines: [library]
			    area-code: "330398001000"
			    address: 文化路 18 号
			    opening-hours: Tu-Su 09:00-20:30
			    location: {lat: 27.5, lon: 119.9}
			    connector: {kind: marc-file, folder: drop/central}
			  - id: town-a
			    kind: township_station
			    name: {zh: 甲镇综合文化站, en: Jia Town Station}
			    service-lines: [library, culture_center]
			    parent: central
			    area-code: "330398101000"
			    location: {lat: 27.6, lon: 119.8}
			  - id: town-b
			    kind: township_station
			    name: {zh: 乙镇综合文化站, en: Yi Town Station}
			    service-lines: [library]
			    parent: central
			    area-code: "330398102000"
			    location: {lat: 27.7, lon: 119.7}
			  - id: village-a1
			    kind: village_center
			    name: {zh: 甲村服务中心, en: Jia Village Centre}
			    service-lines: [library, culture_center]
			    parent: town-a
			    area-code: "330398101201"
			    location: {lat: 27.61, lon: 119.81}
			""";

	private final SiteRegistry registry = SiteRegistryReader.read(REGISTRY, "test.yml");

	@Test
	void aWrittenRegistryReadsBackToTheSameSites() {
		SiteRegistry again = SiteRegistryReader.read(SiteRegistryWriter.yaml(registry), "again.yml");

		assertThat(again.sites()).isEqualTo(registry.sites());
		assertThat(again.federation()).isEqualTo(registry.federation());
	}

	@Test
	void aDraftMovesASiteAndKeepsItsConnector() {
		SiteDraft moved = SiteDraft.of(registry.find("village-a1").orElseThrow()).withParent("town-b");

		SiteRegistry changed = SiteRegistryReader.read(SiteRegistryWriter.yaml(registry, "village-a1", moved), "moved.yml");

		assertThat(changed.childrenOf("town-b")).extracting(Site::id).containsExactly("village-a1");
		assertThat(changed.childrenOf("town-a")).isEmpty();
		assertThat(changed.find("central").orElseThrow().connector().parameters()).containsEntry("folder", "drop/central");
	}

	@Test
	void aNewSiteIsAddedAtTheEnd() {
		SiteDraft added = new SiteDraft("village-b1", "village_center", "乙村服务中心", "Yi Village Centre",
				List.of("library"), "town-b", "330398102201", "", "Mo-Fr 08:30-17:00", "220.5", "27.71", "119.71");

		SiteRegistry changed = SiteRegistryReader.read(SiteRegistryWriter.yaml(registry, null, added), "added.yml");

		assertThat(changed.size()).isEqualTo(5);
		assertThat(changed.find("village-b1").orElseThrow().openingHours()).isEqualTo("Mo-Fr 08:30-17:00");
		assertThat(changed.find("village-b1").orElseThrow().floorArea()).isEqualTo(220.5);
		assertThat(SiteDraft.of(changed.find("village-b1").orElseThrow()).floorArea()).isEqualTo("220.5");
	}

	@Test
	void aWrongDraftIsRefusedWithEachProblemNamingItsFieldAndCode() {
		SiteDraft wrong = new SiteDraft("village-a1", "village_center", "", "Jia Village Centre", List.of("library"),
				"central", "12345", "", "", "-30", "north", "119.81");

		assertThatExceptionOfType(RegistryValidationException.class)
			.isThrownBy(() -> SiteRegistryReader.read(SiteRegistryWriter.yaml(registry, "village-a1", wrong), "wrong.yml"))
			.satisfies(ex -> assertThat(ex.problems())
				.extracting(RegistryProblem::siteId, RegistryProblem::field, RegistryProblem::code)
				.contains(tuple("village-a1", "name.zh", "missing"),
						tuple("village-a1", "area-code", "malformed"),
						tuple("village-a1", "location.lat", "malformed"), tuple("village-a1", "floor-area", "malformed")));
	}

	@Test
	void aSiteUnderAParentOfTheWrongLevelIsRefusedWithBothKinds() {
		SiteDraft wrong = SiteDraft.of(registry.find("village-a1").orElseThrow()).withParent("central");

		assertThatExceptionOfType(RegistryValidationException.class)
			.isThrownBy(() -> SiteRegistryReader.read(SiteRegistryWriter.yaml(registry, "village-a1", wrong), "wrong.yml"))
			.satisfies(ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
				assertThat(problem.code()).isEqualTo("parent-kind");
				assertThat(problem.field()).isEqualTo("parent");
				assertThat(problem.args()).containsExactly("village_center", "central_library", "central");
			}));
	}

	@Test
	void aMissingSiteCannotBeReplaced() {
		SiteDraft draft = SiteDraft.of(registry.find("town-a").orElseThrow());

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SiteRegistryWriter.yaml(registry, "nowhere", draft));
	}

}
