package org.branchlink.gateway.oai;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.util.List;

import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.WorkRecords;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.branchlink.sync.connector.oaipmh.OaiPmhHarvester;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project's own OAI-PMH harvester, on a second BranchLink node with a catalogue of its own (its own PostgreSQL and
 * Solr), harvests this node's provider over HTTP: in full (every work), then incrementally from the newest datestamp
 * it saw (only the work pushed meanwhile), then the deletion of that work; a work that came in as CNMARC goes over as
 * UNIMARC and comes back with the same description and copies. A second catalogue, because harvesting into the
 * provider's own catalogue would change every harvested work and so list it again on the next harvest.
 */
class SelfHarvestTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteCatalogIngest ingest;

	@Test
	void theHarvesterTakesEveryWorkThenOnlyWhatChangedThenTheDeletion() throws Exception {
		String baseUrl = "http://127.0.0.1:" + port + "/oai";
		ingest.ingestFile("baishi", "self-harvest-unimarc.mrc", new ByteArrayInputStream(MarcFixtures.iso2709("UTF-8",
				MarcFixtures.cnmarc("bs-self-1", "978-7-5428-0618-5", "阿来", "自我收割统一格式测试书", "2012", "BS-SELF-1"))),
				"UTF-8", IngestMode.INCREMENTAL);
		try (ConfigurableApplicationContext node = harvestingNode()) {
			OaiPmhHarvester harvester = node.getBean(OaiPmhHarvester.class);
			JdbcClient mirror = node.getBean(JdbcClient.class);
			int works = jdbc.sql("select count(distinct work_id) from bib_record").query(Integer.class).single();

			IngestReport full = harvester.harvest("county", baseUrl, "marcxml", null);

			assertThat(full.added()).isEqualTo(works);
			assertThat(full.quarantined()).isZero();
			assertThat(mirror.sql("select count(*) from bib_record where site_id = 'county'").query(Integer.class).single())
				.isEqualTo(works);
			String work = jdbc.sql("select min(work_id) from bib_record").query(String.class).single();
			String title = jdbc.sql("select title from bib_record where work_id = :w order by site_id, record_id limit 1")
				.param("w", work).query(String.class).single();
			assertThat(mirror.sql("select title from bib_record where record_id = :id")
				.param("id", "oai:qingxi:work/" + work).query(String.class).single()).isEqualTo(title);
			assertThat(harvester.state("county", baseUrl, "marcxml").harvestedUntil()).matches("\\d{4}-.*Z");
			String unimarc = jdbc.sql("select work_id from bib_record where site_id = 'baishi' and record_id = 'bs-self-1'")
				.query(String.class).single();
			OaiResponse published = OaiResponse.of(mvc.perform(get("/oai").param("verb", "GetRecord")
				.param("metadataPrefix", "marcxml").param("identifier", OaiVerbTests.workId(unimarc)))
				.andReturn().getResponse().getContentAsByteArray());
			assertThat(published.count("//marc:datafield[@tag='200']")).isEqualTo(1);
			assertThat(published.count("//marc:datafield[@tag='245']")).isZero();
			assertThat(described(mirror, "county", OaiVerbTests.workId(unimarc)))
				.as("a work published as UNIMARC, read back by the mapper's UNIMARC branch")
				.isEqualTo(described(jdbc, "baishi", "bs-self-1"))
				.isEqualTo("自我收割统一格式测试书|{阿来}|{9787542806185}|重庆出版社|2012|chi|I247.55|"
						+ "BS-SELF-1 I247.55/123 中文图书");
			assertThat(mirror.sql("select source_format from bib_record where site_id = 'county' and record_id = :id")
				.param("id", OaiVerbTests.workId(unimarc)).query(String.class).single())
				.as("harvested UNIMARC keeps its flavour").isEqualTo("oai-unimarc");
			String mirrored = mirror.sql("select work_id from bib_record where site_id = 'county' and record_id = :id")
				.param("id", OaiVerbTests.workId(unimarc)).query(String.class).single();
			assertThat(node.getBean(WorkRecords.class).load(List.of(mirrored)).get(mirrored).flavour())
				.as("published by the mirror as UNIMARC again").isEqualTo(MarcFlavour.UNIMARC);

			push("[{\"id\": \"self-harvest-1\", \"title\": \"自我收割测试书\", \"isbns\": [\"978-7-100-01776-3\"],"
					+ " \"items\": [{\"barcode\": \"SELF-1\"}]}]");
			IngestReport incremental = harvester.harvest("county", baseUrl, "marcxml", null);

			assertThat(incremental.added()).isEqualTo(1);
			assertThat(incremental.read()).as("only what changed since the newest datestamp harvested").isLessThan(50);
			assertThat(mirror.sql("select count(*) from bib_record where site_id = 'county' and title = '自我收割测试书'")
				.query(Integer.class).single()).isEqualTo(1);

			push("[{\"id\": \"self-harvest-1\", \"deleted\": true}]");
			IngestReport deletion = harvester.harvest("county", baseUrl, "marcxml", null);

			assertThat(deletion.deleted()).isEqualTo(1);
			assertThat(mirror.sql("select count(*) from bib_record where site_id = 'county' and title = '自我收割测试书'")
				.query(Integer.class).single()).isZero();
		}
	}

	/** A record's normalized description and copies, as one line to compare between the two catalogues. */
	private static String described(JdbcClient catalogue, String site, String recordId) {
		return catalogue.sql("""
				select r.title || '|' || r.authors::text || '|' || r.isbns::text || '|' || r.publisher || '|' || r.year
				       || '|' || r.language || '|' || r.classification || '|'
				       || string_agg(i.barcode || ' ' || i.call_number || ' ' || i.location, ';' order by i.barcode)
				from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where r.site_id = :site and r.record_id = :id
				group by r.title, r.authors, r.isbns, r.publisher, r.year, r.language, r.classification""")
			.param("site", site).param("id", recordId).query(String.class).single();
	}

	private void push(String json) throws Exception {
		mvc.perform(post("/api/sites/central-library/records").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
	}

	/** A node with its own data directory (its own PostgreSQL and Solr), Quartz scheduler and Hazelcast cluster. */
	private static ConfigurableApplicationContext harvestingNode() throws Exception {
		int hazelcast;
		try (ServerSocket socket = new ServerSocket(0)) {
			hazelcast = socket.getLocalPort();
		}
		return new SpringApplicationBuilder(BranchLinkApplication.class).run("--server.port=0",
				"--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(), "--spring.main.banner-mode=off",
				"--spring.quartz.scheduler-name=branchlink-harvester", "--branchlink.gateway.cluster.name=oai-harvester",
				"--branchlink.gateway.cluster.port=" + hazelcast);
	}

}
