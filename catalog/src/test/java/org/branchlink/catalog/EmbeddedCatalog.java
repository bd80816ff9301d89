package org.branchlink.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.branchlink.catalog.index.SolrClientConfiguration;

/** The catalogue's embedded Solr with the real configset, in a test's own directory. */
public final class EmbeddedCatalog {

	private EmbeddedCatalog() {
	}

	/** An embedded Solr home under {@code home}, its collection created from the configset in git. */
	public static SolrClient open(Path home) throws Exception {
		return new SolrClientConfiguration().solrClient(new CatalogProperties(new CatalogProperties.Solr(home, List.of(),
				"", "", "catalog", "catalog", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30))));
	}

}
