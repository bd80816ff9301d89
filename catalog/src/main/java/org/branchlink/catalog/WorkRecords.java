package org.branchlink.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.record.Item;

import org.springframework.stereotype.Component;

/**
 * Works as published to harvesters ({@link PublishedWork}), read from the database in one query per page (the
 * representative record's source format comes in the same query).
 */
@Component
public class WorkRecords {

	private final WorkStore store;

	WorkRecords(WorkStore store) {
		this.store = store;
	}

	/** These works, by id; a work without records is absent. */
	public Map<String, PublishedWork> load(Collection<String> workIds) {
		Map<String, PublishedWork> works = new LinkedHashMap<>();
		store.load(workIds).forEach((id, records) -> works.put(id, published(id, records)));
		return works;
	}

	private static PublishedWork published(String id, List<HeldRecord> records) {
		Set<String> isbns = new LinkedHashSet<>();
		List<PublishedWork.Copy> copies = new ArrayList<>();
		for (HeldRecord held : records) {
			isbns.addAll(held.record().isbns());
			for (Item item : held.record().items()) {
				ItemState state = held.states().get(item.barcode());
				copies.add(new PublishedWork.Copy(held.record().siteId(), item.barcode(), item.callNumber(),
						item.location(), state != null ? state.status() : item.status()));
			}
		}
		HeldRecord representative = records.get(0);
		return new PublishedWork(id, representative.record().withItems(List.of()),
				MarcFlavour.ofSourceFormat(representative.sourceFormat()), List.copyOf(isbns), copies);
	}

}
