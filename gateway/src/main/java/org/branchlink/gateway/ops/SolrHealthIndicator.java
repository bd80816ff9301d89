package org.branchlink.gateway.ops;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.branchlink.catalog.CatalogProperties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Solr is up when the catalog collection answers a query; reports the mode and the number of documents. */
@Component("solr")
class SolrHealthIndicator extends AbstractHealthIndicator {

	private final SolrClient solr;

	private final CatalogProperties properties;

	SolrHealthIndicator(SolrClient solr, CatalogProperties properties) {
		super("Solr health check failed");
		this.solr = solr;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		QueryResponse response = solr.query(new SolrQuery("*:*").setRows(0));
		builder.up()
			.withDetail("mode", properties.solr().mode().name().toLowerCase())
			.withDetail("collection", properties.solr().collection())
			.withDetail("documents", response.getResults().getNumFound());
	}

}
