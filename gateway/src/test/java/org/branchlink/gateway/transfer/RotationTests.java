package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A cyclic rota between Baishi and one of its villages, with a copy held back for a waiting reader. */
class RotationTests extends IntegrationTest {

	@Autowired
	CollectionRotation rotations;

	@Autowired
	StockTransfers transfers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	HoldQueue holds;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	@Test
	void aCyclicRotaMovesItsBatchStageByStageAndHoldsBackACopyAReaderWaitsFor() throws Exception {
		String village = jdbc.sql("select id from catalog_site where township = (select township from catalog_site "
				+ "where id = 'baishi') and id <> 'baishi' order by id desc limit 1").query(String.class).single();
		List<String> copies = jdbc.sql("""
				select i.barcode from item i where i.site_id = 'baishi' and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				  -- no other test's hold waits for the title: the rotation would hold the copy back for it
				  and not exists (select 1 from hold h where h.closed_at is null and h.work_id = (select work_id
				                  from bib_record r where r.site_id = i.site_id and r.record_id = i.record_id))
				  and (select count(*) from item o join bib_record r2 on r2.site_id = o.site_id and r2.record_id = o.record_id
				       where r2.work_id = (select work_id from bib_record r where r.site_id = i.site_id
				                           and r.record_id = i.record_id)) = 1
				order by md5(i.barcode) limit 3""").query(String.class).list();
		long rota = rotations.createRota("admin", "白石流转", true,
				List.of(new CollectionRotation.Stage("baishi", 30), new CollectionRotation.Stage(village, 30)));
		LocalDate start = LocalDate.of(2026, 1, 1);
		long batch = rotations.startBatch(rota, copies, start);
		assertThat(rotations.advance(start.plusDays(29))).as("the stage is not over").isEmpty();

		// a reader's hold waits in the queue for the title of the third copy
		String work = jdbc.sql("select r.work_id from item i join bib_record r on r.site_id = i.site_id "
				+ "and r.record_id = i.record_id where i.barcode = :b").param("b", copies.get(2)).query(String.class).single();
		var waiting = readers.register(new ReaderRegistry.Registration("流转读者", LocalDate.of(1980, 1, 1), "adult",
				"baishi", null, false, null, null, null));
		jdbc.sql("insert into hold (card, work_id, pickup_site, status) values (:c, :w, 'baishi', 'waiting')")
			.param("c", waiting.cardNumber()).param("w", work).update();

		List<Long> first = rotations.advance(start.plusDays(30));
		assertThat(first).hasSize(1);
		assertThat(rotations.transferBarcodes(first.get(0))).containsExactlyInAnyOrderElementsOf(copies.subList(0, 2));
		assertThat(transfers.view(first.get(0)).status()).as("planned by central: no approval").isEqualTo("approved");
		transfers.ship(first.get(0), "librarian");
		transfers.receive(first.get(0), "librarian", copies.subList(0, 2));

		List<Long> back = rotations.advance(start.plusDays(60));
		assertThat(back).hasSize(1);
		StockTransfers.TransferView home = transfers.view(back.get(0));
		assertThat(home.fromSite()).isEqualTo(village);
		assertThat(home.toSite()).as("cyclic: back to the first stage").isEqualTo("baishi");
		assertThat(jdbc.sql("select stage from rotation_batch where id = :b").param("b", batch).query(Integer.class).single())
			.isZero();

		assertThat(scheduler.checkExists(JobKey.jobKey("advance", "rotations"))).as("the daily job is scheduled").isTrue();
		mvc.perform(post("/api/rotations/advance").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)).andExpect(status().isForbidden());
		var admin = SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("admin"));
		mvc.perform(MockMvcRequestBuilders.get("/rotas").with(admin))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("白石流转")));
		mvc.perform(post("/rotas").with(admin).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).param("name", "坏路线").param("stageSite", "baishi", "central-library").param("stageDays", "thirty", "30"))
			.andExpect(MockMvcResultMatchers.flash().attributeExists("refused"))
			.andExpect(MockMvcResultMatchers.flash().attribute("errors", Matchers.hasKey("days-0")));
		var librarian = SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("librarian"));
		mvc.perform(MockMvcRequestBuilders.get("/rotas").with(librarian))
			.andExpect(status().isForbidden());
	}

}
