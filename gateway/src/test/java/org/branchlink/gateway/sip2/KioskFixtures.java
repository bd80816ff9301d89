package org.branchlink.gateway.sip2;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ItemRef;
import org.branchlink.catalog.SearchPage.Holding;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Copies that have never circulated, new readers, and what search shows, for the SIP2 tests on the demo county. */
final class KioskFixtures {

	private final JdbcClient jdbc;

	private final ReaderRegistry readers;

	private final CatalogSearch search;

	KioskFixtures(JdbcClient jdbc, ReaderRegistry readers, CatalogSearch search) {
		this.jdbc = jdbc;
		this.readers = readers;
		this.search = search;
	}

	/** Copies owned by this site (or, with {@code owner} false, by other township stations) that never circulated. */
	List<ItemRef> freshCopies(String site, boolean owner, int n) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				join catalog_site s on s.id = i.site_id
				where (case when :owner then i.site_id = :site else i.site_id <> :site and s.kind = 'township_station' end)
				  and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode) limit :n""")
			.param("site", site)
			.param("owner", owner)
			.param("n", n)
			.query((rs, row) -> new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Reader reader(String name) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1985, 1, 2), "adult", "baishi", null,
				false, null, null, null));
	}

	void awaitInSearch(ItemRef item, String status) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Holding holding = search.work(item.workId()).orElseThrow().holdings().stream()
				.filter(h -> h.barcode().equals(item.barcode())).findFirst().orElseThrow();
			assertThat(holding.status()).isEqualTo(status);
		});
	}

}
