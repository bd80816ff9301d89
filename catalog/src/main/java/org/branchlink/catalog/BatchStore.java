package org.branchlink.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.ingest.StoredRecord;
import org.branchlink.catalog.ingest.WorkMerging;
import org.branchlink.catalog.ingest.WorkMerging.Merged;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.Existing;
import org.branchlink.catalog.ingest.WorkStore.Placed;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one batch of a site's records in PostgreSQL: merges the changed ones into works, saves them, touches the
 * unchanged ones, applies deletions, and says what it did ({@link Outcome}) — it indexes nothing; what the works it
 * touched become in the index is the run's target's business ({@link IngestTarget}).
 * <p>
 * Two transactions: the works first (one batch at a time in the whole catalogue), then the records (one batch at a
 * time per site), so sites store side by side. A crash between leaves works without records, which the next record
 * with one of their keys joins. Records unchanged at a first look are not merged again (a nightly full export is
 * mostly those).
 */
@Component
class BatchStore {

	private final WorkStore store;

	private final WorkMerging merging;

	private final TransactionTemplate transactions;

	BatchStore(WorkStore store, WorkMerging merging, TransactionTemplate transactions) {
		this.store = store;
		this.merging = merging;
		this.transactions = transactions;
	}

	/**
	 * What a batch did.
	 *
	 * @param added records new to the site
	 * @param updated records changed (a record sent twice in the batch, or sent and deleted, counts here too)
	 * @param unchanged records as they were
	 * @param deleted records deleted
	 * @param existing works touched that were there before (to rebuild from the database)
	 * @param fresh works made by this batch, with their records (to build from the batch)
	 */
	record Outcome(int added, int updated, int unchanged, int deleted, Set<String> existing,
			Map<String, List<StoredRecord>> fresh) {

		/** Every work the batch touched. */
		Set<String> touched() {
			Set<String> works = new HashSet<>(existing);
			works.addAll(fresh.keySet());
			return works;
		}

	}

	/**
	 * Stores a batch of a site's run.
	 *
	 * @param dateWorks whether the touched works get their change date (OAI-PMH datestamp) now; a bulk load dates
	 *        its works once at its end (two sites' batches sharing works would otherwise wait for each other's row
	 *        locks on those works)
	 */
	Outcome store(String siteId, long runId, List<StoredRecord> batch, Set<String> deletions, boolean dateWorks) {
		int repeated = 0;
		Map<String, StoredRecord> byId = new LinkedHashMap<>();
		for (StoredRecord stored : batch) {
			if (byId.put(stored.record().recordId(), stored) != null) {
				repeated++; // the same record id again in this source: the later copy replaces the earlier
			}
		}
		for (String deletion : deletions) {
			if (byId.remove(deletion) != null) {
				repeated++; // sent and deleted in the same batch: the deletion wins
			}
		}
		long writes = store.siteWrites(siteId); // before the look: a write after it shows in the count
		Map<String, Existing> firstLook = store.existing(siteId, byId.keySet());
		List<StoredRecord> changed = byId.values().stream().filter(r -> !unchanged(firstLook, r)).toList();
		Merged merged = changed.isEmpty() ? Merged.NONE : transactions.execute(status -> merging.merge(changed));
		Outcome outcome = transactions
			.execute(status -> save(siteId, runId, byId, deletions, merged, writes, firstLook, dateWorks));
		return new Outcome(outcome.added(), outcome.updated() + repeated, outcome.unchanged(), outcome.deleted(),
				outcome.existing(), outcome.fresh());
	}

	/**
	 * After a full source: removes the site's records the run did not see.
	 *
	 * @return the works of the records removed
	 */
	List<String> removeNotSeen(String siteId, long runId, boolean dateWorks) {
		return transactions.execute(status -> {
			store.lockSite(siteId);
			List<String> gone = store.deleteNotSeen(siteId, runId);
			if (dateWorks) {
				store.markChanged(gone);
			}
			return gone;
		});
	}

	private static boolean unchanged(Map<String, Existing> existing, StoredRecord record) {
		Existing before = existing.get(record.record().recordId());
		return before != null && before.contentSha1().equals(record.contentSha1());
	}

	private Outcome save(String siteId, long runId, Map<String, StoredRecord> byId, Set<String> deletions,
			Merged firstMerge, long writesAtFirstLook, Map<String, Existing> firstLook, boolean dateWorks) {
		// the first look still holds when no other write of the site's records came between it and this one
		Map<String, Existing> existing = store.lockSite(siteId) == writesAtFirstLook + 1 ? firstLook
				: store.existing(siteId, byId.keySet());
		// another run of the site changed a record since the first look: its work is found now, under both locks (the
		// site's, then the catalogue's: no transaction takes them the other way round)
		List<StoredRecord> late = byId.values().stream()
			.filter(r -> !unchanged(existing, r) && !firstMerge.workOf().containsKey(r.record().recordId()))
			.toList();
		Merged merged = late.isEmpty() ? firstMerge : firstMerge.and(merging.merge(late));
		int added = 0;
		int updated = 0;
		int deleted = 0;
		List<String> unchangedIds = new ArrayList<>();
		Set<String> affected = new HashSet<>();
		List<Placed> placed = new ArrayList<>();
		Map<String, List<StoredRecord>> fresh = new LinkedHashMap<>();
		for (StoredRecord stored : byId.values()) {
			String id = stored.record().recordId();
			Existing before = existing.get(id);
			if (unchanged(existing, stored)) {
				unchangedIds.add(id);
				continue;
			}
			String work = merged.workOf().get(id);
			placed.add(new Placed(stored, work, before == null));
			if (before == null) {
				added++;
			}
			else {
				updated++;
				affected.add(before.workId());
			}
			if (before == null && merged.created().contains(work)) {
				fresh.computeIfAbsent(work, w -> new ArrayList<>()).add(stored);
			}
			else {
				affected.add(work);
			}
		}
		if (!placed.isEmpty()) {
			store.saveRecords(siteId, placed, runId);
		}
		if (!unchangedIds.isEmpty()) {
			store.touch(siteId, unchangedIds, runId);
		}
		if (!deletions.isEmpty()) {
			List<String> works = store.delete(siteId, deletions);
			deleted = works.size();
			affected.addAll(works);
		}
		fresh.keySet().removeAll(affected);
		if (dateWorks) {
			Set<String> changedWorks = new HashSet<>(affected);
			changedWorks.addAll(fresh.keySet());
			store.markChanged(changedWorks);
		}
		return new Outcome(added, updated, unchangedIds.size(), deleted, affected, fresh);
	}

}
