package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationAction;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Copies that have never circulated, readers, and events, for lending tests on the demo county. */
final class LendingFixtures {

	private final JdbcClient jdbc;

	private final ReaderRegistry readers;

	LendingFixtures(JdbcClient jdbc, ReaderRegistry readers) {
		this.jdbc = jdbc;
		this.readers = readers;
	}

	/** Copies of sites of this kind that have never circulated (each test takes its own). */
	List<ItemRef> freshCopies(String siteKind, int n) {
		return freshCopiesWhere("s.kind = :site", siteKind, n);
	}

	/** Copies of one site that never circulated and whose barcode no other site uses. */
	List<ItemRef> freshCopiesOf(String siteId, int n) {
		return freshCopiesWhere("s.id = :site", siteId, n);
	}

	private List<ItemRef> freshCopiesWhere(String site, String value, int n) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				join catalog_site s on s.id = i.site_id
				where %s and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  -- no other test's hold waits for the title (a return would go to it) and no transfer holds the copy
				  and not exists (select 1 from hold h where h.work_id = r.work_id and h.closed_at is null)
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode) limit :n""".formatted(site))
			.param("site", value)
			.param("n", n)
			.query((rs, row) -> new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Reader reader(boolean keepHistory) {
		return readers.register(new ReaderRegistry.Registration("测试读者", LocalDate.of(1985, 1, 2), "adult", "baishi",
				null, keepHistory, null, null, null));
	}

	static CirculationEvent event(String site, String id, CirculationAction type, Instant at, String barcode, String card) {
		return new CirculationEvent(site, id, type, at, barcode, null, card, null, null);
	}

}
