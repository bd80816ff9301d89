package org.branchlink.catalog.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.CoreAdminParams;
import org.branchlink.catalog.CatalogProperties;
import org.branchlink.catalog.CatalogReindex;
import org.branchlink.catalog.SiteDocument;
import org.branchlink.catalog.CatalogSites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same catalog code on an embedded Solr and on a 2-node SolrCloud cluster, where the collection sits behind an
 * alias, with the repository's configset.
 */
class SolrModesTests {

	private static MiniSolrCloudCluster cluster;

	private static final List<SiteDocument> SITES = List.of(
			new SiteDocument("central-library", "central_library", "青溪县图书馆", "Qingxi County Library",
					List.of("library"), null, "330398001000", "文化路18号", 27.55, 120.05),
			new SiteDocument("baishi", "township_station", "白石鎮綜合文化站", "Baishi Town Culture Station",
					List.of("library", "culture_center"), "baishi", "330398101000", "", 27.57, 120.17));

	@BeforeAll
	static void startCluster(@TempDir Path base) throws Exception {
		cluster = new MiniSolrCloudCluster.Builder(2, base.resolve("cloud")).build();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (cluster != null) {
			cluster.shutdown();
		}
	}

	@Test
	void cloudModeUploadsTheConfigsetAndSearchesThroughTheAliasAlsoOverPlainHttp() throws Exception {
		String zk = cluster.getZkServer().getZkHost();
		var properties = new CatalogProperties(new CatalogProperties.Solr(Path.of("unused"), List.of(zk), "/solr", "",
				"catalog", "catalog", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(properties.solr().mode()).isEqualTo(CatalogProperties.Mode.CLOUD);

		try (SolrClient client = new SolrClientConfiguration().solrClient(properties)) {
			Map<String, String> aliases = new CollectionAdminRequest.ListAliases().process(client).getAliases();
			assertThat(aliases).containsEntry("catalog", "catalog_v1");
			DocCollection collection = cluster.getSolrClient().getClusterState().getCollection("catalog_v1");
			assertThat(collection.getSlices()).hasSize(2);

			searchSites(client);
		}
		try (SolrClient again = new SolrClientConfiguration().solrClient(properties)) {
			assertThat(again.query(new SolrQuery("*:*")).getResults().getNumFound()).isEqualTo(2);
		}

		String baseUrl = cluster.getJettySolrRunner(0).getBaseUrl().toString();
		var standalone = new CatalogProperties(new CatalogProperties.Solr(Path.of("unused"), List.of(), "", baseUrl,
				"catalog", "catalog", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(standalone.solr().mode()).isEqualTo(CatalogProperties.Mode.STANDALONE);
		try (SolrClient overHttp = new SolrClientConfiguration().solrClient(standalone)) {
			assertThat(new CatalogSites(overHttp, null, null).count()).isEqualTo(2);
		}
	}

	@Test
	void embeddedModeKeepsItsIndexInTheHome(@TempDir Path home) throws Exception {
		var properties = new CatalogProperties(new CatalogProperties.Solr(home, List.of(), "", "", "catalog",
				"catalog", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
		assertThat(properties.solr().mode()).isEqualTo(CatalogProperties.Mode.EMBEDDED);

		try (SolrClient client = new SolrClientConfiguration().solrClient(properties)) {
			searchSites(client);
		}
		assertThat(Files.exists(home.resolve("catalog/conf/schema.xml"))).isTrue();
		try (SolrClient reopened = new SolrClientConfiguration().solrClient(properties)) {
			assertThat(reopened.query(new SolrQuery("name:图书馆")).getResults().getNumFound()).isEqualTo(1);
		}
	}

	@Test
	void anEmbeddedIndexSwappedInByAReindexOpensAgainAndAConfigsetChangeAsksForAReindex(@TempDir Path home)
			throws Exception {
		var properties = new CatalogProperties(new CatalogProperties.Solr(home, List.of(), "", "", "catalog",
				"catalog", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
		try (SolrClient client = new SolrClientConfiguration().solrClient(properties)) {
			// what CatalogReindex does on an embedded Solr: a new core beside, filled, swapped in, the old one removed
			SolrClientConfiguration.copyConfigset("catalog", home.resolve("catalog_1/conf"));
			CoreAdminRequest.Create create = new CoreAdminRequest.Create();
			create.setCoreName("catalog_1");
			create.setInstanceDir("catalog_1");
			create.process(client);
			CoreAdminRequest swap = new CoreAdminRequest();
			swap.setAction(CoreAdminParams.CoreAdminAction.SWAP);
			swap.setCoreName("catalog");
			swap.setOtherCoreName("catalog_1");
			swap.process(client);
			new CatalogSites(client, null, null).index(SITES); // into "catalog": the new core, in folder catalog_1
			CoreAdminRequest.unloadCore("catalog_1", true, true, client);
		}
		assertThat(Files.exists(home.resolve("catalog"))).as("the old core's folder is gone").isFalse();
		try (SolrClient reopened = new SolrClientConfiguration().solrClient(properties)) {
			assertThat(reopened.query(new SolrQuery("name:图书馆")).getResults().getNumFound()).isEqualTo(1);
		}
		assertThat(Files.exists(home.resolve(CatalogReindex.CONFIGSET_CHANGED_MARKER))).isFalse();

		// the index was built with an older configset: the start says so, for the reindex on start
		Path solrconfig = home.resolve("catalog_1/conf/solrconfig.xml");
		Files.writeString(solrconfig, Files.readString(solrconfig).replaceFirst("CONFIGSET_VERSION \\d+",
				"CONFIGSET_VERSION 1"));
		try (SolrClient reopened = new SolrClientConfiguration().solrClient(properties)) {
			assertThat(reopened.query(new SolrQuery("name:图书馆")).getResults().getNumFound()).isEqualTo(1);
		}
		assertThat(Files.readString(home.resolve(CatalogReindex.CONFIGSET_CHANGED_MARKER))).startsWith("1 -> ");
	}

	private static void searchSites(SolrClient client) throws Exception {
		CatalogSites index = new CatalogSites(client, null, null);
		index.index(SITES);
		assertThat(index.count()).isEqualTo(2);
		// traditional characters in the index fold to simplified in the query, and the reverse
		assertThat(client.query(new SolrQuery("name:白石镇")).getResults()).hasSize(1);
		assertThat(client.query(new SolrQuery("name:圖書館")).getResults()).hasSize(1);
		assertThat(client.query(new SolrQuery("name_en:stations")).getResults()).hasSize(1);
		var near = client.query(new SolrQuery("*:*").addFilterQuery("{!geofilt sfield=location pt=27.56,120.06 d=5}"));
		assertThat(near.getResults()).hasSize(1);
		assertThat(near.getResults().get(0).getFieldValue("site_id")).isEqualTo("central-library");
	}

}
