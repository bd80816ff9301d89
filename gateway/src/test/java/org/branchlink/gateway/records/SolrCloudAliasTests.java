package org.branchlink.gateway.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a 2-node SolrCloud cluster: the catalogue lives in a 2-shard collection behind the alias
 * {@code catalog}; a full reindex fills {@code catalog_v2} and switches the alias while searches keep succeeding.
 */
@SpringBootTest
@ActiveProfiles("demo")
class SolrCloudAliasTests {

	private static final MiniSolrCloudCluster CLUSTER = startCluster();

	@DynamicPropertySource
	static void cloud(DynamicPropertyRegistry registry) {
		registry.add("branchlink.gateway.data-dir", () -> IntegrationTest.freshDataDir().toString());
		registry.add("branchlink.demo.catalogue-records", () -> "1000");
		registry.add("branchlink.demo.activity-days", () -> "0");
		registry.add("branchlink.catalog.solr.zk-hosts", () -> CLUSTER.getZkServer().getZkHost());
		registry.add("branchlink.catalog.solr.zk-chroot", () -> "/solr");
		registry.add("branchlink.catalog.solr.shards", () -> "2");
	}

	@AfterAll
	static void stopCluster() throws Exception {
		CLUSTER.shutdown();
	}

	@Autowired
	SiteCatalogIngest ingest;

	@Autowired
	CatalogSearch search;

	@Test
	void aReindexSwitchesTheAliasWhileSearchesKeepSucceeding() throws Exception {
		var client = CLUSTER.getSolrClient();
		assertThat(new CollectionAdminRequest.ListAliases().process(client).getAliases()).containsEntry("catalog", "catalog_v1");
		assertThat(client.getClusterState().getCollection("catalog_v1").getSlices()).hasSize(2);
		long works = search.countWorks();
		assertThat(works).isPositive();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Thread reader = new Thread(() -> {
			while (running.get()) {
				try {
					if (search.search(SearchRequest.of("历史")).total() > 0) {
						ok.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				}
				catch (RuntimeException ex) {
					failed.incrementAndGet();
				}
			}
		});
		reader.start();
		try {
			assertThat(ingest.reindexAll()).isEqualTo(works);
		}
		finally {
			running.set(false);
			reader.join();
		}

		assertThat(failed.get()).isZero();
		assertThat(ok.get()).isPositive();
		assertThat(new CollectionAdminRequest.ListAliases().process(client).getAliases()).containsEntry("catalog", "catalog_v2");
		assertThat(CollectionAdminRequest.listCollections(client)).contains("catalog_v2").doesNotContain("catalog_v1");
		assertThat(search.countWorks()).isEqualTo(works);
	}

	private static MiniSolrCloudCluster startCluster() {
		try {
			Path base = Files.createTempDirectory(IntegrationTest.freshDataDir(), "cloud");
			return new MiniSolrCloudCluster.Builder(2, base).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not start the SolrCloud test cluster", ex);
		}
	}

}
