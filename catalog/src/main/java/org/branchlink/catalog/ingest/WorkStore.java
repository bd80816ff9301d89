package org.branchlink.catalog.ingest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.ItemState;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records, items and works in PostgreSQL, in batches. Callers hold the transaction. */
@Component
public class WorkStore {

	private static final Logger log = LoggerFactory.getLogger(WorkStore.class);

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final RecordWrites writes;

	/** Public for tools outside the application context (the catalogue benchmark's raw add in a fresh JVM). */
	public WorkStore(JdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
		this.writes = new RecordWrites(jdbc, client);
	}

	/** The advisory lock that {@link #lockWorkMerging()} takes ("BLWORKS" in ASCII). */
	private static final long WORK_MERGING_LOCK = 0x424c574f524b53L;

	/**
	 * Serialises work merging until the caller's transaction ends: two runs storing at once (two sites' connectors, a
	 * bulk load's readers, two nodes) could otherwise both create the same new work, each under a different key of
	 * it, and split it. Taken first in the transaction, so no row lock comes before it.
	 */
	public void lockWorkMerging() {
		jdbc.queryForList("select pg_advisory_xact_lock(?)", WORK_MERGING_LOCK);
	}

	/**
	 * Serialises the writing of one site's records until the caller's transaction ends (other sites go on), so what
	 * {@link #existing} answers stays true until the records are saved, and counts the write. Taken first in the
	 * transaction.
	 *
	 * @return the site's write count, this write included: a look at the site's records taken when
	 * {@link #siteWrites} was one less still holds
	 */
	public long lockSite(String siteId) {
		return client.sql("""
				insert into site_record_writes (site_id, writes) values (:site, 1)
				on conflict (site_id) do update set writes = site_record_writes.writes + 1 returning writes""")
			.param("site", siteId)
			.query(Long.class)
			.single();
	}

	/** Refreshes the planner's statistics of the catalogue's tables, after a load that may have changed their size a lot. */
	public void analyze() {
		long started = System.nanoTime();
		jdbc.execute("analyze bib_record, item, work_key");
		log.info("Catalogue tables analysed ({} ms)", (System.nanoTime() - started) / 1_000_000);
	}

	/** How many times the site's records were written so far (committed writes); read it before a look at them. */
	public long siteWrites(String siteId) {
		return client.sql("select coalesce(max(writes), 0) from site_record_writes where site_id = :site")
			.param("site", siteId)
			.query(Long.class)
			.single();
	}

