package org.branchlink.gateway.records;

import java.util.concurrent.Executor;

import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an upgrade whose configset asks for a reindex (a new analysis chain: the index's words no longer match the
 * queries'), the embedded index is rebuilt once the application is up, in the background; search answers from the old
 * index until the new one is swapped in. SolrCloud and standalone Solr are reindexed by their operators
 * ({@code POST /api/catalog/reindex}).
 */
@Component
class ConfigsetUpgrade {

	private static final Logger log = LoggerFactory.getLogger(ConfigsetUpgrade.class);

	private final SiteCatalogIngest catalog;

	private final Executor executor;

	ConfigsetUpgrade(SiteCatalogIngest catalog, @Qualifier("applicationTaskExecutor") Executor executor) {
		this.catalog = catalog;
		this.executor = executor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfTheConfigsetChanged() {
		executor.execute(() -> {
			try {
				catalog.reindexForConfigsetChange();
			}
			catch (RuntimeException ex) {
				log.error("The search index could not be rebuilt for the new configset; POST /api/catalog/reindex", ex);
			}
		});
	}

}
