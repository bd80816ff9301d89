package org.branchlink.catalog;

import java.util.List;

import org.branchlink.catalog.index.AvailabilityIndexer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies as lending sees them: found by barcode anywhere in the county, and their circulation state recorded. A state
 * change queues the copy's work in the availability outbox in the caller's transaction; the
 * {@link AvailabilityIndexer} pushes it to Solr as an atomic update with a soft commit.
 */
@Component
public class ItemAvailability {

	private final JdbcClient jdbc;

	private final AvailabilityIndexer indexer;

	ItemAvailability(JdbcClient jdbc, AvailabilityIndexer indexer) {
		this.jdbc = jdbc;
		this.indexer = indexer;
	}

	/** Every copy with this barcode (barcodes are unique per site; most counties make them unique county-wide). */
	public List<ItemRef> find(String barcode) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				where i.barcode = :barcode order by i.site_id""")
			.param("barcode", barcode)
			.query((rs, n) -> new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Records a copy's circulation state and queues its work for the index; joins the caller's transaction. */
	public void record(ItemRef item, ItemState state) {
		// one round trip: the state, and the work queued for the index
		jdbc.sql("""
				with state as (
				    insert into item_state (site_id, barcode, status, at_site, destination, changed_at)
				    values (:site, :barcode, :status, :at, :destination, now())
				    on conflict (site_id, barcode) do update set status = excluded.status, at_site = excluded.at_site,
				        destination = excluded.destination, changed_at = now())
				insert into availability_outbox (work_id) values (:work)""")
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.param("status", state.status())
			.param("at", state.atSite())
			.param("destination", state.destination())
			.param("work", item.workId())
			.update();
		wakeAfterCommit();
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					indexer.wake();
					indexer.keepPace();
				}
			});
		}
		else {
			indexer.wake();
			indexer.keepPace();
		}
	}

	/** What the indexer is doing: works waiting, works sent, the last batch, the last failure. */
	public AvailabilityIndexer.Status indexStatus() {
		return indexer.status();
	}

}
