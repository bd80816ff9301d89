package org.branchlink.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CoreAdminParams;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
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

	private static final int CHUNK = 2000;

	private final SolrClient solr;

	private final CatalogProperties properties;

	private final WorkStore store;

	private final JdbcClient jdbc;

	private final CatalogSites sites;

	private final EventCatalog events;

	CatalogReindex(SolrClient solr, CatalogProperties properties, WorkStore store, JdbcClient jdbc, CatalogSites sites,
			EventCatalog events) {
		this.solr = solr;
		this.events = events;
		this.properties = properties;
		this.store = store;
		this.jdbc = jdbc;
		this.sites = sites;
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
			java.nio.file.Path dir = properties.solr().home().resolve(building);
			org.branchlink.catalog.index.SolrClientConfiguration.copyConfigset(properties.solr().configset(),
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
		long started = System.nanoTime();
		if (!siteDocuments.isEmpty()) {
			UpdateRequest update = new UpdateRequest();
			update.add(siteDocuments.stream().map(CatalogSites::toSolr).toList());
			update.process(solr, target);
		}
		List<String> workIds = jdbc.sql("select distinct work_id from bib_record order by work_id").query(String.class).list();
		long done = 0;
		for (int from = 0; from < workIds.size(); from += CHUNK) {
			List<String> chunk = workIds.subList(from, Math.min(workIds.size(), from + CHUNK));
			Map<String, List<HeldRecord>> works = store.load(chunk);
			List<SolrInputDocument> docs = new ArrayList<>(works.size());
			Map<String, WorkStore.HoldingSite> sites = store.sites();
			works.forEach((id, records) -> docs.add(WorkDocuments.of(id, records, sites)));
			if (!docs.isEmpty()) {
				UpdateRequest update = new UpdateRequest();
				update.add(docs);
				update.process(solr, target);
			}
			done += docs.size();
			double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
			log.info("Reindex into {}: {} of {} works ({}/s)", target, done, workIds.size(), Math.round(done / seconds));
		}
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
