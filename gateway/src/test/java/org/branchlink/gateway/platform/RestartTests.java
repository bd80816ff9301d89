package org.branchlink.gateway.platform;

import java.nio.file.Path;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistryReader;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The data directory keeps everything: a second start without the demo profile finds the first start's data. */
class RestartTests {

	/** The demo county's sites, as its registry file lists them. */
	private static final int DEMO_SITES = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo-county.yml").size();

	@Test
	void registryAccountsAndSearchIndexSurviveARestart() throws Exception {
		Path data = IntegrationTest.freshDataDir();

		try (ConfigurableApplicationContext first = start(data, "demo")) {
			assertThat(first.getBean(SiteDirectory.class).require().size()).isEqualTo(DEMO_SITES);
			SolrClient solr = first.getBean(SolrClient.class);
			SolrInputDocument marker = new SolrInputDocument();
			marker.setField("id", "restart-marker");
			marker.setField("doc_type", "restart-marker");
			marker.setField("name", "重启标记");
			solr.add(marker);
			solr.commit();
		}

		try (ConfigurableApplicationContext second = start(data)) {
			assertThat(second.getBean(SiteDirectory.class).require().size()).isEqualTo(DEMO_SITES);
			assertThat(second.getBean(AccountStore.class).loadUserByUsername("librarian").getUsername())
				.isEqualTo("librarian");
			SolrClient solr = second.getBean(SolrClient.class);
			assertThat(solr.getById("restart-marker").getFieldValue("name")).isEqualTo("重启标记");
			assertThat(solr.query(new SolrQuery("name:重启标记")).getResults().getNumFound()).isEqualTo(1);
			assertThat(solr.query(new SolrQuery("doc_type:site")).getResults().getNumFound()).isEqualTo(DEMO_SITES);
		}
	}

	private static ConfigurableApplicationContext start(Path data, String... profiles) {
		return new SpringApplicationBuilder(BranchLinkApplication.class).profiles(profiles)
			.run("--server.port=0", "--branchlink.sip2.port=0", "--branchlink.gateway.data-dir=" + data,
					"--branchlink.demo.catalogue-records=300", "--branchlink.demo.activity-days=0");
	}

}
