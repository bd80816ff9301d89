package org.branchlink.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module arrows run gateway → sync → catalog (and gateway → catalog), and every module may use site, at the
 * bottom; never back.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.branchlink");

	@Test
	void siteImportsNothingFromAnotherModule() {
		noClasses().that().resideInAPackage("org.branchlink.site..")
			.should().dependOnClassesThat().resideInAnyPackage("org.branchlink.catalog..", "org.branchlink.sync..",
					"org.branchlink.gateway..")
			.check(MAIN);
	}

	@Test
	void catalogImportsNothingFromSyncOrGateway() {
		noClasses().that().resideInAPackage("org.branchlink.catalog..")
			.should().dependOnClassesThat().resideInAnyPackage("org.branchlink.sync..", "org.branchlink.gateway..")
			.check(MAIN);
	}

	@Test
	void syncImportsNothingFromGateway() {
		noClasses().that().resideInAPackage("org.branchlink.sync..")
			.should().dependOnClassesThat().resideInAPackage("org.branchlink.gateway..")
			.check(MAIN);
	}

	/**
	 * Only a module's API packages are used from outside it: the catalogue's root, {@code event}, {@code record},
	 * {@code marc} and {@code cql}, never its ingest, index or spreadsheet insides; the sync module's root,
	 * {@code circulation}, {@code ingest}, {@code calendar} and {@code outbound}, never its routes or connectors.
	 */
	@Test
	void noModuleReachesIntoAnothersInsides() {
		noClasses().that().resideOutsideOfPackage("org.branchlink.catalog..")
			.should().dependOnClassesThat().resideInAnyPackage("org.branchlink.catalog.ingest..",
					"org.branchlink.catalog.index..", "org.branchlink.catalog.spreadsheet..")
			.check(MAIN);
		noClasses().that().resideOutsideOfPackage("org.branchlink.sync..")
			.should().dependOnClassesThat().resideInAnyPackage("org.branchlink.sync.route..",
					"org.branchlink.sync.connector..")
			.check(MAIN);
	}

	@Test
	void theIndexBelongsToTheCatalogue() {
		// Solr is the catalogue's: other modules search through its API (CatalogSearch, CqlSearch, WorkRecords)
		noClasses().that().resideInAnyPackage("org.branchlink.gateway..", "org.branchlink.sync..", "org.branchlink.site..")
			.should().dependOnClassesThat().resideInAPackage("org.apache.solr..")
			.check(MAIN);
	}

	@Test
	void siteDomainTypesImportNoFramework() {
		noClasses().that().resideInAPackage("org.branchlink.site")
			.and().haveSimpleNameNotEndingWith("Store")
			.and().haveSimpleNameNotEndingWith("Directory")
			.and().haveSimpleNameNotEndingWith("Loader")
			.and().areNotAnnotatedWith(ConfigurationProperties.class)
			.and().areNotAnnotatedWith(Configuration.class)
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
					"org.apache.solr..")
			.check(MAIN);
	}

	@Test
	void planningCalendarSamplingAndEventDomainImportNoFramework() {
		noClasses().that().haveFullyQualifiedName("org.branchlink.gateway.calendar.WorkingCalendar")
			.or().haveFullyQualifiedName("org.branchlink.gateway.survey.StratifiedSample")
			.or().haveFullyQualifiedName("org.branchlink.catalog.event.CulturalEvent")
			.or().haveNameMatching("org\\.branchlink\\.gateway\\.schedule\\.(MobileUnit|ServiceStop|MobilePlan|MobilePlanner"
					+ "|MobileFleet|TourBuilder|LowerBound|TravelMatrix|DayRoute|RuinAndRecreate|HandMove)(\\$.*)?")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
					"org.apache.solr..", "org.quartz..")
			.check(MAIN);
	}

	@Test
	void theSip2CodecImportsNoFramework() {
		noClasses().that().haveNameMatching("org\\.branchlink\\.gateway\\.sip2\\.Sip2(Codec|Message|Date|Request)(\\$.*)?")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
					"org.apache.solr..", "org.branchlink.gateway.circulation..")
			.check(MAIN);
	}

	@Test
	void everyModuleHasClassesToCheck() {
		Assertions.assertThat(MAIN.containPackage("org.branchlink.site")).isTrue();
		Assertions.assertThat(MAIN.containPackage("org.branchlink.catalog")).isTrue();
		Assertions.assertThat(MAIN.containPackage("org.branchlink.sync")).isTrue();
		Assertions.assertThat(MAIN.containPackage("org.branchlink.gateway")).isTrue();
	}

}
