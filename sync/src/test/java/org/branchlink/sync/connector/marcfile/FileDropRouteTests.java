package org.branchlink.sync.connector.marcfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;

/** The file-drop connector, one Camel route per site made from the registry: a dropped file becomes searchable once. */
class FileDropRouteTests extends RouteTest {

	@Autowired
	CamelContext camel;

	@Autowired
	CatalogSearch search;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMarcFileSiteHasItsRouteNamedAfterIt() {
		assertThat(camel.getRoute("catalog-file.central-library")).isNotNull();
		assertThat(camel.getRoutes()).allSatisfy(route -> assertThat(route.getRouteId()).doesNotStartWith("route"));
	}

	@Test
	void aDroppedFileIsIngestedOnceMovedAndSearchable() throws Exception {
		Path folder = DATA_DIR.resolve("drop/central-library");
		Files.createDirectories(folder);
		byte[] file = MarcFixtures.iso2709("UTF-8", cnmarc("drop-1", null, "佚名", "投递文件测试书", "2021", "DROP-1"));
		NotifyBuilder done = new NotifyBuilder(camel).fromRoute("catalog-file.central-library").whenCompleted(1).create();

		Files.write(folder.resolve("export-1.mrc"), file);

		assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
		assertThat(search.search(SearchRequest.of("投递文件测试书")).works()).extracting("title").contains("投递文件测试书");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(folder.resolve("export-1.mrc")));
		try (var moved = Files.walk(folder.resolve(".done"))) {
			assertThat(moved.filter(p -> p.getFileName().toString().equals("export-1.mrc"))).hasSize(1);
		}
		assertThat(jdbc.sql("select count(*) from ingest_run where source = 'export-1.mrc' and site_id = 'central-library'")
			.query(Integer.class).single()).isEqualTo(1);
	}

}
