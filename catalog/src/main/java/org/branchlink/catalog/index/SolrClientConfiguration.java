package org.branchlink.catalog.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.branchlink.catalog.CatalogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SolrClient} of the application, in the mode {@link CatalogProperties.Solr#mode()} picks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class SolrClientConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SolrClientConfiguration.class);

	/** Copies the configset carried in the jar into a core's {@code conf} folder. */
	public static int copyConfigset(String configset, Path target) throws IOException {
		return EmbeddedSolr.copyConfigset(configset, target);
	}

	/** SolrJ's HTTP client with this deployment's timeouts (SolrJ's defaults would let a dead node stall a search). */
	private static Http2SolrClient.Builder http(CatalogProperties.Solr solr) {
		Http2SolrClient.Builder builder = solr.url().isBlank() ? new Http2SolrClient.Builder()
				: new Http2SolrClient.Builder(solr.url());
		return builder
			.withConnectionTimeout(solr.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.withIdleTimeout(solr.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Bean(destroyMethod = "close")
	public SolrClient solrClient(CatalogProperties properties) throws Exception {
		CatalogProperties.Solr solr = properties.solr();
		return switch (solr.mode()) {
			case EMBEDDED -> EmbeddedSolr.start(solr.home(), solr.collection(), solr.configset());
			case STANDALONE -> {
				log.info("Using standalone Solr at {} (core or alias {})", solr.url(), solr.collection());
				yield http(solr).withDefaultCollection(solr.collection()).build();
			}
			case CLOUD -> {
				CloudSolrClient cloud = new CloudSolrClient.Builder(solr.zkHosts(),
						Optional.ofNullable(solr.zkChroot().isBlank() ? null : solr.zkChroot()))
					.withDefaultCollection(solr.collection())
					.withInternalClientBuilder(http(solr))
					.build();
				log.info("Using SolrCloud via ZooKeeper {}{} (alias {})", solr.zkHosts(), solr.zkChroot(),
						solr.collection());
				SolrCloudCollections.ensureAlias(cloud, solr.collection(), solr.configset(), solr.shards(),
						solr.replicas());
				yield cloud;
			}
		};
	}

}
