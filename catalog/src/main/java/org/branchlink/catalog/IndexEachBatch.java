package org.branchlink.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.index.WorkIndexer;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.record.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A site's run indexed as it goes: each stored batch re-indexes only the works it touched (new works built from the
 * batch, others rebuilt from the database), so one new record never forces a rebuild; the run's end commits.
 */
@Component
final class IndexEachBatch implements IngestTarget {

	private static final Logger log = LoggerFactory.getLogger(IndexEachBatch.class);

	private final WorkStore store;

	private final WorkIndexer indexer;

	IndexEachBatch(WorkStore store, WorkIndexer indexer) {
		this.store = store;
		this.indexer = indexer;
	}

	@Override
	public boolean datesEachBatch() {
		return true;
	}

	@Override
	public void stored(IngestRun run, BatchStore.Outcome batch) {
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		List<SolrInputDocument> fresh = new ArrayList<>(batch.fresh().size());
		// copies of new records may have circulated already (an item moved to a new record id)
		Map<String, ItemState> states = store.states(run.siteId(), batch.fresh().values().stream()
			.flatMap(List::stream).flatMap(r -> r.record().items().stream()).map(Item::barcode).toList());
		batch.fresh().forEach((work, records) -> fresh.addAll(WorkDocuments.documents(work, records.stream()
			.map(r -> new HeldRecord(r.record(), sites.getOrDefault(r.record().siteId(),
					WorkStore.HoldingSite.unknown(r.record().siteId())), states, r.sourceFormat()))
			.toList(), sites)));
		indexer.update(batch.existing(), fresh);
	}

	@Override
	public void removed(Collection<String> works) {
		indexer.update(works, List.of());
	}

	@Override
	public void ended(IngestRun run, boolean failed) {
		try {
			indexer.commit("run " + run.id());
		}
		catch (RuntimeException ex) {
			if (!failed) {
				throw ex;
			}
			// the run's own failure is what it reports; what it stored becomes searchable with the next commit
			log.warn("Ingest run {} failed and what it stored is not yet searchable: {}", run.id(), ex.getMessage());
		}
	}

}
