package org.branchlink.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading and validating registry files: every problem named with its line and site, all at once. */
class SiteRegistryReaderTests {

	/** A valid registry: line numbers below refer to this text. */
	private static final String VALID = """
			federation:
			  id: test-county
			  name: {zh: 测试县, en: Test County}
			  area-code: "330398000000"
			sites:
			  - id: central
			    kind: central_library
			    name: {zh: 测试县图书馆, en: Test County Library}
			    service-lines: [library]
			    area-code: "330398001000"
			    location: {lat: 27.5, lon: 119.9}
			  - id: town-a
			    kind: township_station
			    name: {zh: 甲镇综合文化站, en: Jia Town Station}
			    service-lines: [library, culture_center]
			    parent: central
			    area-code: "330398101000"
			    location: {lat: 27.6, lon: 119.8}
			  - id: village-a1
			    kind: village_center
			    name: {zh: 甲村服务中心, en: Jia Village Centre}
			    service-lines: [library, culture_center]
			    parent: town-a
			    area-code: "330398101201"
			    location: {lat: 27.61, lon: 119.81}
			  - id: mobile-1
			    kind: bookmobile
			    name: {zh: 流动图书车, en: Bookmobile}
			    service-lines: [library]
			    parent: central
			    area-code: "330398001000"
			    location: {lat: 27.5, lon: 119.9}
			""";

	@Test
	void readsAValidRegistryIntoATree() {
		SiteRegistry registry = SiteRegistryReader.read(VALID, "test.yml");

		assertThat(registry.size()).isEqualTo(4);
		assertThat(registry.federation().areaCode().county()).isEqualTo("330398");
		assertThat(registry.tree()).singleElement().satisfies(root -> {
			assertThat(root.site().id()).isEqualTo("central");
			assertThat(root.size()).isEqualTo(4);
			assertThat(root.children()).extracting(node -> node.site().id()).containsExactly("town-a", "mobile-1");
		});
		assertThat(registry.townshipOf("village-a1")).map(Site::id).hasValue("town-a");
		assertThat(registry.find("town-a").orElseThrow().serviceLines())
			.containsExactlyInAnyOrder(ServiceLine.LIBRARY, ServiceLine.CULTURE_CENTER);
	}

	@Test
	void theShippedExampleRegistryIsValid() throws Exception {
		Path example = Path.of("../deploy/registry-example.yml");
		SiteRegistry registry = SiteRegistryReader.read(Files.readString(example), example.toString());

		assertThat(registry.find("hutou").orElseThrow().connector().parameters()).containsEntry("charset", "GBK");
		assertThat(registry.find("hutou-meishan-books").orElseThrow().kind()).isEqualTo(SiteKind.FARMERS_READING_ROOM);
	}

	@Test
	void unknownParentNamesTheSiteAndLine() {
		String yaml = VALID.replace("parent: town-a", "parent: town-z");

		assertThat(problems(yaml)).containsExactly("line 19, site 'village-a1': unknown parent 'town-z'");
	}

	@Test
	void duplicateIdNamesBothLines() {
		String yaml = VALID.replace("id: mobile-1", "id: town-a");

		assertThat(problems(yaml))
			.containsExactly("line 26, site 'town-a': duplicate id: the same id is already used by the site at line 12");
	}

	@Test
	void cycleIsReportedForEverySiteOnIt() {
		String yaml = VALID.replace("service-lines: [library, culture_center]\n    parent: central\n",
				"service-lines: [library, culture_center]\n    parent: village-a1\n");

		assertThat(problems(yaml)).containsExactlyInAnyOrder(
				"line 12, site 'town-a': cycle: following parents from this site leads back to it (town-a → village-a1 → town-a)",
				"line 19, site 'village-a1': cycle: following parents from this site leads back to it (village-a1 → town-a → village-a1)");
	}

	@Test
	void aTownshipUnderAVillageIsAWrongParentKind() {
		String yaml = VALID + """
				  - id: town-b
				    kind: township_station
				    name: {zh: 乙镇, en: Yi Town}
				    service-lines: [library]
				    parent: village-a1
				    area-code: "330398102000"
				    location: {lat: 27.7, lon: 119.7}
				""";

		assertThat(problems(yaml)).singleElement()
			.asString()
			.startsWith("line 33, site 'town-b': a township_station cannot stand under a village_center ('village-a1')");
	}

	@Test
	void aVillageWithoutParentIsRefused() {
		String yaml = VALID.replace("    parent: town-a\n", "");

		assertThat(problems(yaml)).singleElement()
			.asString()
			.startsWith("line 19, site 'village-a1': a village_center needs a parent of level [BRANCH]");
	}

