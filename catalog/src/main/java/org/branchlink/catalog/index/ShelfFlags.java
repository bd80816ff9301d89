package org.branchlink.catalog.index;

import java.io.IOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.CatalogIndexException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The works' "on a shelf now" flags ({@code on_shelf}, set in place) on their slower way to the index, for the
 * {@link AvailabilityIndexer}: an availability batch queues in {@code shelf_flag_outbox} the flags that differ from the
 * index; {@link #drain} sends those that still differ in one commit, at most once per flag gap.
 */
final class ShelfFlags {

	private static final int BATCH = 5_000;

	private final SolrClient solr;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/** Sends groups of documents, skipping a group whose work is not in the index. */
	private final Consumer<List<List<SolrInputDocument>>> sender;

	private final AtomicLong sent = new AtomicLong();

	ShelfFlags(SolrClient solr, JdbcClient jdbc, TransactionTemplate transactions,
			Consumer<List<List<SolrInputDocument>>> sender) {
		this.solr = solr;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sender = sender;
	}

	/** How many flags this node has changed in the index. */
	long sent() {
		return sent.get();
	}

	/**
	 * Queues the flags that differ from the index and cancels those waiting for works back to what the index says (a
	 * copy lent and returned within the flag gap changes nothing); a work not in the index yet is left alone.
	 */
	void queue(Map<String, Boolean> flags) {
		Map<String, Integer> indexed = onShelf(flags.keySet());
		List<String> changed = new ArrayList<>();
		List<Boolean> values = new ArrayList<>();
		List<String> same = new ArrayList<>();
		flags.forEach((id, onShelf) -> {
			Integer now = indexed.get(id);
			if (now != null && now == (onShelf ? 1 : 0)) {
				same.add(id);
			}
			else if (now != null) {
				changed.add(id);
				values.add(onShelf);
			}
		});
		// in id order (the map is sorted), so two nodes writing the same works take their rows' locks in the same order
		jdbc.sql("""
				with cancelled as (delete from shelf_flag_outbox where work_id = any(:same))
				insert into shelf_flag_outbox (work_id, on_shelf) select * from unnest(:works, :flags)
				on conflict (work_id) do update set on_shelf = excluded.on_shelf""")
			.param("same", same.toArray(String[]::new))
			.param("works", changed.toArray(String[]::new))
			.param("flags", values.toArray(Boolean[]::new))
			.update();
	}

	/**
	 * Sends the on-shelf flags waiting in {@code shelf_flag_outbox} that differ from the index, in one commit, and
	 * deletes the rows taken; returns how many flags it changed.
	 */
	int drain() {
		Integer changed = transactions.execute(status -> {
			Map<String, Boolean> waiting = new LinkedHashMap<>();
			jdbc.sql("select work_id, on_shelf from shelf_flag_outbox order by work_id limit :n for update skip locked")
				.param("n", BATCH)
				.query((ResultSet rs) -> {
					waiting.put(rs.getString(1), rs.getBoolean(2));
				});
			if (waiting.isEmpty()) {
				return 0;
			}
			Map<String, Integer> indexed = onShelf(waiting.keySet());
			List<List<SolrInputDocument>> docs = new ArrayList<>();
			waiting.forEach((id, onShelf) -> {
				Integer now = indexed.get(id);
				// a work not in the index yet gets its flag when it is indexed
				if (now != null && now != (onShelf ? 1 : 0)) {
					docs.add(List.of(AvailabilityIndexer.flag(id, onShelf)));
				}
			});
			sender.accept(docs);
			jdbc.sql("delete from shelf_flag_outbox where work_id = any(:ids)")
				.param("ids", waiting.keySet().toArray(String[]::new))
				.update();
			sent.addAndGet(docs.size());
			return docs.size();
		});
		return changed == null ? 0 : changed;
	}

	/** The flags the index holds now for these works (works not in the index are absent). */
	private Map<String, Integer> onShelf(Collection<String> workIds) {
		// work ids are "w" and hex digits (WorkMerging): no commas
		SolrQuery query = new SolrQuery("{!terms f=" + SolrFields.ID + "}" + String.join(",", workIds))
			.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK)
			.setFields(SolrFields.ID, SolrFields.ON_SHELF)
			.setRows(workIds.size());
		try {
			Map<String, Integer> flags = new HashMap<>();
			for (SolrDocument doc : solr.query(query, SolrRequest.METHOD.POST).getResults()) {
				Object value = doc.getFieldValue(SolrFields.ON_SHELF);
				flags.put((String) doc.getFieldValue(SolrFields.ID), value == null ? -1 : ((Number) value).intValue());
			}
			return flags;
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not read the on-shelf flags of " + workIds.size() + " works", ex);
		}
	}

}
