package org.branchlink.gateway.holds;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.sync.outbound.SiteChangeKind;
import org.branchlink.sync.outbound.SiteChanges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code hold} table: holds stored and read back, and the queue questions asked of it. A hold moves by compare and
 * set: {@link #save} writes it only if its stored status is still the one it was read with, so two nodes or requests
 * moving the same hold cannot both succeed; the unique index on the copy kept makes a second allocation of one copy
 * fail.
 */
@Component
public class HoldStore {

	/** The statuses keeping a copy, as SQL: {@code ('allocated', 'in_transit', 'ready')}. */
	static final String KEEPING_A_COPY = Hold.Status.KEEPING_A_COPY.stream()
		.map(status -> "'" + status.code() + "'")
		.sorted()
		.collect(Collectors.joining(", ", "(", ")"));

	private static final String WAITING = "'" + Hold.Status.WAITING.code() + "'";

	private final JdbcClient jdbc;

	private final SiteChanges siteChanges;

	HoldStore(JdbcClient jdbc, SiteChanges siteChanges) {
		this.jdbc = jdbc;
		this.siteChanges = siteChanges;
	}

	/** Stores a new hold and gives it its id. */
	long insert(Hold hold) {
		long id = jdbc.sql("""
				insert into hold (card, work_id, copy_site, copy_barcode, pickup_site, status, placed_at)
				values (:card, :work, :copySite, :copyBarcode, :pickup, :status, :at) returning id""")
			.param("card", hold.card())
			.param("work", hold.workId())
			.param("copySite", hold.wanted() == null ? null : hold.wanted().siteId())
			.param("copyBarcode", hold.wanted() == null ? null : hold.wanted().barcode())
			.param("pickup", hold.pickupSite())
			.param("status", hold.status().code())
			.param("at", Timestamp.from(hold.placedAt()))
			.query(Long.class)
			.single();
		hold.stored(id);
		return id;
	}

	public Optional<Hold> find(long id) {
		return jdbc.sql("select * from hold where id = :id").param("id", id).query(HoldStore::hold).optional();
	}

	/**
	 * Writes the hold's new state if it is still stored as {@code readWith}; a hold taking a copy is written only while
	 * no other hold keeps that copy.
	 *
	 * @return whether it was written (false: another request moved it first)
	 */
	boolean save(Hold hold, Hold.Status readWith) {
		String guard = hold.status() == Hold.Status.ALLOCATED && readWith == Hold.Status.WAITING ? """
				and not exists (select 1 from hold o where o.allocated_site = :site and o.allocated_barcode = :barcode
				    and o.status in %s)""".formatted(KEEPING_A_COPY) : "";
		boolean saved = jdbc.sql("""
				update hold set status = :status, suspended_until = :suspended, allocated_site = :site,
				    allocated_barcode = :barcode, allocated_at = :allocatedAt, ready_at = :readyAt, expires_at = :expiresAt,
				    closed_at = :closedAt
				where id = :id and status = :readWith""" + " " + guard)
			.param("status", hold.status().code())
			.param("suspended", hold.suspendedUntil())
			.param("site", hold.allocated() == null ? null : hold.allocated().siteId())
			.param("barcode", hold.allocated() == null ? null : hold.allocated().barcode())
			.param("allocatedAt", timestamp(hold.allocatedAt()))
			.param("readyAt", timestamp(hold.readyAt()))
			.param("expiresAt", timestamp(hold.expiresAt()))
			.param("closedAt", timestamp(hold.closedAt()))
			.param("id", hold.id())
			.param("readWith", readWith.code())
			.update() == 1;
		if (saved) {
			tellShelfSite(hold, readWith);
		}
		return saved;
	}

	/**
	 * The site whose copy a hold took hears it in this transaction: pull it from the shelf; or, when the hold is
	 * cancelled before the copy left, put it back. (A hold released because its copy went elsewhere is not told: the
	 * copy's own change says where it went.)
	 */
	private void tellShelfSite(Hold hold, Hold.Status readWith) {
		CopyId copy = hold.allocated();
		if (copy == null || readWith == hold.status()) {
			return;
		}
		SiteChangeKind kind;
		if (readWith == Hold.Status.WAITING && hold.status() == Hold.Status.ALLOCATED) {
			kind = SiteChangeKind.HOLD_PULL;
		}
		else if (readWith == Hold.Status.ALLOCATED && hold.status() == Hold.Status.CANCELLED) {
			kind = SiteChangeKind.HOLD_PULL_CANCELLED;
		}
		else {
			return;
		}
		siteChanges.record(copy.siteId(), kind, copy.barcode(), "hold:" + hold.id(), Map.of("holdId", hold.id(),
				"barcode", copy.barcode(), "workId", hold.workId(), "pickupSite", hold.pickupSite(), "status",
				hold.status().code()));
	}

	/** How many holds of the card are open (not collected, cancelled or expired). */
	int openCount(String card) {
		return jdbc.sql("select count(*) from hold where card = :card and closed_at is null")
			.param("card", card).query(Integer.class).single();
	}

	/** Whether the card already has an open hold on the work. */
	boolean hasOpen(String card, String workId) {
		return jdbc.sql("select count(*) from hold where card = :card and work_id = :work and closed_at is null")
			.param("card", card)
			.param("work", workId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Each waiting hold of the card (by id) with its place in its work's queue, 1 for the next to be served. */
	Map<Long, Integer> queuePlacesOf(String card) {
		Map<Long, Integer> places = new HashMap<>();
		jdbc.sql("""
				select h.id, (select count(*) from hold o where o.work_id = h.work_id and o.status = %1$s
				    and (o.placed_at < h.placed_at or (o.placed_at = h.placed_at and o.id <= h.id))) as place
				from hold h where h.card = :card and h.status = %1$s""".formatted(WAITING))
			.param("card", card)
			.query((rs, row) -> places.put(rs.getLong("id"), rs.getInt("place")))
			.list();
		return places;
	}

	/** The card's open holds, oldest first. */
	List<Hold> openOf(String card) {
		return jdbc.sql("select * from hold where card = :card and closed_at is null order by placed_at, id")
			.param("card", card)
			.query(HoldStore::hold)
			.list();
	}

	/** Whether no earlier awake hold waits for the work. */
	boolean isFirstInQueue(Hold hold) {
		return jdbc.sql("""
				select not exists (select 1 from hold h where h.work_id = :work and h.status = %s and h.id <> :id
				    and (h.suspended_until is null or h.suspended_until <= current_date)
				    and (h.placed_at, h.id) < (:placed, :id))""".formatted(WAITING))
			.param("work", hold.workId())
			.param("id", hold.id())
			.param("placed", Timestamp.from(hold.placedAt()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The first awake waiting hold of the work that this copy can fill, with its reader's home site.
	 *
	 * @param pickupFirst holds to be collected at {@code here} come first (else FIFO)
	 */
	Optional<Hold> firstWaitingFor(String workId, CopyId copy, String here, boolean pickupFirst) {
		String order = pickupFirst ? "(pickup_site = :here) desc, placed_at, id" : "placed_at, id";
		return jdbc.sql("""
				select * from hold
				where work_id = :work and status = %s and (suspended_until is null or suspended_until <= current_date)
				  and (copy_site is null or (copy_site = :site and copy_barcode = :barcode))
				order by %s limit 1""".formatted(WAITING, order))
			.param("here", here == null ? "" : here)
			.param("work", workId)
			.param("site", copy == null ? "" : copy.siteId())
			.param("barcode", copy == null ? "" : copy.barcode())
			.query(HoldStore::hold)
			.optional();
	}

	/** The first awake waiting hold of the work, any copy (FIFO). */
	Optional<Hold> firstWaiting(String workId) {
		return jdbc.sql("""
				select * from hold where work_id = :work and status = %s
				  and (suspended_until is null or suspended_until <= current_date)
				order by placed_at, id limit 1""".formatted(WAITING))
			.param("work", workId)
			.query(HoldStore::hold)
			.optional();
	}

	/** The home site of the hold's reader, when the reader is registered here. */
	Optional<String> homeSiteOf(Hold hold) {
		return jdbc.sql("select home_site from reader where card_number = :card")
			.param("card", hold.card()).query(String.class).optional();
	}

	/** Which of these copies a hold keeps already. */
	public Set<CopyId> kept(Collection<CopyId> copies) {
		if (copies.isEmpty()) {
			return Set.of();
		}
		Set<CopyId> kept = new HashSet<>();
		jdbc.sql("""
				select h.allocated_site, h.allocated_barcode
				from unnest(cast(:sites as text[]), cast(:barcodes as text[])) as k(site_id, barcode)
				join hold h on h.allocated_site = k.site_id and h.allocated_barcode = k.barcode
				where h.status in %s""".formatted(KEEPING_A_COPY))
			.param("sites", copies.stream().map(CopyId::siteId).toArray(String[]::new))
			.param("barcodes", copies.stream().map(CopyId::barcode).toArray(String[]::new))
			.query((ResultSet rs) -> {
				kept.add(new CopyId(rs.getString(1), rs.getString(2)));
			});
		return kept;
	}

	/** Which of these works have a hold waiting for them. */
	public Set<String> waitedFor(Collection<String> workIds) {
		Set<String> waited = new HashSet<>();
		jdbc.sql("select distinct work_id from hold where work_id = any(:works) and status = " + WAITING)
			.param("works", workIds.stream().distinct().toArray(String[]::new))
			.query((ResultSet rs) -> {
				waited.add(rs.getString(1));
			});
		return waited;
	}

	/** Copies each site gave to holds since the instant. */
	Map<String, Integer> allocatedPerSiteSince(Instant since) {
		Map<String, Integer> load = new HashMap<>();
		jdbc.sql("select allocated_site, count(*) from hold where allocated_at > :since group by allocated_site")
			.param("since", Timestamp.from(since))
			.query((ResultSet rs) -> {
				load.put(rs.getString(1), rs.getInt(2));
			});
		return load;
	}

	/** Holds whose copy is still to be pulled from a shelf, oldest first. */
	List<Hold> toPull() {
		return jdbc.sql("select * from hold where status = 'allocated' order by allocated_at, id")
			.query(HoldStore::hold)
			.list();
	}

	/** Ready holds past their pickup days, oldest first. */
	List<Hold> uncollectedAt(Instant now, int limit) {
		return jdbc.sql("select * from hold where status = 'ready' and expires_at < :now order by expires_at limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(HoldStore::hold)
			.list();
	}

	/** Holds that expired since the instant, oldest first. */
	List<Hold> expiredSince(Instant since) {
		return jdbc.sql("select * from hold where status = 'expired' and closed_at >= :since order by closed_at, id")
			.param("since", Timestamp.from(since))
			.query(HoldStore::hold)
			.list();
	}

	/** How many open holds the work has. */
	public int queueLength(String workId) {
		return jdbc.sql("select count(*) from hold where work_id = :work and closed_at is null")
			.param("work", workId).query(Integer.class).single();
	}

	/** The hold's place among its work's waiting holds (1 = next); 0 when it is no longer waiting. */
	public int queuePosition(long holdId) {
		return jdbc.sql("""
				select case when h.status <> %1$s then 0 else (select count(*) from hold o
				    where o.work_id = h.work_id and o.status = %1$s and (o.placed_at, o.id) <= (h.placed_at, h.id)) end
				from hold h where h.id = :id""".formatted(WAITING))
			.param("id", holdId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private static Hold hold(ResultSet rs, int row) throws SQLException {
		String copySite = rs.getString("copy_site");
		String allocatedSite = rs.getString("allocated_site");
		Date suspended = rs.getDate("suspended_until");
		return Hold.restore(rs.getLong("id"), rs.getString("card"), rs.getString("work_id"),
				copySite == null ? null : new CopyId(copySite, rs.getString("copy_barcode")), rs.getString("pickup_site"),
				instant(rs.getTimestamp("placed_at")), Hold.Status.of(rs.getString("status")),
				suspended == null ? null : suspended.toLocalDate(),
				allocatedSite == null ? null : new CopyId(allocatedSite, rs.getString("allocated_barcode")),
				instant(rs.getTimestamp("allocated_at")), instant(rs.getTimestamp("ready_at")),
				instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("closed_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
