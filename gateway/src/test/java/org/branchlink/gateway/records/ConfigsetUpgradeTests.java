package org.branchlink.gateway.records;

import java.nio.file.Files;
import java.nio.file.Path;

import org.branchlink.catalog.CatalogReindex;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** After an upgrade that changed the configset, the embedded index is rebuilt once, and search keeps its works. */
class ConfigsetUpgradeTests extends IntegrationTest {

	@Autowired
	SiteCatalogIngest catalog;

	@Autowired
	CatalogSearch search;

	@Test
	void anIndexBuiltWithAnOlderConfigsetIsRebuiltOnce() throws Exception {
		long works = search.countWorks();
		Path marker = DATA_DIR.resolve("solr").resolve(CatalogReindex.CONFIGSET_CHANGED_MARKER);
		Files.writeString(marker, "5 -> 6\n");

		assertThat(catalog.reindexForConfigsetChange()).contains("5 -> 6");
		assertThat(marker).doesNotExist();
		assertThat(search.countWorks()).isEqualTo(works);
		assertThat(catalog.reindexForConfigsetChange()).as("once").isEmpty();
	}

}
