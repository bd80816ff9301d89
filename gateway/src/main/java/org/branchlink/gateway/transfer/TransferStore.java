package org.branchlink.gateway.transfer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.sync.outbound.SiteChangeKind;
import org.branchlink.sync.outbound.SiteChanges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code transfer} and {@code transfer_item} tables. A transfer moves by compare and set ({@link #save}): written
 * only while its stored status is still the one it was read with.
 */
@Component
class TransferStore {

	private static final String OPEN = Transfer.Status.OPEN.stream()
		.map(status -> "'" + status.code() + "'")
		.sorted()
		.collect(Collectors.joining(", ", "(", ")"));

	/**
	 * A transfer's lines counted.
	 *
	 * @param copies copies in it
	 * @param received of those, received
	 * @param extra copies received that were not in it
	 */
	record Lines(int copies, int received, int extra) {
	}

	private final JdbcClient jdbc;

	private final SiteChanges siteChanges;

	TransferStore(JdbcClient jdbc, SiteChanges siteChanges) {
		this.jdbc = jdbc;
		this.siteChanges = siteChanges;
	}

	/** Stores a new transfer with its copies and gives it its id. */
	long insert(Transfer transfer, Collection<CopyId> copies) {
		long id = jdbc.sql("""
				insert into transfer (from_site, to_site, status, reason, created_by, created_at, carrier_unit, carrier_day)
				values (:from, :to, :status, :reason, :by, :at, :unit, :day) returning id""")
			.param("from", transfer.fromSite())
			.param("to", transfer.toSite())
			.param("status", transfer.status().code())
			.param("reason", transfer.reason())
			.param("by", transfer.created().by())
			.param("at", Timestamp.from(transfer.created().at()))
			.param("unit", transfer.carrier() == null ? null : transfer.carrier().unit())
			.param("day", transfer.carrier() == null ? null : Date.valueOf(transfer.carrier().day()))
			.query(Long.class)
			.single();
		for (CopyId copy : copies) {
			jdbc.sql("insert into transfer_item (transfer_id, item_site, barcode) values (:t, :s, :b) on conflict do nothing")
				.param("t", id).param("s", copy.siteId()).param("b", copy.barcode()).update();
		}
		transfer.stored(id);
		tellSites(transfer);
		return id;
	}

	Optional<Transfer> find(long id) {
		return jdbc.sql("select * from transfer where id = :id").param("id", id).query(TransferStore::transfer).optional();
	}

	/** Writes the transfer's status and steps if it is still stored as {@code readWith}. */
	boolean save(Transfer transfer, Transfer.Status readWith) {
		boolean saved = jdbc.sql("""
				update transfer set status = :status, approved_by = :approvedBy, approved_at = :approvedAt,
				    shipped_by = :shippedBy, shipped_at = :shippedAt, received_by = :receivedBy, received_at = :receivedAt
				where id = :id and status = :readWith""")
			.param("status", transfer.status().code())
			.param("approvedBy", by(transfer.approved()))
			.param("approvedAt", at(transfer.approved()))
			.param("shippedBy", by(transfer.shipped()))
			.param("shippedAt", at(transfer.shipped()))
			.param("receivedBy", by(transfer.received()))
			.param("receivedAt", at(transfer.received()))
			.param("id", transfer.id())
			.param("readWith", readWith.code())
			.update() == 1;
		if (saved && transfer.status() != readWith) {
			tellSites(transfer);
		}
		return saved;
	}

	/** Both ends of a transfer hear each of its steps, in the transaction that made it, with the copies it carries. */
	private void tellSites(Transfer transfer) {
		Map<String, Object> data = Map.of("transferId", transfer.id(), "fromSite", transfer.fromSite(), "toSite",
				transfer.toSite(), "status", transfer.status().code(), "barcodes",
				copies(transfer.id()).stream().map(CopyId::barcode).toList());
		for (String site : new LinkedHashSet<>(List.of(transfer.fromSite(), transfer.toSite()))) {
			siteChanges.record(site, SiteChangeKind.TRANSFER, null, "transfer:" + transfer.id(), data);
		}
	}

	/** The copies the transfer carries (extras not included). */
	/** A copy of a transfer, with what the destination did with it. */
	record Item(String itemSite, String barcode, boolean received, boolean extra) {
	}

	/** Every copy of a transfer, extra ones (received though not sent) last. */
	List<Item> items(long id) {
		return jdbc.sql("""
				select item_site, barcode, received, extra from transfer_item where transfer_id = :t order by extra, barcode""")
			.param("t", id)
			.query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
			.list();
	}

	List<CopyId> copies(long id) {
		return jdbc.sql("select item_site, barcode from transfer_item where transfer_id = :t and not extra order by barcode")
			.param("t", id)
			.query((rs, n) -> new CopyId(rs.getString(1), rs.getString(2)))
			.list();
	}

	Lines lines(long id) {
		return jdbc.sql("""
				select count(*) filter (where not extra), count(*) filter (where received and not extra),
				       count(*) filter (where extra)
				from transfer_item where transfer_id = :t""")
			.param("t", id)
			.query((rs, n) -> new Lines(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/** Marks a copy of the transfer received; false when it is not one of its copies. */
	boolean markReceived(long id, String barcode) {
		return jdbc.sql("update transfer_item set received = true where transfer_id = :t and barcode = :b")
			.param("t", id).param("b", barcode).update() > 0;
	}

	/** Records a copy received that the transfer did not carry. */
	void addExtra(long id, String ownerSite, String barcode) {
		jdbc.sql("""
				insert into transfer_item (transfer_id, item_site, barcode, received, extra)
				values (:t, :s, :b, true, true) on conflict do nothing""")
			.param("t", id).param("s", ownerSite).param("b", barcode).update();
	}

	/** The open transfer each of these copies is in, where it is in one. */
	Map<CopyId, Long> openTransfersOf(Collection<CopyId> copies) {
		Map<CopyId, Long> open = new HashMap<>();
		if (copies.isEmpty()) {
			return open;
		}
		jdbc.sql("""
				select i.item_site, i.barcode, t.id
				from unnest(cast(:sites as text[]), cast(:barcodes as text[])) as k(site_id, barcode)
				join transfer_item i on i.item_site = k.site_id and i.barcode = k.barcode and not i.extra
				join transfer t on t.id = i.transfer_id and t.status in %s""".formatted(OPEN))
			.param("sites", copies.stream().map(CopyId::siteId).toArray(String[]::new))
			.param("barcodes", copies.stream().map(CopyId::barcode).toArray(String[]::new))
			.query((ResultSet rs) -> {
				open.put(new CopyId(rs.getString(1), rs.getString(2)), rs.getLong(3));
			});
		return open;
	}

	/** Open transfers from or to these sites, newest first (the last 200). */
	List<Long> openAt(Collection<String> sites) {
		return jdbc.sql("""
				select id from transfer where status in %s and (from_site = any(:s) or to_site = any(:s))
				order by created_at desc limit 200""".formatted(OPEN))
			.param("s", sites.toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	/** Shipped transfers shipped before the instant, oldest first. */
	List<Long> shippedBefore(Instant limit) {
		return jdbc.sql("select id from transfer where status = 'shipped' and shipped_at < :limit order by shipped_at")
			.param("limit", Timestamp.from(limit))
			.query(Long.class)
			.list();
	}

	private static Transfer transfer(ResultSet rs, int row) throws SQLException {
		Date day = rs.getDate("carrier_day");
		return Transfer.restore(rs.getLong("id"), rs.getString("from_site"), rs.getString("to_site"),
				rs.getString("reason"), Transfer.Status.of(rs.getString("status")), step(rs, "created"),
				step(rs, "approved"), step(rs, "shipped"), step(rs, "received"),
				rs.getString("carrier_unit") == null ? null
						: new Transfer.Carrier(rs.getString("carrier_unit"), day == null ? null : day.toLocalDate()));
	}

	private static Transfer.Step step(ResultSet rs, String name) throws SQLException {
		Timestamp at = rs.getTimestamp(name + "_at");
		return at == null ? null : new Transfer.Step(rs.getString(name + "_by"), at.toInstant());
	}

	private static String by(Transfer.Step step) {
		return step == null ? null : step.by();
	}

	private static Timestamp at(Transfer.Step step) {
		return step == null ? null : Timestamp.from(step.at());
	}

}
