package org.branchlink.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.CopyHolds;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The configurable queue order ({@code pickup-site-first}, on a hold service made with that policy) and age
 * protection end to end: a new acquisition pushed with its date is kept for its township's readers, even when a reader
 * elsewhere asked first.
 */
class HoldQueueOrderTests extends IntegrationTest {

	@Autowired
	HoldPolicy policy;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SiteDirectory sites;

	@Autowired
	CopyHolds copyHolds;

	@Autowired
	NotificationSender notifications;

	@Autowired
	Clock clock;

	@Autowired
	HoldCopies copyQueries;

	@Autowired
	HoldStore store;

	@Autowired
	CatalogCopies catalogCopies;

	@Autowired
	HoldQueue holds;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	LendingDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private Reader reader(String name, String home) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1985, 6, 1), "adult", home, null, false,
				null, null, null));
	}

	@Test
	void aCopyBackInHandGoesFirstToAHoldCollectedWhereItIs() {
		var copy = jdbc.sql("""
				select r.work_id, i.site_id, i.barcode from bib_record r join item i on i.site_id = r.site_id
				    and i.record_id = r.record_id
				where i.status = 'available' and i.site_id not in ('central-library')
				  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				  and r.work_id in (select r2.work_id from bib_record r2 join item i2 on i2.site_id = r2.site_id
				      and i2.record_id = r2.record_id group by r2.work_id having count(*) = 1)
				order by md5(i.barcode) limit 1""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		String work = copy[0], site = copy[1], barcode = copy[2];
		desk.checkout(site, reader("借走的读者", site).cardNumber(), barcode);
		HoldQueue.HoldView elsewhere = holds.place(reader("先预约的读者", "baishi"), work, null, "central-library");
		HoldQueue.HoldView here = holds.place(reader("本馆取书的读者", site), work, null, site);
		assertThat(elsewhere.status()).isEqualTo("waiting");
		assertThat(here.status()).isEqualTo("waiting");

		HoldPolicy pickupFirst = new HoldPolicy(policy.perReader(), policy.closedSites(), policy.localDays(),
				policy.loadWeight(), policy.overrides(), policy.pickupDays(), HoldPolicy.QueueOrder.PICKUP_SITE_FIRST);
		HoldQueue service = new HoldQueue(store, catalogCopies, transactions, sites, pickupFirst, clock, copyHolds, notifications,
				copyQueries);
		var claimed = service.claim(new ItemRef(site, barcode, work), site, Instant.now());
		assertThat(claimed).as("the copy came back where the second hold is collected").isPresent();
		assertThat(claimed.get().holdId()).isEqualTo(Long.toString(here.id()));
		assertThat(holds.view(elsewhere.id()).status()).as("first placed, but collected elsewhere").isEqualTo("waiting");
		assertThat(policy.queueOrder()).as("the default order").isEqualTo(HoldPolicy.QueueOrder.FIFO);
	}

	@Test
	void aNewAcquisitionIsKeptForReadersOfItsOwnTownship() throws Exception {
		String barcode = "NEW" + System.nanoTime();
		String json = "[{\"id\":\"new-acq-1\",\"title\":\"乡村振兴新书\",\"authors\":[\"新作者\"],\"year\":2026,\"items\":[{\"barcode\":\""
				+ barcode + "\",\"callNumber\":\"F32/1\",\"acquired\":\"" + LocalDate.now().minusDays(3) + "\"}]}]";
		mvc.perform(post("/api/sites/longhu/records").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select acquired_on from item where barcode = :b").param("b", barcode)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.now().minusDays(3));
		String work = jdbc.sql("select work_id from bib_record where site_id = 'longhu' and record_id = 'new-acq-1'")
			.query(String.class).single();

		HoldQueue.HoldView outsider = holds.place(reader("外乡读者", "baishi"), work, null, "baishi");
		assertThat(outsider.status()).as("kept for Longhu's readers for its first days").isEqualTo("waiting");
		HoldQueue.HoldView local = holds.place(reader("龙湖读者", "longhu"), work, null, "longhu");
		assertThat(local.status()).isIn("allocated", "ready");
	}

}
