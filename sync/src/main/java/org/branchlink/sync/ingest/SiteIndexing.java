package org.branchlink.sync.ingest;

import java.util.List;

import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.SiteDocument;
import org.branchlink.catalog.CatalogSites;
import org.branchlink.site.ServiceLine;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the sites' search documents equal to the registry: after every load, and at start-up when the index lost
 * them (a new Solr, a restored database). A failure here is logged and never undoes a registry load.
 */
@Component
class SiteIndexing {

	private static final Logger log = LoggerFactory.getLogger(SiteIndexing.class);

	private final CatalogSites index;

	private final SiteDirectory directory;

	SiteIndexing(CatalogSites index, SiteDirectory directory) {
		this.index = index;
		this.directory = directory;
	}

	@EventListener
	void on(SiteRegistryLoaded loaded) {
		reindex(loaded.registry());
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		directory.current().ifPresent(registry -> {
			long indexed = index.count();
			if (indexed != registry.size() || index.stored() != registry.size()) {
				log.info("Search index holds {} of {} sites; reindexing them", indexed, registry.size());
				reindex(registry);
			}
		});
	}

	private void reindex(SiteRegistry registry) {
		try {
			index.replaceAll(documents(registry));
			log.info("Indexed {} sites", registry.size());
		}
		catch (CatalogIndexException ex) {
			log.error("Sites not indexed; search shows the previous sites until the next start or load", ex);
		}
	}

	/** The registry's sites as search documents. */
	static List<SiteDocument> documents(SiteRegistry registry) {
		return registry.sites()
			.stream()
			.map(site -> new SiteDocument(site.id(), site.kind().code(), site.name().zh(), site.name().en(),
					site.serviceLines().stream().map(ServiceLine::code).sorted().toList(),
					registry.townshipOf(site.id()).map(Site::id).orElse(null), site.areaCode().value(), site.address(),
					site.location().lat(), site.location().lon()))
			.toList();
	}

}
