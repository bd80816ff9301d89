package org.branchlink.catalog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's copies as the other modules read them: the copies of a work on a shelf now, a copy's title, call
 * number and where it stands, a work's title, what each site holds. The catalogue owns the tables behind this
 * ({@code item}, {@code bib_record}, {@code item_state}); no other module names them in SQL.
 */
@Component
public class CatalogCopies {

	/** A copy's state where lending has recorded none: its holdings' status at its owning site. */
	private static final String CURRENT = """
			coalesce(s.status, i.status) as status, coalesce(s.at_site, i.site_id) as shelf""";

	private final JdbcClient jdbc;

	CatalogCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A copy's identity without its work.
	 *
	 * @param siteId its owning site
	 * @param barcode its barcode
	 */
	public record CopyId(String siteId, String barcode) {

		public static CopyId of(ItemRef copy) {
			return new CopyId(copy.siteId(), copy.barcode());
		}

	}

	/**
	 * A copy on a shelf now.
	 *
	 * @param copy the copy
	 * @param shelfSite the site whose shelf it is on (its owner's, or where it was last returned)
	 * @param acquiredOn when its holdings say it was acquired, or null
	 */
	public record ShelfCopy(ItemRef copy, String shelfSite, LocalDate acquiredOn) {
	}

	/**
	 * A copy as a desk, a pull list or a slip shows it.
	 *
	 * @param copy the copy
	 * @param title its record's title
	 * @param callNumber its call number
	 * @param location its shelving location
	 * @param status its circulation status now ({@link ItemState} names, or the holdings' status)
	 * @param shelfSite where it stands now (its owner's site unless lending moved it)
	 */
	public record CopyDetails(ItemRef copy, String title, String callNumber, String location, String status,
			String shelfSite) {
	}

	/** The work's copies that are available on a shelf now, in site and barcode order. */
	public List<ShelfCopy> onShelf(String workId) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id, coalesce(s.at_site, i.site_id), i.acquired_on
				from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode
				where r.work_id = :work and coalesce(s.status, i.status) = 'available'
				order by i.site_id, i.barcode""")
			.param("work", workId)
			.query((rs, n) -> new ShelfCopy(new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)),
					rs.getString(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
			.list();
	}

	/** Whether the work has a copy acquired after the day (a partial index keeps this cheap: few copies are new). */
	public boolean acquiredAfter(String workId, LocalDate day) {
		return jdbc.sql("""
				select exists (select 1 from item i where i.acquired_on > :since and exists (select 1 from bib_record r
				    where r.site_id = i.site_id and r.record_id = i.record_id and r.work_id = :work))""")
			.param("since", Date.valueOf(day))
			.param("work", workId)
			.query(Boolean.class)
			.single();
	}

	/** One copy as a desk shows it, or empty when the catalogue has no such copy. */
	public Optional<CopyDetails> describe(String siteId, String barcode) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id, r.title, i.call_number, i.location, %s
				from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode
				where i.site_id = :site and i.barcode = :barcode""".formatted(CURRENT))
			.param("site", siteId)
			.param("barcode", barcode)
			.query(CatalogCopies::details)
			.optional();
	}

	/** These copies as a desk shows them, in the order asked; copies the catalogue does not have are absent. */
	public Map<CopyId, CopyDetails> describe(Collection<CopyId> copies) {
		if (copies.isEmpty()) {
			return Map.of();
		}
		Map<CopyId, CopyDetails> found = new HashMap<>();
		jdbc.sql("""
				select i.site_id, i.barcode, r.work_id, r.title, i.call_number, i.location, %s
				from unnest(cast(:sites as text[]), cast(:barcodes as text[])) as k(site_id, barcode)
				join item i on i.site_id = k.site_id and i.barcode = k.barcode
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode""".formatted(CURRENT))
			.param("sites", copies.stream().map(CopyId::siteId).toArray(String[]::new))
			.param("barcodes", copies.stream().map(CopyId::barcode).toArray(String[]::new))
			.query((ResultSet rs) -> {
				CopyDetails details = details(rs, 0);
				found.put(CopyId.of(details.copy()), details);
			});
		Map<CopyId, CopyDetails> ordered = new LinkedHashMap<>();
		for (CopyId copy : copies) {
			CopyDetails details = found.get(copy);
			if (details != null) {
				ordered.put(copy, details);
			}
		}
		return ordered;
	}

	/** A title for each work (the record of the first site holding it); works without records are absent. */
	public Map<String, String> titles(Collection<String> workIds) {
		if (workIds.isEmpty()) {
			return Map.of();
		}
		Map<String, String> titles = new HashMap<>();
		jdbc.sql("""
				select distinct on (work_id) work_id, title from bib_record where work_id = any(:works)
				order by work_id, site_id""")
			.param("works", workIds.stream().distinct().toArray(String[]::new))
			.query((ResultSet rs) -> {
				titles.put(rs.getString(1), rs.getString(2));
			});
		return titles;
	}

	/** A title for the work, when it has a record. */
	public Optional<String> title(String workId) {
		return Optional.ofNullable(titles(List.of(workId)).get(workId));
	}

	/** How many copies each site owns. */
	public Map<String, Long> copiesPerSite() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select site_id, count(*) from item group by site_id").query((ResultSet rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/** The first barcodes a site owns, in barcode order. */
	public List<String> barcodesAt(String siteId, int limit) {
		return jdbc.sql("select barcode from item where site_id = :site order by barcode limit :limit")
			.param("site", siteId)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** The site owning a copy with this barcode; when two sites use the same barcode, the first by site id. */
	public Optional<String> ownerOf(String barcode) {
		return jdbc.sql("select site_id from item where barcode = :b order by site_id limit 1")
			.param("b", barcode)
			.query(String.class)
			.optional();
	}

	private static CopyDetails details(ResultSet rs, int row) throws SQLException {
		return new CopyDetails(new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
	}

}
