package org.branchlink.gateway.ops;

import org.branchlink.catalog.CatalogProperties;
import org.branchlink.catalog.CatalogSearch;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Solr is up when the catalog collection answers a query; reports the mode and the number of documents. */
@Component("solr")
class SolrHealthIndicator extends AbstractHealthIndicator {

	private final CatalogSearch search;

	private final CatalogProperties properties;

	SolrHealthIndicator(CatalogSearch search, CatalogProperties properties) {
		super("Solr health check failed");
		this.search = search;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long documents = search.countDocuments();
		builder.up()
			.withDetail("mode", properties.solr().mode().name().toLowerCase())
			.withDetail("collection", properties.solr().collection())
			.withDetail("documents", documents);
	}

}
