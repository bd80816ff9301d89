package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.gateway.holds.HoldStore;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating collections. A batch stays at a stage for the stage's days; then {@link #advance} moves it to the next
 * stage (back to the first on a cyclic rota, finished after the last on a one-way one) with a pre-approved transfer.
 * Copies wanted by a waiting or allocated hold are held back (they stay for their readers), as are copies not on the
 * stage's shelf (on loan, still in transit).
 */
@Component
public class CollectionRotation {

	private static final Logger log = LoggerFactory.getLogger(CollectionRotation.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final StockTransfers transfers;

	private final SiteDirectory sites;

	private final ItemAvailability items;

	private final CatalogCopies copies;

	private final HoldStore holds;

	CollectionRotation(JdbcClient jdbc, TransactionTemplate transactions, StockTransfers transfers, SiteDirectory sites,
			ItemAvailability items, CatalogCopies copies, HoldStore holds) {
		this.items = items;
		this.copies = copies;
		this.holds = holds;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.transfers = transfers;
		this.sites = sites;
	}

	/**
	 * @param siteId where the batch stays
	 * @param days for how many days
	 */
	public record Stage(String siteId, Integer days) {
	}

	public long createRota(String by, String name, boolean cyclic, List<Stage> stages) {
		if (name == null || name.isBlank() || stages == null || stages.size() < 2) {
			throw new InvalidRequestException("rota-needs-stages");
		}
		for (Stage stage : stages) {
			if (stage.siteId() == null || sites.require().find(stage.siteId()).isEmpty()) {
				throw new InvalidRequestException("unknown-site");
			}
			if (stage.days() == null || stage.days() < 1) {
				throw new InvalidRequestException("rota-stage-days");
			}
		}
		return transactions.execute(status -> {
			long id = jdbc.sql("insert into rota (name, cyclic, created_by) values (:n, :c, :by) returning id")
				.param("n", name.strip()).param("c", cyclic).param("by", by).query(Long.class).single();
			for (int i = 0; i < stages.size(); i++) {
				jdbc.sql("insert into rota_stage (rota_id, position, site_id, days) values (:r, :p, :s, :d)")
					.param("r", id).param("p", i).param("s", stages.get(i).siteId()).param("d", stages.get(i).days())
					.update();
			}
			return id;
		});
	}

	/** Starts a batch of copies at the rota's first stage (they are on that site's shelves). */
	public long startBatch(long rotaId, List<String> barcodes, LocalDate from) {
		return transactions.execute(status -> {
			long batch = jdbc.sql("""
					insert into rotation_batch (rota_id, stage, stage_started, status) values (:r, 0, :d, 'active')
					returning id""").param("r", rotaId).param("d", from).query(Long.class).single();
			for (String barcode : barcodes) {
				items.find(barcode.strip()).stream().findFirst().ifPresent(copy -> jdbc
					.sql("insert into rotation_item (batch_id, item_site, barcode) values (:b, :site, :barcode)")
					.param("b", batch).param("site", copy.siteId()).param("barcode", copy.barcode()).update());
			}
			return batch;
		});
	}

	/** Moves every batch whose stage is over; returns the transfers created. */
	public List<Long> advance(LocalDate today) {
		List<Long> created = new ArrayList<>();
		List<Map<String, Object>> due = jdbc.sql("""
				select b.id, b.rota_id, b.stage, r.cyclic, s.site_id, s.days,
				       (select count(*) from rota_stage x where x.rota_id = b.rota_id) as stages
				from rotation_batch b join rota r on r.id = b.rota_id
				join rota_stage s on s.rota_id = b.rota_id and s.position = b.stage
				where b.status = 'active' and b.stage_started + s.days <= :today""")
			.param("today", today).query().listOfRows();
		for (Map<String, Object> batch : due) {
			long id = ((Number) batch.get("id")).longValue();
			int stage = ((Number) batch.get("stage")).intValue();
			int stages = ((Number) batch.get("stages")).intValue();
			boolean cyclic = (Boolean) batch.get("cyclic");
			if (stage + 1 >= stages && !cyclic) {
				jdbc.sql("update rotation_batch set status = 'finished' where id = :id").param("id", id).update();
				continue;
			}
			int next = (stage + 1) % stages;
			String here = (String) batch.get("site_id");
			String there = jdbc.sql("select site_id from rota_stage where rota_id = :r and position = :p")
				.param("r", batch.get("rota_id")).param("p", next).query(String.class).single();
			List<String> moving = notWanted(id);
			int heldBack = jdbc.sql("select count(*) from rotation_item where batch_id = :b").param("b", id)
				.query(Integer.class).single() - moving.size();
			Long transfer = null;
			if (!moving.isEmpty()) {
				try {
					StockTransfers.Outcome outcome = transfers.create("rotation", here, there, moving, "rotation", true);
					transfer = outcome.transfer().id();
					heldBack += outcome.refused().size();
					created.add(transfer);
				}
				catch (IllegalArgumentException nothingHere) {
					heldBack = moving.size();
				}
			}
			jdbc.sql("""
					update rotation_batch set stage = :next, stage_started = :today, last_transfer = :t where id = :id""")
				.param("next", next).param("today", today).param("t", transfer).param("id", id).update();
			log.info("Rotation batch {}: stage {} → {} ({} → {}), transfer {}, {} copies held back", id, stage, next, here,
					there, transfer, heldBack);
		}
		return created;
	}

	/**
	 * A rota with its stages and batches, for the central page.
	 *
	 * @param id the rota
	 * @param name its name
	 * @param cyclic whether it starts again after the last stage
	 * @param stages "site (days)" in order
	 * @param batches "batch #n: stage k since date (copies)" for each active batch
	 */
	public record RotaView(long id, String name, boolean cyclic, List<String> stages, List<String> batches) {
	}

	public List<RotaView> rotas() {
		return jdbc.sql("select id, name, cyclic from rota order by id desc limit 100")
			.query((rs, n) -> new RotaView(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
					jdbc.sql("select site_id || ' (' || days || ')' from rota_stage where rota_id = :r order by position")
						.param("r", rs.getLong(1)).query(String.class).list(),
					jdbc.sql("""
							select '#' || b.id || ': ' || b.stage || ' / ' || b.stage_started || ' (' ||
							       (select count(*) from rotation_item i where i.batch_id = b.id) || ')'
							from rotation_batch b where b.rota_id = :r and b.status = 'active' order by b.id""")
						.param("r", rs.getLong(1)).query(String.class).list()))
			.list();
	}

	/**
	 * A rota as its page shows it: the stages by site (named by the page), the active batches.
	 *
	 * @param id the rota
	 * @param name its name
	 * @param cyclic whether it starts again after the last stage
	 * @param stages its stages in order
	 * @param batches its active batches
	 */
	public record RotaPage(long id, String name, boolean cyclic, List<Stage> stages, List<BatchView> batches) {
	}

	/**
	 * An active batch.
	 *
	 * @param id the batch
	 * @param stage the index of the stage it is at
	 * @param since when it arrived there
	 * @param copies how many copies it has
	 */
	public record BatchView(long id, int stage, LocalDate since, int copies) {
	}

	public List<RotaPage> rotaPages() {
		return jdbc.sql("select id, name, cyclic from rota order by id desc limit 100")
			.query((rs, n) -> new RotaPage(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
					jdbc.sql("select site_id, days from rota_stage where rota_id = :r order by position")
						.param("r", rs.getLong(1))
						.query((st, m) -> new Stage(st.getString(1), st.getInt(2)))
						.list(),
					jdbc.sql("""
							select b.id, b.stage, b.stage_started, (select count(*) from rotation_item i where i.batch_id = b.id)
							from rotation_batch b where b.rota_id = :r and b.status = 'active' order by b.id""")
						.param("r", rs.getLong(1))
						.query((b, m) -> new BatchView(b.getLong(1), b.getInt(2), b.getObject(3, LocalDate.class), b.getInt(4)))
						.list()))
			.list();
	}

	/** The copies of a transfer a rotation made (for the dashboard and tests). */
	public List<String> transferBarcodes(long transferId) {
		return jdbc.sql("select barcode from transfer_item where transfer_id = :t and not extra order by barcode")
			.param("t", transferId).query(String.class).list();
	}


	/** The batch's copies that no hold keeps or waits for (those stay for their readers). */
	private List<String> notWanted(long batchId) {
		List<CopyId> batch = jdbc.sql("select item_site, barcode from rotation_item where batch_id = :b order by barcode")
			.param("b", batchId)
			.query((rs, n) -> new CopyId(rs.getString(1), rs.getString(2)))
			.list();
		Map<CopyId, CatalogCopies.CopyDetails> catalogued = copies.describe(batch);
		Set<CopyId> kept = holds.kept(catalogued.keySet());
		Set<String> waited = holds.waitedFor(catalogued.values().stream().map(c -> c.copy().workId()).toList());
		return catalogued.values().stream()
			.filter(c -> !kept.contains(CopyId.of(c.copy())) && !waited.contains(c.copy().workId()))
			.map(c -> c.copy().barcode())
			.toList();
	}

}
