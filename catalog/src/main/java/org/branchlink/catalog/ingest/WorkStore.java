package org.branchlink.catalog.ingest;

import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
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

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records, items and works in PostgreSQL, in batches. Callers hold the transaction. */
@Component
public class WorkStore {

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	WorkStore(JdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/** The advisory lock that {@link #lockWorkMerging()} takes ("BLWORKS" in ASCII). */
	private static final long WORK_MERGING_LOCK = 0x424c574f524b53L;

	/** The first half of the advisory lock {@link #lockSite} takes ("BLRE" in ASCII); the site's hash is the second. */
	private static final int SITE_RECORDS_LOCK = 0x424c5245;

	/**
	 * Serialises work merging until the caller's transaction ends: two runs storing at once (two sites' connectors, a
	 * bulk load's readers, two nodes) could otherwise both create the same new work, each under a different key of
	 * it, and split it. Taken first in the transaction, so no row lock comes before it.
	 */
	public void lockWorkMerging() {
		jdbc.queryForList("select pg_advisory_xact_lock(?)", WORK_MERGING_LOCK);
	}

	/**
	 * Serialises the storing of one site's records until the caller's transaction ends (other sites go on), so what
	 * {@link #existing} answers stays true until the records are saved. Taken first in the transaction.
	 */
	public void lockSite(String siteId) {
		jdbc.queryForList("select pg_advisory_xact_lock(?, hashtext(?))", SITE_RECORDS_LOCK, siteId);
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
			copyRecords(siteId, added, runId);
		}
		if (!changed.isEmpty()) {
			upsertRecords(siteId, changed, runId);
			// a new record has no copies yet; a changed one's copies are replaced by those it lists now
			client.sql("delete from item where site_id = :site and record_id = any(:ids)")
				.param("site", siteId)
				.param("ids", changed.stream().map(p -> p.stored().record().recordId()).toArray(String[]::new))
				.update();
		}
		saveItems(siteId, records);
	}

	private static final String RECORD_COLUMNS = """
			site_id, record_id, version, content_sha1, work_id, title, other_titles, authors, isbns, publisher, year,
			language, format, classification, subjects, source_format, source, last_run""";

