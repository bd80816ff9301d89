package org.branchlink.gateway.holds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.Assertions;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.CopyHolds;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Holds placed through the API and the service, on the demo catalogue. */
class HoldTests extends IntegrationTest {

	@Autowired
	HoldQueue holds;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	LendingDesk desk;

	@Autowired
	HoldShelf shelf;

	@Autowired
	CopyHolds copyHolds;

	/** Works with exactly one copy, on a shelf, never circulated or held. */
	private List<String> singleCopyWorks(int n) {
		return jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.status = 'available' and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				group by r.work_id having count(*) = 1 order by md5(r.work_id) limit :n""")
			.param("n", n).query(String.class).list();
	}

	private Reader reader(int i) {
		return readers.register(new ReaderRegistry.Registration("预约读者" + i, LocalDate.of(1990, 1, 1), "adult", "baishi",
				null, false, null, null, null));
	}

	@Test
	void aReaderHoldsATitleAndACopyOnAShelfIsAllocatedAtOnce() throws Exception {
		String work = singleCopyWorks(1).get(0);
		mvc.perform(post("/api/holds").with(httpBasic("reader", "demo-reader")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workId\":\"" + work + "\",\"pickupSite\":\"baishi\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("allocated"));
		mvc.perform(get("/api/me/holds").with(httpBasic("reader", "demo-reader")))
			.andExpect(jsonPath("$[?(@.workId == '" + work + "')].status").value("allocated"));
		mvc.perform(post("/api/holds").with(httpBasic("librarian", "demo-librarian")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"workId\":\"" + work + "\",\"pickupSite\":\"baishi\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theReserveButtonOnAWorkPagePlacesAHoldShownOnMyHolds() throws Exception {
		String work = singleCopyWorks(1).get(0);
		var reader = SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("reader"));
		mvc.perform(get("/works/" + work).with(reader))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("reserve-form")));
		mvc.perform(post("/holds").with(reader).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).param("workId", work).param("pickupSite", "baishi"))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/my/holds"));
		mvc.perform(get("/my/holds").with(reader))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString(work)));
		mvc.perform(get("/works/" + work))
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.not(Matchers.containsString("reserve-form"))));
	}

	@Test
	void aHeldCopyTravelsToThePickupSiteIsReadyThereAndOnlyItsReaderBorrowsIt() {
		// a work with one copy only, away from the pickup site and never lent
		String work = jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where not exists (select 1 from hold h where h.work_id = r.work_id)
				group by r.work_id
				having count(*) = 1 and bool_and(i.status = 'available' and i.site_id <> 'baishi'
				  and not exists (select 1 from circulation_item c where c.barcode = i.barcode))
				order by md5(r.work_id) limit 1""").query(String.class).single();
		Reader holder = reader(5001);
		Reader other = reader(5002);
		HoldQueue.HoldView hold = holds.place(holder, work, null, "baishi");
		assertThat(hold.status()).isEqualTo("allocated");
		String site = hold.allocatedSite();
		String barcode = jdbc.sql("select allocated_barcode from hold where id = :id").param("id", hold.id())
			.query(String.class).single();
		Instant t = Instant.now().minusSeconds(3600);
		// the owning site pulls it and scans it in: it goes to the pickup site, not home
		desk.submit(batch(site, new CirculationEvent(site, "pull-" + hold.id(),
				CirculationAction.CHECKIN, t, barcode, null, null, null, null)));
		assertThat(holds.view(hold.id()).status()).isEqualTo("in_transit");
		desk.submit(batch("baishi", new CirculationEvent("baishi", "recv-" + hold.id(),
				CirculationAction.RECEIVE, t.plusSeconds(60), barcode, null, null, null, null)));
		assertThat(holds.view(hold.id()).status()).isEqualTo("ready");
		assertThat(jdbc.sql("select status from item_state where barcode = :b").param("b", barcode)
			.query(String.class).single()).isEqualTo("on_hold_shelf");
		// someone else borrows it (offline): the checkout stands, the hold goes back to its queue
		desk.submit(batch("baishi", new CirculationEvent("baishi", "co-" + hold.id(),
				CirculationAction.CHECKOUT, t.plusSeconds(120), barcode, null,
				other.cardNumber(), null, null)));
		assertThat(holds.view(hold.id()).status()).isEqualTo("waiting");
		// returned: the copy goes to the hold again, and its reader collects it
		desk.submit(batch("baishi", new CirculationEvent("baishi", "ci-" + hold.id(),
				CirculationAction.CHECKIN, t.plusSeconds(180), barcode, null, null, null, null)));
		assertThat(holds.view(hold.id()).status()).as("returned at the pickup site, the copy fills the waiting hold")
			.isEqualTo("ready");
		desk.submit(batch("baishi", new CirculationEvent("baishi", "co2-" + hold.id(),
				CirculationAction.CHECKOUT, t.plusSeconds(300), barcode, null,
				holder.cardNumber(), null, null)));
		assertThat(holds.view(hold.id()).status()).isEqualTo("collected");
	}

	@Test
	void anUncollectedHoldExpiresAndTheCopyGoesToTheNextHoldASuspendedOneWaits() throws Exception {
		String work = singleCopyWorks(1).get(0);
		Reader first = reader(6001);
		Reader suspended = reader(6002);
		Reader second = reader(6003);
		HoldQueue.HoldView a = holds.place(first, work, null, "baishi");
		HoldQueue.HoldView b = holds.place(suspended, work, null, "baishi");
		holds.suspend(suspended, b.id(), LocalDate.now().plusDays(30));
		HoldQueue.HoldView c = holds.place(second, work, null, "baishi");
		assertThat(a.status()).isEqualTo("allocated");
		String copySite = a.allocatedSite();
		String barcode = jdbc.sql("select allocated_barcode from hold where id = :id").param("id", a.id())
			.query(String.class).single();
		// on the pull list of the site whose shelf has it, for that site's librarians only
		mvc.perform(get("/api/sites/" + copySite + "/pull-list").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.holdId == " + a.id() + ")].pickupSite").value("baishi"));
		if (!copySite.equals("baishi")) {
			mvc.perform(get("/api/sites/" + copySite + "/pull-list").with(httpBasic("librarian", "demo-librarian")))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/holds/pull").param("site", copySite).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString(barcode)));
		Instant t = Instant.now().minusSeconds(600);
		desk.submit(batch("baishi", new CirculationEvent("baishi", "x-recv-" + a.id(),
				CirculationAction.RECEIVE, t, barcode, null, null, null, null)));
		assertThat(holds.view(a.id()).status()).isEqualTo("ready");
		jdbc.sql("update hold set expires_at = now() - interval '1 hour' where id = :id").param("id", a.id()).update();
		assertThat(shelf.expire(desk)).isEqualTo(1);
		assertThat(holds.view(a.id()).status()).isEqualTo("expired");
		assertThat(holds.view(b.id()).status()).as("suspended: skipped").isEqualTo("waiting");
		assertThat(holds.view(c.id()).status()).as("the copy was already at the pickup site").isEqualTo("ready");
	}

	@Test
	void anExpiryWhoseCheckinNeverLeftItsDeadNodeIsSentByTheNextRun() {
		String work = singleCopyWorks(1).get(0);
		HoldQueue.HoldView a = holds.place(reader(6101), work, null, "baishi");
		HoldQueue.HoldView next = holds.place(reader(6102), work, null, "baishi");
		String barcode = jdbc.sql("select allocated_barcode from hold where id = :id").param("id", a.id())
			.query(String.class).single();
		desk.submit(batch("baishi", new CirculationEvent("baishi", "x-recv-" + a.id(), CirculationAction.RECEIVE,
				Instant.now().minusSeconds(600), barcode, null, null, null, null)));
		assertThat(holds.view(a.id()).status()).isEqualTo("ready");
		// the expiry's transaction committed (the hold expired, its copy freed), then its node died: no check-in sent
		jdbc.sql("update hold set status = 'expired', closed_at = now() - interval '10 minutes' where id = :id")
			.param("id", a.id()).update();
		copyHolds.free(a.allocatedSite(), barcode, a.id());
		assertThat(holds.view(next.id()).status()).isEqualTo("waiting");

		assertThat(shelf.expire(desk)).as("nothing newly expired").isZero();

		assertThat(holds.view(next.id()).status()).as("the check-in sent again handed the copy on").isEqualTo("ready");
		assertThat(jdbc.sql("select count(*) from circulation_event where site_id = 'baishi' and event_id = :e")
			.param("e", "bl-expire-" + a.id()).query(Integer.class).single()).isEqualTo(1);
		shelf.expire(desk);
		assertThat(jdbc.sql("select count(*) from circulation_event where site_id = 'baishi' and event_id = :e")
			.param("e", "bl-expire-" + a.id()).query(Integer.class).single()).as("sent again: a duplicate").isEqualTo(1);
	}

	@Test
	void aCopyNotFoundOnTheShelfIsMarkedMissingAndTheHoldGetsAnotherCopy() {
		String work = jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.status = 'available' and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				group by r.work_id having count(*) = 2 order by md5(r.work_id) limit 1""").query(String.class).single();
		HoldQueue.HoldView hold = holds.place(reader(7001), work, null, "baishi");
		String first = jdbc.sql("select allocated_barcode from hold where id = :id").param("id", hold.id())
			.query(String.class).single();
		String site = hold.allocatedSite();
		desk.submit(batch(site, new CirculationEvent(site, "nf-" + hold.id(),
				CirculationAction.MISSING, Instant.now().minusSeconds(5), first, null, null,
				null, null)));
		assertThat(holds.view(hold.id()).status()).isEqualTo("allocated");
		assertThat(jdbc.sql("select allocated_barcode from hold where id = :id").param("id", hold.id())
			.query(String.class).single()).as("retargeted to the other copy").isNotEqualTo(first);
		assertThat(jdbc.sql("select status from item_state where barcode = :b").param("b", first).query(String.class)
			.single()).isEqualTo("missing");
	}

	private static CirculationBatch batch(String site,
			CirculationEvent event) {
		return new CirculationBatch(site, "test", List.of(event), List.of());
	}

	@Test
	void aReaderCannotHoldMoreThanTheLimit() {
		Reader reader = reader(-1);
		List<String> works = singleCopyWorks(11);
		for (int i = 0; i < 10; i++) {
			holds.place(reader, works.get(i), null, "baishi");
		}
		Assertions.assertThatThrownBy(() -> holds.place(reader, works.get(10), null, "baishi"))
			.hasMessageContaining("limit");
	}

	@Test
	void aThousandConcurrentHoldsOnTheLastCopyAllocateItOnce() throws Exception {
		String work = singleCopyWorks(1).get(0);
		List<Reader> people = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			people.add(reader(i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<HoldQueue.HoldView>> placed = new ArrayList<>();
			for (Reader reader : people) {
				placed.add(pool.submit(() -> holds.place(reader, work, null, "baishi")));
			}
			long allocatedByCallers = 0;
			for (Future<HoldQueue.HoldView> f : placed) {
				allocatedByCallers += f.get().status().equals("allocated") ? 1 : 0;
			}
			assertThat(allocatedByCallers).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from hold where work_id = :w and status = 'allocated'").param("w", work)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from hold where work_id = :w and status = 'waiting'").param("w", work)
			.query(Integer.class).single()).isEqualTo(999);
	}

}