	@Test
	void missingCoordinatesAreRefused() {
		String yaml = VALID.replace("    location: {lat: 27.61, lon: 119.81}\n", "");

		assertThat(problems(yaml)).containsExactly("line 19, site 'village-a1': 'location' is missing (give lat and lon)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{lat: 127.61, lon: 119.81} | line 25, site 'village-a1': coordinates out of range: latitude 127.61 is out of range (-90 to 90)",
			"{lat: 27.61, lon: 219.81}  | line 25, site 'village-a1': coordinates out of range: longitude 219.81 is out of range (-180 to 180)",
			"{lat: 119.81, lon: 27.61}  | line 25, site 'village-a1': coordinates out of range: latitude 119.81 is out of range (-90 to 90)",
			"{lat: 47.61, lon: 9.81}    | line 25, site 'village-a1': coordinates 47.61,9.81 lie outside China (lat 3 to 54, lon 73 to 136): are lat and lon swapped?",
			"{lat: north, lon: 119.81}  | line 25, site 'village-a1': malformed 'lat': not a number: 'north'" })
	void outOfRangeCoordinatesAreRefused(String location, String problem) {
		String yaml = VALID.replace("{lat: 27.61, lon: 119.81}", location);

		assertThat(problems(yaml)).containsExactly(problem);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"\"33039810120\"   | line 24, site 'village-a1': malformed 'area-code': an area code has exactly 12 digits, got '33039810120'",
			"\"33039810120X\"  | line 24, site 'village-a1': malformed 'area-code': an area code has exactly 12 digits, got '33039810120X'",
			"\"000398101201\"  | line 24, site 'village-a1': malformed 'area-code': area code '000398101201' names no province",
			"\"330399101201\"  | line 19, site 'village-a1': area code 330399101201 is outside the federation's county 330398" })
	void malformedAreaCodeIsRefused(String code, String problem) {
		String yaml = VALID.replace("\"330398101201\"", code);

		assertThat(problems(yaml)).containsExactly(problem);
	}

	@Test
	void malformedFederationAreaCodeIsRefused() {
		String yaml = VALID.replace("\"330398000000\"", "\"3303980\"");

		assertThat(problems(yaml)).contains(
				"line 4: malformed 'area-code': an area code has exactly 12 digits, got '3303980'");
	}

	@Test
	void unknownKindAndServiceLineAreNamed() {
		String yaml = VALID.replace("kind: bookmobile", "kind: spaceship").replace("service-lines: [library]\n    parent: central\n    area-code: \"330398001000\"\n    location: {lat: 27.5, lon: 119.9}\n", "service-lines: [cinema]\n    parent: central\n    area-code: \"330398001000\"\n    location: {lat: 27.5, lon: 119.9}\n");

		assertThat(problems(yaml)).hasSize(2)
			.anySatisfy(p -> assertThat(p).startsWith("line 27, site 'mobile-1': malformed 'kind': unknown kind 'spaceship'"))
			.anySatisfy(p -> assertThat(p).isEqualTo("line 29, site 'mobile-1': unknown service line 'cinema'; one of library, culture_center"));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		String yaml = VALID.replace("parent: town-a", "parent: town-z").replace("id: mobile-1", "id: town-a");

		assertThatExceptionOfType(RegistryValidationException.class)
			.isThrownBy(() -> SiteRegistryReader.read(yaml, "county.yml"))
			.satisfies(ex -> {
				assertThat(ex.problems()).hasSize(2);
				assertThat(ex.getMessage()).startsWith("site registry county.yml refused, nothing loaded (2 problems)");
			});
	}

	@Test
	void brokenYamlNamesTheLine() {
		String yaml = VALID.replace("  - id: town-a", "  - id: [town-a");

		assertThat(problems(yaml)).singleElement().asString().startsWith("line 1");
	}

	/** Line 19 is town-a's connector (#15.7): paths stay in the data directory or the allow-list, sources are http(s). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			{kind: marc-file, folder: ../../etc}                          | 'folder' names /
			{kind: marc-file, folder: drop/../../outside}                 | 'folder' names /
			{kind: spreadsheet, folder: /srv/drop/town-a}                 | 'folder' names /srv/drop/town-a, outside the data directory and branchlink.site.allowed-paths
			{kind: none, calendar-url: ../secrets/feed.ics}               | 'calendar-url' names /
			{kind: none, calendar-url: "file:///etc/passwd"}              | 'calendar-url' must be an http or https URL, got 'file:///etc/passwd'
			{kind: none, calendar-url: "jar:file:/x.jar!/a.ics"}          | 'calendar-url' must be an http or https URL
			{kind: oai-pmh, base-url: "ftp://ils.example/oai"}            | 'base-url' must be an http or https URL
			{kind: oai-pmh, base-url: "file:/srv/oai"}                    | 'base-url' must be an http or https URL
			{kind: marc-file, folder: drop/a, circulation-folder: /tmp/x} | 'circulation-folder' names /tmp/x
			""")
	void connectorsPointingOutsideTheDataDirectoryOrNotToHttpAreRefused(String connector, String reason) {
		String yaml = VALID.replace("    location: {lat: 27.6, lon: 119.8}\n",
				"    location: {lat: 27.6, lon: 119.8}\n    connector: " + connector + "\n");

		assertThat(problems(yaml)).first().asString()
			.startsWith("line 19, site 'town-a': connector parameter ")
			.contains(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			{kind: marc-file, folder: drop/town-a, charset: GBK}
			{kind: none, calendar-url: feeds/town-a.ics}
			{kind: none, calendar-url: "https://calendar.example.cn/town-a.ics"}
			{kind: oai-pmh, base-url: "http://ils.example.internal/oai"}
			{kind: spreadsheet, folder: /srv/drop/town-a}
			""")
	void connectorsInsideTheDataDirectoryOrTheAllowListAndHttpSourcesAreAccepted(String connector) {
		String yaml = VALID.replace("    location: {lat: 27.6, lon: 119.8}\n",
				"    location: {lat: 27.6, lon: 119.8}\n    connector: " + connector + "\n");

		SiteRegistry registry = SiteRegistryReader.read(yaml, "test.yml",
				new ConnectorPaths(Path.of("data"), List.of(Path.of("/srv/drop"))));

		assertThat(registry.find("town-a").orElseThrow().connector().parameters()).isNotEmpty();
	}

	private static List<String> problems(String yaml) {
		try {
			SiteRegistryReader.read(yaml, "test.yml");
		}
		catch (RegistryValidationException ex) {
			return ex.problems().stream().map(RegistryProblem::toString).toList();
		}
		throw new AssertionError("the registry was accepted");
	}

}
