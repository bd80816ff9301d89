package org.branchlink.sync.connector.marcfile;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.site.SiteDirectory;
import org.awaitility.Awaitility;
import org.branchlink.sync.RouteTest;
import org.branchlink.sync.SyncFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;

/**
 * The sync routes' shared error handling, through the file-drop route of a site added for the test: a file whose ingest
 * meets Solr unreachable is retried and then ingested once, with no failure recorded; a file that fails whole is
 * recorded with its route, site and name.
 */
class FileDropFailureTests extends RouteTest {

	@Autowired
	CamelContext camel;

	@Autowired
	SyncFailures failures;

	@Autowired
	SiteDirectory directory;

	@Autowired
	CatalogSearch search;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void restoreRegistry() {
		directory.load(registryYaml(), REGISTRY, true);
	}

	/** Adds a reading room whose exports are dropped in its folder; its folder. */
	private Path dropSite(String site) throws Exception {
		directory.load(registryYaml() + """
				  - id: %s
				    kind: city_study_room
				    name: {zh: 投递测试书房%s, en: Drop Test Room %s}
				    service-lines: [library]
				    parent: central-library
				    area-code: "330398001000"
				    location: {lat: 27.55, lon: 120.05}
				    connector: {kind: marc-file, folder: drop/%s}
				""".formatted(site, site, site, site), "drop-test.yml", true);
		assertThat(camel.getRoute(MarcFileDropTemplate.ID + "." + site)).isNotNull();
		return Files.createDirectories(DATA_DIR.resolve("drop/" + site));
	}

	@Test
	void aFileMeetingSolrUnreachableIsRetriedAndOneThatFailsWholeIsRecorded() throws Exception {
		String site = "failure-room";
		Path folder = dropSite(site);
		AtomicInteger attempts = new AtomicInteger();
		// Solr is outside the application: the first attempt at retry-1.mrc meets it unreachable, as the catalogue reports
		// it. (A route made from a template keeps the template's node ids in its definition, where AdviceWith looks; the
		// site's prefix is given to the running processors only.)
		AdviceWith.adviceWith(camel, MarcFileDropTemplate.ID + "." + site,
				route -> route.weaveById("ingest").before().process(exchange -> {
					if ("retry-1.mrc".equals(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class))
							&& attempts.incrementAndGet() == 1) {
						throw new CatalogIndexException("indexing", new ConnectException("Connection refused"));
					}
				}));
		NotifyBuilder done = new NotifyBuilder(camel).fromRoute(MarcFileDropTemplate.ID + "." + site).whenDone(2).create();

		Files.write(folder.resolve("retry-1.mrc"),
				MarcFixtures.iso2709("UTF-8", cnmarc("retry-1", null, "佚名", "重试投递测试书", "2022", "RETRY-1")));
		Files.writeString(folder.resolve("inventory.csv"), "编号,备注\n1,无题名列\n", StandardCharsets.UTF_8);

		assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
		assertThat(attempts).as("attempts at retry-1.mrc").hasValue(2);
		assertThat(search.search(SearchRequest.of("重试投递测试书")).works()).extracting("title").containsExactly("重试投递测试书");
		assertThat(jdbc.sql("select count(*) from ingest_run where source = 'retry-1.mrc' and site_id = :site")
			.param("site", site)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select route_id || ' ' || source || ' ' || error from sync_failure where site_id = :site")
			.param("site", site)
			.query(String.class)
			.list()).as("only the file that failed whole is recorded")
			.singleElement()
			.asString()
			.startsWith(MarcFileDropTemplate.ID + "." + site + " inventory.csv IllegalArgumentException: ")
			.contains("title");
		// the staff's list of failures shows it, newest first
		assertThat(failures.latest(100)).filteredOn(f -> site.equals(f.siteId())).singleElement().satisfies(failure -> {
			assertThat(failure.routeId()).isEqualTo(MarcFileDropTemplate.ID + "." + site);
			assertThat(failure.source()).isEqualTo("inventory.csv");
			assertThat(failure.error()).startsWith("IllegalArgumentException: ");
		});
		// the file that failed is set aside in .failed/ for the site's staff, not filed as done; the retried one is done
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(folder.resolve(".failed/inventory.csv")));
		try (Stream<Path> filed = Files.walk(folder.resolve(".done"))) {
			assertThat(filed.map(path -> path.getFileName().toString())).contains("retry-1.mrc")
				.doesNotContain("inventory.csv");
		}
	}

}
