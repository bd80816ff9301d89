package org.branchlink.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CoreAdminParams;
import org.branchlink.catalog.index.SolrClientConfiguration;
import org.branchlink.catalog.index.WorkIndexer;
import org.branchlink.catalog.event.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the whole search index from PostgreSQL without taking search down: on SolrCloud a new versioned
 * collection ({@code catalog_v2}, {@code catalog_v3}…) is filled and the alias switched to it, then the old one
 * dropped; on an embedded or standalone Solr a new core is filled and swapped in. Searches keep answering from the
 * old index until the switch. Needed after a configset change that asks for a reindex (see its CHANGELOG).
 */
@Component
public class CatalogReindex {

	private static final Logger log = LoggerFactory.getLogger(CatalogReindex.class);

	private final SolrClient solr;

	private final CatalogProperties properties;

	private final WorkIndexer indexer;

	private final JdbcClient jdbc;

	private final CatalogSites sites;

	private final EventCatalog events;

	CatalogReindex(SolrClient solr, CatalogProperties properties, WorkIndexer indexer, JdbcClient jdbc, CatalogSites sites,
			EventCatalog events) {
		this.solr = solr;
		this.events = events;
		this.properties = properties;
		this.indexer = indexer;
		this.jdbc = jdbc;
		this.sites = sites;
	}

	/**
	 * The file in the embedded Solr home that says the index was built with an older configset version (written at
	 * start by the embedded Solr when the configset it copies states another {@code CONFIGSET_VERSION}).
	 */
	public static final String CONFIGSET_CHANGED_MARKER = "reindex-needed";

	/**
	 * The configset change the embedded index has not been rebuilt for ({@code "5 -> 6"}); empty when the index matches
	 * its configset, and always for SolrCloud and standalone Solr (their operators reindex, see the CHANGELOG).
	 */
	public Optional<String> pendingConfigsetChange() {
		Path marker = properties.solr().home().resolve(CONFIGSET_CHANGED_MARKER);
		try {
			return properties.solr().mode() == CatalogProperties.Mode.EMBEDDED && Files.exists(marker)
					? Optional.of(Files.readString(marker).strip()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Rebuilds the index for a pending configset change and clears it; nothing when none is pending. */
	public synchronized Optional<String> rebuildForConfigsetChange(List<SiteDocument> siteDocuments) {
		Optional<String> change = pendingConfigsetChange();
		if (change.isPresent()) {
			log.info("Rebuilding the search index for configset change {}", change.get());
			long works = rebuild(siteDocuments);
			try {
				Files.deleteIfExists(properties.solr().home().resolve(CONFIGSET_CHANGED_MARKER));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			log.info("Search index rebuilt for configset change {}: {} works", change.get(), works);
		}
		return change;
	}

	/**
	 * @param siteDocuments the sites' search documents to put in the new index
	 * @return the number of works indexed
	 */
	public synchronized long rebuild(List<SiteDocument> siteDocuments) {
		try {
			return switch (properties.solr().mode()) {
				case CLOUD -> rebuildCollection(siteDocuments);
				case EMBEDDED, STANDALONE -> rebuildCore(siteDocuments);
			};
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("reindex failed; search still answers from the old index", ex);
		}
	}

	private long rebuildCollection(List<SiteDocument> siteDocuments) throws SolrServerException, IOException {
		String alias = properties.solr().collection();
		Map<String, String> aliases = new CollectionAdminRequest.ListAliases().process(solr).getAliases();
		String current = aliases.get(alias);
		int version = current == null ? 1 : Integer.parseInt(current.substring(current.lastIndexOf("_v") + 2));
		String next = alias + "_v" + (version + 1);
		CollectionAdminRequest.createCollection(next, properties.solr().configset(), properties.solr().shards(),
				properties.solr().replicas()).process(solr);
		long works = fill(next, siteDocuments);
		CollectionAdminRequest.createAlias(alias, next).process(solr);
		log.info("Reindex: alias {} now points at {} ({} works); dropping {}", alias, next, works, current);
		if (current != null) {
			CollectionAdminRequest.deleteCollection(current).process(solr);
		}
		return works;
	}

	private long rebuildCore(List<SiteDocument> siteDocuments) throws SolrServerException, IOException {
		String core = properties.solr().collection();
		String building = core + "_" + System.currentTimeMillis();
		if (properties.solr().mode() == CatalogProperties.Mode.EMBEDDED) {
			Path dir = properties.solr().home().resolve(building);
			SolrClientConfiguration.copyConfigset(properties.solr().configset(),
					dir.resolve("conf"));
			Files.createDirectories(dir);
		}
		CoreAdminRequest.Create create = new CoreAdminRequest.Create();
		create.setCoreName(building);
		create.setInstanceDir(building);
		if (properties.solr().mode() == CatalogProperties.Mode.STANDALONE) {
			create.setConfigSet(properties.solr().configset());
		}
		create.process(solr);
		long works = fill(building, siteDocuments);
		CoreAdminRequest swap = new CoreAdminRequest();
		swap.setAction(CoreAdminParams.CoreAdminAction.SWAP);
		swap.setCoreName(core);
		swap.setOtherCoreName(building);
		swap.process(solr);
		CoreAdminRequest.unloadCore(building, true, true, solr);
		log.info("Reindex: core {} swapped with a new index of {} works", core, works);
		return works;
	}

	/** Fills a collection or core from the database; returns the number of works. */
	private long fill(String target, List<SiteDocument> siteDocuments) throws SolrServerException, IOException {
		if (!siteDocuments.isEmpty()) {
			UpdateRequest update = new UpdateRequest();
			update.add(siteDocuments.stream().map(CatalogSites::toSolr).toList());
			update.process(solr, target);
		}
		List<String> workIds = jdbc.sql("select distinct work_id from bib_record order by work_id").query(String.class).list();
		long done = indexer.index(workIds, target, "Reindex into " + target);
		List<SolrInputDocument> events = this.events.documents();
		if (!events.isEmpty()) {
			UpdateRequest update = new UpdateRequest();
			update.add(events);
			update.process(solr, target);
			log.info("Reindex into {}: {} events", target, events.size());
		}
		new UpdateRequest().commit(solr, target);
		return done;
	}

}