	/** What the catalogue already has of these records: their content hash and work. */
	public Map<String, Existing> existing(String siteId, Collection<String> recordIds) {
		Map<String, Existing> existing = new HashMap<>();
		client.sql("select record_id, content_sha1, work_id from bib_record where site_id = :site and record_id = any(:ids)")
			.param("site", siteId)
			.param("ids", recordIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				existing.put(rs.getString(1), new Existing(rs.getString(2), rs.getString(3)));
			});
		return existing;
	}

	/** The works these keys already belong to. */
	public Map<String, String> worksOfKeys(Collection<String> keys) {
		Map<String, String> works = new HashMap<>();
		client.sql("select key, work_id from work_key where key = any(:keys)")
			.param("keys", keys.toArray(String[]::new))
			.query((ResultSet rs) -> {
				works.put(rs.getString(1), rs.getString(2));
			});
		return works;
	}

	/** Creates these works (when new) and points their keys at them (when not yet taken). */
	public void addWorks(Map<String, String> workOfKey) {
		if (workOfKey.isEmpty()) {
			return;
		}
		client.sql("insert into work (id) select unnest(:ids::text[]) on conflict do nothing")
			.param("ids", workOfKey.values().stream().distinct().toArray(String[]::new))
			.update();
		client.sql("insert into work_key (key, work_id) select * from unnest(:keys::text[], :works::text[]) on conflict do nothing")
			.param("keys", workOfKey.keySet().toArray(String[]::new))
			.param("works", workOfKey.values().toArray(String[]::new))
			.update();
	}

	/**
	 * Inserts or replaces these records of one site, with their items. Records new to the site go in by COPY (a
	 * first load is all new records); the others are upserted. Callers hold {@link #lockSite}, so no other
	 * transaction adds a record the caller saw as new meanwhile.
	 */
	public void saveRecords(String siteId, List<Placed> records, long runId) {
		List<Placed> added = records.stream().filter(Placed::newToSite).toList();
		List<Placed> changed = records.stream().filter(placed -> !placed.newToSite()).toList();
		if (!added.isEmpty()) {
			writes.copy(siteId, added, runId);
		}
		if (!changed.isEmpty()) {
			writes.upsert(siteId, changed, runId);
			// a new record has no copies yet; a changed one's copies are replaced by those it lists now
			client.sql("delete from item where site_id = :site and record_id = any(:ids)")
				.param("site", siteId)
				.param("ids", changed.stream().map(p -> p.stored().record().recordId()).toArray(String[]::new))
				.update();
		}
		writes.items(siteId, records);
	}

	/**
	 * Notes that these works changed now (records or copies stored, changed or removed; availability): the time is
	 * their OAI-PMH datestamp. One update per work, in the caller's transaction, in id order (the ingest and the
	 * availability indexer lock works the same way round). The clock is read at the update, not at the transaction's
	 * start, so a datestamp is at most the rest of its transaction older than the commit that publishes it.
	 */
	public void markChanged(Collection<String> workIds) {
		if (workIds.isEmpty()) {
			return;
		}
		client.sql("update work set changed_at = clock_timestamp() where id = any(:ids)")
			.param("ids", workIds.stream().distinct().sorted().toArray(String[]::new))
			.update();
	}

	/** Marks records read again unchanged as seen by this run, so a full run keeps them. */
	public void touch(String siteId, Collection<String> recordIds, long runId) {
		client.sql("update bib_record set last_run = :run where site_id = :site and record_id = any(:ids)")
			.param("run", runId)
			.param("site", siteId)
			.param("ids", recordIds.toArray(String[]::new))
			.update();
	}

	/** Deletes these records of a site with their copies; returns the work of each deleted record. */
	public List<String> delete(String siteId, Collection<String> recordIds) {
		return client.sql("""
				with gone as (delete from bib_record where site_id = :site and record_id = any(:ids) returning record_id, work_id),
				     copies as (delete from item i using gone where i.site_id = :site and i.record_id = gone.record_id)
				select work_id from gone""")
			.param("site", siteId)
			.param("ids", recordIds.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** Deletes the site's records that this run did not see, with their copies; returns the works they belonged to. */
	public List<String> deleteNotSeen(String siteId, long runId) {
		return client.sql("""
				with gone as (delete from bib_record where site_id = :site and last_run <> :run returning record_id, work_id),
				     copies as (delete from item i using gone where i.site_id = :site and i.record_id = gone.record_id)
				select work_id from gone""")
			.param("site", siteId)
			.param("run", runId)
			.query(String.class)
			.list();
	}

	/** The records of the works {@code :works} with their copies and states, a row per copy, a record's rows together. */
	static final String RECORDS_WITH_COPIES = """
			from bib_record r
			left join item i on i.site_id = r.site_id and i.record_id = r.record_id
			left join item_state st on st.site_id = i.site_id and st.barcode = i.barcode
			where r.work_id = any(:works)
			order by r.work_id, r.site_id, r.record_id, i.barcode""";

	/** Every record and item of these works, with the holding sites' facts and each record's source format, by work. */
	public Map<String, List<HeldRecord>> load(Collection<String> workIds) {
		Map<String, List<HeldRecord>> works = new LinkedHashMap<>();
		Map<String, HoldingSite> sites = sites();
		// one query: each record with its copies (one row per copy, a record's rows together); the source bytes are
		// not read, a work's rebuild needs none
		RecordRows rows = new RecordRows();
		client.sql("""
				select r.site_id, r.record_id, r.work_id, r.version, r.title, r.other_titles, r.authors, r.isbns,
				       r.publisher, r.year, r.language, r.format, r.classification, r.subjects,
				       i.barcode, i.call_number, i.location, i.status, st.status, st.at_site, st.destination,
				       r.source_format, r.links
				""" + RECORDS_WITH_COPIES)
			.param("works", workIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				String siteId = rs.getString(1);
				String recordId = rs.getString(2);
				if (!rows.isAt(siteId, recordId)) {
					rows.finish(works, sites);
					rows.start(siteId, recordId, rs.getString(3), new BibRecord(siteId, recordId, rs.getString(4),
							rs.getString(5), strings(rs.getArray(6)), strings(rs.getArray(7)), strings(rs.getArray(8)),
							rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13),
							strings(rs.getArray(14)), List.of(), strings(rs.getArray(23))), rs.getString(22));
				}
				String barcode = rs.getString(15);
				if (barcode != null) {
					rows.items.add(new Item(barcode, rs.getString(16), rs.getString(17), rs.getString(18)));
					if (rs.getString(19) != null) {
						rows.states.put(barcode, new ItemState(rs.getString(19), rs.getString(20), rs.getString(21)));
					}
				}
			});
		rows.finish(works, sites);
		return works;
	}

	/** The record {@link #load} is reading, with the copies read so far. */
	private static final class RecordRows {

		private String siteId;

		private String recordId;

		private String workId;

		private BibRecord record;

		private String sourceFormat;

		private List<Item> items = new ArrayList<>();

		private Map<String, ItemState> states = new HashMap<>();

		boolean isAt(String site, String id) {
			return site.equals(siteId) && id.equals(recordId);
		}

		void start(String site, String id, String work, BibRecord fields, String format) {
			siteId = site;
			recordId = id;
			workId = work;
			record = fields;
			sourceFormat = format;
			items = new ArrayList<>();
			states = new HashMap<>();
		}

		void finish(Map<String, List<HeldRecord>> works, Map<String, HoldingSite> sites) {
			if (record == null) {
				return;
			}
			HoldingSite site = sites.getOrDefault(siteId, HoldingSite.unknown(siteId));
			works.computeIfAbsent(workId, w -> new ArrayList<>()).add(new HeldRecord(record.withItems(items), site, states,
					sourceFormat));
			record = null;
		}

	}

	private static final long SITES_KEPT_MILLIS = 10_000;

	private volatile CachedSites cachedSites = new CachedSites(Map.of(), 0);

	/**
	 * Every site's facts for holdings (kind, township, service lines, place), by id. Read for every ingest batch and
	 * every search near a place, so kept for 10 s; {@link #forgetSites()} after the table changes.
	 */
	public Map<String, HoldingSite> sites() {
		CachedSites cached = cachedSites;
		if (System.currentTimeMillis() - cached.loadedAt() > SITES_KEPT_MILLIS) {
			Map<String, HoldingSite> sites = new HashMap<>();
			client.sql("select id, kind, township, service_lines, lat, lon from catalog_site").query((ResultSet rs) -> {
				sites.put(rs.getString(1), new HoldingSite(rs.getString(1), rs.getString(2), rs.getString(3),
						strings(rs.getArray(4)), rs.getDouble(5), rs.getDouble(6)));
			});
			cached = new CachedSites(Map.copyOf(sites), System.currentTimeMillis());
			cachedSites = cached;
		}
		return cached.byId();
	}

	/** The sites' table changed on this node: read it again on next use. */
	public void forgetSites() {
		cachedSites = new CachedSites(Map.of(), 0);
	}

	private record CachedSites(Map<String, HoldingSite> byId, long loadedAt) {
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/** What is stored of a record: its content hash and work. */
	public record Existing(String contentSha1, String workId) {
	}

	/** A record with the work it goes to, and whether its site had it before. */
	public record Placed(StoredRecord stored, String workId, boolean newToSite) {
	}

	/**
	 * A record of a work, with the site that holds it, the circulation state of its copies (by barcode) and the format
	 * it came in as ({@link StoredRecord#sourceFormat()}; empty when the caller did not say).
	 */
	public record HeldRecord(BibRecord record, HoldingSite site, Map<String, ItemState> states, String sourceFormat) {

		public HeldRecord(BibRecord record, HoldingSite site, Map<String, ItemState> states) {
			this(record, site, states, "");
		}

		public HeldRecord(BibRecord record, HoldingSite site) {
			this(record, site, Map.of());
		}

		/** The record's copies, with their states and site. */
		public HeldCopies copies() {
			return new HeldCopies(record.siteId(), site, record.items(), states);
		}

	}

	/**
	 * One record's copies: the site that holds them and its facts, the copies, and their circulation states by barcode
	 * (copies that never circulated are absent).
	 */
	public record HeldCopies(String siteId, HoldingSite site, List<Item> items, Map<String, ItemState> states) {
	}

	/** A holding site's facts for facets and distance; kind and place are null for a site the registry lacks. */
	public record HoldingSite(String id, String kind, String township, List<String> serviceLines, Double lat,
			Double lon) {

		/** The facts of a site the registry lacks: its id only. */
		public static HoldingSite unknown(String id) {
			return new HoldingSite(id, null, null, List.of(), null, null);
		}

	}

	/** The circulation state of these copies of one site, by barcode (copies that never circulated are absent). */
	public Map<String, ItemState> states(String siteId, Collection<String> barcodes) {
		Map<String, ItemState> states = new HashMap<>();
		if (barcodes.isEmpty()) {
			return states;
		}
		client.sql("select barcode, status, at_site, destination from item_state where site_id = :site and barcode = any(:codes)")
			.param("site", siteId)
			.param("codes", barcodes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				states.put(rs.getString(1), new ItemState(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return states;
	}

}
