package org.branchlink.catalog.ingest;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.ItemState;
import org.branchlink.catalog.ingest.WorkStore.HeldCopies;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.Item;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The copies of works as availability needs them (the availability indexer's read at every batch). */
@Component
public class WorkCopies {

	private final JdbcClient jdbc;

	private final WorkStore store;

	WorkCopies(JdbcClient jdbc, WorkStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/**
	 * The copies of these works, record by record in the order {@link WorkStore#load} gives them, with their circulation states
	 * and holding sites: what a change of availability needs, without the records' text (titles, names, subjects,
	 * arrays the driver decodes one by one), which the availability indexer read at every batch for nothing.
	 */
	public Map<String, List<HeldCopies>> load(Collection<String> workIds) {
		Map<String, List<HeldCopies>> works = new LinkedHashMap<>();
		Map<String, HoldingSite> sites = store.sites();
		String[] at = { null, null };
		HeldCopies[] current = { null };
		jdbc.sql("""
				select r.site_id, r.record_id, r.work_id, i.barcode, i.call_number, i.location, i.status,
				       st.status, st.at_site, st.destination
				""" + WorkStore.RECORDS_WITH_COPIES)
			.param("works", workIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				String siteId = rs.getString(1);
				String recordId = rs.getString(2);
				if (!siteId.equals(at[0]) || !recordId.equals(at[1])) {
					at[0] = siteId;
					at[1] = recordId;
					current[0] = new HeldCopies(siteId, sites.getOrDefault(siteId, HoldingSite.unknown(siteId)),
							new ArrayList<>(), new HashMap<>());
					works.computeIfAbsent(rs.getString(3), w -> new ArrayList<>()).add(current[0]);
				}
				String barcode = rs.getString(4);
				if (barcode != null) {
					current[0].items().add(new Item(barcode, rs.getString(5), rs.getString(6), rs.getString(7)));
					if (rs.getString(8) != null) {
						current[0].states().put(barcode, new ItemState(rs.getString(8), rs.getString(9), rs.getString(10)));
					}
				}
			});
		return works;
	}

}
