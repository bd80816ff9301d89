package org.branchlink.catalog;

import java.util.Collection;

/**
 * Where an ingest run's stored works go in the index. A site's run ({@link IndexEachBatch}) indexes each batch's works
 * as it is stored and makes them searchable when the run ends; a {@link BulkLoad} only remembers them and indexes
 * every touched work once when the load finishes. The run itself (reading, batching, counting, quarantine) is the
 * same either way.
 */
sealed interface IngestTarget permits IndexEachBatch, BulkLoad {

	/** Whether each batch dates its works (OAI-PMH datestamps) as it is stored; a bulk load dates them at its end. */
	boolean datesEachBatch();

	/** A batch of the run is stored. */
	void stored(IngestRun run, BatchStore.Outcome batch);

	/** Records of these works are gone (a full source no longer had them). */
	void removed(Collection<String> works);

	/** The run ended (finished or failed): what it stored may become searchable. */
	void ended(IngestRun run, boolean failed);

}
