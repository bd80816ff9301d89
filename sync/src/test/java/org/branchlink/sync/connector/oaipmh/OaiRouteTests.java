package org.branchlink.sync.connector.oaipmh;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site with an OAI-PMH connector gets its harvest route and its Quartz schedule from the registry, and loses both with
 * it. (Quartz runs in memory here; its clustered store is tested in the gateway, {@code QuartzClusterTests}.)
 */
class OaiRouteTests extends RouteTest {

	@Autowired
	SiteDirectory directory;

	@Autowired
	CamelContext camel;

	@Autowired
	Scheduler scheduler;

	@Autowired
	CatalogSearch search;

	@Test
	void theRegistryGivesTheRouteAndTheScheduleAndAFiringHarvests() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] page = ("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
				+ "<identifier>oai:r:1</identifier><datestamp>2026-04-01</datestamp></header><metadata>"
				+ "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
				+ "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">定时采集测试书</subfield></datafield>"
				+ "</record></metadata></record></ListRecords></OAI-PMH>").getBytes(StandardCharsets.UTF_8);
		server.createContext("/oai", exchange -> {
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
		String registry = registryYaml() + """
				  - id: oai-room
				    kind: city_study_room
				    name: {zh: 采集测试书房, en: Harvest Test Room}
				    service-lines: [library]
				    parent: central-library
				    area-code: "330398001000"
				    location: {lat: 27.55, lon: 120.05}
				    connector: {kind: oai-pmh, base-url: "http://127.0.0.1:%d/oai", metadata-prefix: marcxml, schedule: "0 0 3 * * ?"}
				""".formatted(server.getAddress().getPort());
		try {
			directory.load(registry, "oai-test.yml", true);

			assertThat(camel.getRoute("catalog-oai.oai-room")).isNotNull();
			TriggerKey trigger = TriggerKey.triggerKey("catalog-oai.oai-room", "catalog-oai");
			assertThat(scheduler.getTrigger(trigger)).isNotNull();
			assertThat(((CronTrigger) scheduler.getTrigger(trigger)).getCronExpression()).isEqualTo("0 0 3 * * ?");

			NotifyBuilder harvested = new NotifyBuilder(camel).fromRoute("catalog-oai.oai-room").whenCompleted(1).create();
			scheduler.triggerJob(JobKey.jobKey("catalog-oai.oai-room", "catalog-oai"));

			assertThat(harvested.matches(60, TimeUnit.SECONDS)).isTrue();
			assertThat(search.search(SearchRequest.of("定时采集测试书")).works()).extracting("title").contains("定时采集测试书");
		}
		finally {
			directory.load(registryYaml(), REGISTRY, true);
			server.stop(0);
		}
		assertThat(camel.getRoute("catalog-oai.oai-room")).isNull();
		assertThat(scheduler.checkExists(JobKey.jobKey("catalog-oai.oai-room", "catalog-oai"))).isFalse();
	}

}
