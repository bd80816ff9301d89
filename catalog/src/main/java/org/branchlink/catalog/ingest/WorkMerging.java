package org.branchlink.catalog.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.branchlink.catalog.record.WorkKey;

import org.springframework.stereotype.Component;

/**
 * Puts records in works: records of the same edition from different sites share one, found by any of their keys
 * (every ISBN-13, else normalized title, author and year). The caller holds the transaction; this takes the
 * catalogue-wide merging lock first ({@link WorkStore#lockWorkMerging()}), so batches merge one at a time.
 */
@Component
public class WorkMerging {

	private final WorkStore store;

	WorkMerging(WorkStore store) {
		this.store = store;
	}

	/**
	 * Finds or creates each record's work: the work of its first key already known, else of its first key another
	 * record of the batch brought, else a new one; keys not yet known point at it from now on.
	 */
	public Merged merge(Collection<StoredRecord> records) {
		store.lockWorkMerging();
		List<Map.Entry<String, List<String>>> keysOf = new ArrayList<>(records.size());
		for (StoredRecord stored : records) {
			keysOf.add(Map.entry(stored.record().recordId(), WorkKey.of(stored.record())));
		}
		Map<String, String> known = store.worksOfKeys(keysOf.stream().flatMap(entry -> entry.getValue().stream()).toList());
		Map<String, String> newKeys = new HashMap<>();
		Map<String, String> workOf = new HashMap<>();
		Set<String> created = new HashSet<>();
		for (Map.Entry<String, List<String>> entry : keysOf) {
			List<String> keys = entry.getValue();
			String existingWork = keys.stream().map(known::get).filter(Objects::nonNull).findFirst().orElse(null);
			String work = existingWork != null ? existingWork : keys.stream()
				.map(newKeys::get)
				.filter(Objects::nonNull)
				.findFirst()
				.orElseGet(() -> "w" + DigestUtils.sha256Hex(keys.get(0)).substring(0, 16));
			keys.stream().filter(key -> !known.containsKey(key)).forEach(key -> newKeys.putIfAbsent(key, work));
			workOf.put(entry.getKey(), work);
			if (existingWork == null) {
				created.add(work);
			}
		}
		store.addWorks(newKeys);
		return new Merged(workOf, created);
	}

	/**
	 * @param workOf the work of each record, by record id
	 * @param created the works this batch created (their documents can be built from the batch alone)
	 */
	public record Merged(Map<String, String> workOf, Set<String> created) {

		public static final Merged NONE = new Merged(Map.of(), Set.of());

		/** Both merges' works. */
		public Merged and(Merged more) {
			Map<String, String> works = new HashMap<>(workOf);
			works.putAll(more.workOf());
			Set<String> all = new HashSet<>(created);
			all.addAll(more.created());
			return new Merged(works, all);
		}

	}

}