	private void copyRecords(String siteId, List<Placed> records, long runId) {
		CopyRows rows = new CopyRows();
		for (Placed placed : records) {
			BibRecord r = placed.stored().record();
			rows.text(siteId).text(r.recordId()).text(r.version()).text(placed.stored().contentSha1())
				.text(placed.workId()).text(r.title()).array(r.otherTitles()).array(r.authors()).array(r.isbns())
				.text(r.publisher()).number(r.year()).text(r.language()).text(r.format()).text(r.classification())
				.array(r.subjects()).text(placed.stored().sourceFormat()).bytes(placed.stored().source())
				.number(runId)
				.endRow();
		}
		jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bib_record (" + RECORD_COLUMNS + ") from stdin", rows.content());
			}
			catch (IOException ex) {
				throw new SQLException("could not copy " + rows.rows() + " records to PostgreSQL", ex);
			}
		});
	}

	private void upsertRecords(String siteId, List<Placed> records, long runId) {
		jdbc.batchUpdate("insert into bib_record (" + RECORD_COLUMNS + """
				, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (site_id, record_id) do update set version = excluded.version,
				    content_sha1 = excluded.content_sha1, work_id = excluded.work_id, title = excluded.title,
				    other_titles = excluded.other_titles, authors = excluded.authors, isbns = excluded.isbns,
				    publisher = excluded.publisher, year = excluded.year, language = excluded.language,
				    format = excluded.format, classification = excluded.classification, subjects = excluded.subjects,
				    source_format = excluded.source_format, source = excluded.source, last_run = excluded.last_run,
				    updated_at = now()""", records, 1000, (ps, placed) -> {
			BibRecord r = placed.stored().record();
			ps.setString(1, siteId);
			ps.setString(2, r.recordId());
			ps.setString(3, r.version());
			ps.setString(4, placed.stored().contentSha1());
			ps.setString(5, placed.workId());
			ps.setString(6, r.title());
			ps.setArray(7, array(ps, r.otherTitles()));
			ps.setArray(8, array(ps, r.authors()));
			ps.setArray(9, array(ps, r.isbns()));
			ps.setString(10, r.publisher());
			ps.setInt(11, r.year());
			ps.setString(12, r.language());
			ps.setString(13, r.format());
			ps.setString(14, r.classification());
			ps.setArray(15, array(ps, r.subjects()));
			ps.setString(16, placed.stored().sourceFormat());
			ps.setBytes(17, placed.stored().source());
			ps.setLong(18, runId);
		});
	}

	/** The records' copies, one statement: a barcode the site already has moves to the record that lists it now. */
	private void saveItems(String siteId, List<Placed> records) {
		// a barcode is one copy of the site: when two records claim it, the later one has it (as across batches)
		Map<String, Object[]> items = new LinkedHashMap<>();
		for (Placed placed : records) {
			for (Item item : placed.stored().record().items()) {
				items.remove(item.barcode());
				items.put(item.barcode(), new Object[] { item.barcode(), placed.stored().record().recordId(),
						item.callNumber(), item.location(), item.status(),
						item.acquired() == null ? null : item.acquired().toString() });
			}
		}
		if (items.isEmpty()) {
			return;
		}
		String[][] columns = new String[6][items.size()];
		int row = 0;
		for (Object[] item : items.values()) {
			for (int column = 0; column < 6; column++) {
				columns[column][row] = (String) item[column];
			}
			row++;
		}
		client.sql("""
				insert into item (site_id, barcode, record_id, call_number, location, status, acquired_on)
				select :site, * from unnest(:barcodes::text[], :records::text[], :calls::text[], :locations::text[],
				    :statuses::text[], :acquired::date[])
				on conflict (site_id, barcode) do update set record_id = excluded.record_id,
				    call_number = excluded.call_number, location = excluded.location, status = excluded.status,
				    acquired_on = excluded.acquired_on""")
			.param("site", siteId)
			.param("barcodes", columns[0])
			.param("records", columns[1])
			.param("calls", columns[2])
			.param("locations", columns[3])
			.param("statuses", columns[4])
			.param("acquired", columns[5])
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

	/** Every record and item of these works, with the holding sites' facts, grouped by work. */
	public Map<String, List<HeldRecord>> load(Collection<String> workIds) {
		Map<String, List<HeldRecord>> works = new LinkedHashMap<>();
		Map<String, List<HeldItem>> itemsByRecord = new HashMap<>();
		client.sql("""
				select i.site_id, i.record_id, i.barcode, i.call_number, i.location, i.status,
				       s.status as state, s.at_site, s.destination
				from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode
				where r.work_id = any(:works)""")
			.param("works", workIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				ItemState state = rs.getString(7) == null ? null
						: new ItemState(rs.getString(7), rs.getString(8), rs.getString(9));
				itemsByRecord.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
					.add(new HeldItem(new Item(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), state));
			});
		client.sql("""
				select r.site_id, r.record_id, r.work_id, r.version, r.title, r.other_titles, r.authors, r.isbns, r.publisher,
				       r.year, r.language, r.format, r.classification, r.subjects, -- not the source: a work's rebuild needs none
				       s.kind as site_kind, s.township, s.service_lines, s.lat, s.lon
				from bib_record r left join catalog_site s on s.id = r.site_id
				where r.work_id = any(:works) order by r.work_id, r.site_id, r.record_id""")
			.param("works", workIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				String siteId = rs.getString("site_id");
				String recordId = rs.getString("record_id");
				List<HeldItem> held = itemsByRecord.getOrDefault(siteId + "\u0000" + recordId, List.of());
				BibRecord record = new BibRecord(siteId, recordId, rs.getString("version"), rs.getString("title"),
						strings(rs.getArray("other_titles")), strings(rs.getArray("authors")),
						strings(rs.getArray("isbns")), rs.getString("publisher"), rs.getInt("year"),
						rs.getString("language"), rs.getString("format"), rs.getString("classification"),
						strings(rs.getArray("subjects")), held.stream().map(HeldItem::item).toList());
				Map<String, ItemState> states = new HashMap<>();
				held.stream().filter(h -> h.state() != null).forEach(h -> states.put(h.item().barcode(), h.state()));
				Double lat = rs.getObject("lat") == null ? null : rs.getDouble("lat");
				Double lon = rs.getObject("lon") == null ? null : rs.getDouble("lon");
				HoldingSite site = new HoldingSite(siteId, rs.getString("site_kind"), rs.getString("township"),
						rs.getArray("service_lines") == null ? List.of() : strings(rs.getArray("service_lines")), lat, lon);
				works.computeIfAbsent(rs.getString("work_id"), w -> new ArrayList<>()).add(new HeldRecord(record, site, states));
			});
		return works;
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

	private static Array array(PreparedStatement ps, List<String> values) throws SQLException {
		return ps.getConnection().createArrayOf("text", values.toArray());
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

	/** A record of a work, with the site that holds it and the circulation state of its copies (by barcode). */
	public record HeldRecord(BibRecord record, HoldingSite site, Map<String, ItemState> states) {

		public HeldRecord(BibRecord record, HoldingSite site) {
			this(record, site, Map.of());
		}

	}

	/** A holding site's facts for facets and distance; kind and place are null for a site the registry lacks. */
	public record HoldingSite(String id, String kind, String township, List<String> serviceLines, Double lat,
			Double lon) {
	}

	private record HeldItem(Item item, ItemState state) {
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
