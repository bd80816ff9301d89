package org.branchlink.gateway.circulation;

import java.time.LocalDate;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.SessionCookie;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The scan-first desk: the reader stays in a panel for a run of scans; a copy still lent to another reader is not
 * lent, a copy that was never lent is not "checked in" into transit; a checkin that must go elsewhere or wait for a
 * hold raises an alert whose slip names the site and the reader only by initial and card tail.
 */
class DeskTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	@Autowired
	LendingDesk desk;

	@Autowired
	HoldQueue holds;

	private RequestPostProcessor librarian() {
		return user(accounts.loadUserByUsername("librarian"));
	}

	private Reader reader(String name) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1980, 3, 4), "adult", "baishi", null, false,
				null, null, null));
	}

	@Test
	void theReaderStaysOnTheDeskForARunOfScansUntilTheNextReader() throws Exception {
		var copies = new LendingFixtures(jdbc, readers).freshCopiesOf("baishi", 2);
		Reader reader = reader("柜台读者");
		SessionCookie session = new SessionCookie();
		session.perform(mvc, post("/circulation/reader").with(librarian()).with(csrf())
			.param("site", "baishi").param("card", reader.cardNumber()))
			.andExpect(redirectedUrl("/circulation?site=baishi"));
		for (ItemRef copy : copies) {
			session.perform(mvc, post("/circulation/checkout").with(librarian()).with(csrf())
				.param("site", "baishi").param("barcode", copy.barcode()))
				.andExpect(flash().attribute("notice", containsString(copy.barcode())));
		}
		session.perform(mvc, get("/circulation").param("site", "baishi").with(librarian()))
			.andExpect(content().string(containsString("id=\"reader-panel\"")))
			.andExpect(content().string(containsString("柜台读者")))
			.andExpect(content().string(containsString("data-barcode=\"" + copies.get(0).barcode() + "\"")))
			.andExpect(content().string(containsString("data-barcode=\"" + copies.get(1).barcode() + "\"")))
			.andExpect(content().string(containsString("在借 2/")));

		session.perform(mvc, post("/circulation/reader/clear").with(librarian()).with(csrf()).param("site", "baishi"))
			.andExpect(flash().attributeExists("notice"));
		session.perform(mvc, get("/circulation").param("site", "baishi").with(librarian()))
			.andExpect(content().string(containsString("id=\"reader-form\"")))
			.andExpect(content().string(not(containsString("柜台读者"))));
		session.perform(mvc, post("/circulation/checkout").with(librarian()).with(csrf())
			.param("site", "baishi").param("barcode", copies.get(0).barcode()))
			.andExpect(flash().attribute("refused", containsString("读者证")));
	}

	@Test
	void aCopyOnLoanToAnotherReaderIsNotLentAndANeverLentCopyIsNotCheckedIn() throws Exception {
		var copies = new LendingFixtures(jdbc, readers).freshCopiesOf("baishi", 2);
		Reader first = reader("先借的读者");
		Reader second = reader("后来的读者");
		desk.checkout("baishi", first.cardNumber(), copies.get(0).barcode());
		mvc.perform(post("/circulation/checkout").with(librarian()).with(csrf())
			.param("site", "baishi").param("card", second.cardNumber()).param("barcode", copies.get(0).barcode()))
			.andExpect(flash().attribute("refused", containsString("仍借给另一位读者")));
		assertThat(jdbc.sql("select card from loan where barcode = :b and returned_at is null")
			.param("b", copies.get(0).barcode()).query(String.class).single()).isEqualTo(first.cardNumber());

		mvc.perform(post("/circulation/checkin").with(librarian()).with(csrf())
			.param("site", "baishi").param("barcode", copies.get(1).barcode()))
			.andExpect(flash().attribute("refused", containsString("没有借出")));
		assertThat(jdbc.sql("select count(*) from circulation_event where barcode = :b")
			.param("b", copies.get(1).barcode()).query(Integer.class).single()).as("nothing recorded").isZero();
	}

	@Test
	void aCopyOfAnotherSiteCheckedInHereRaisesARoutingSlip() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopiesOf("central-library", 1).get(0);
		desk.checkout("baishi", reader("还书的读者").cardNumber(), copy.barcode());
		MvcResult result = mvc.perform(post("/circulation/checkin").with(librarian()).with(csrf())
			.param("site", "baishi").param("barcode", copy.barcode()))
			.andExpect(flash().attributeExists("alert"))
			.andReturn();
		DeskPanel.CheckinAlert alert = (DeskPanel.CheckinAlert) result.getFlashMap().get("alert");
		assertThat(alert.kind()).isEqualTo("route");
		assertThat(alert.toSite()).isEqualTo("central-library");
		assertThat(alert.barcode()).isEqualTo(copy.barcode());
	}

	@Test
	void aCopyAReaderWaitsForRaisesAHoldSlipWithTheirInitialOnly() throws Exception {
		String[] copy = jdbc.sql("""
				select r.work_id, i.barcode from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.site_id = 'central-library' and i.status = 'available'
				  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				  and r.work_id in (select r2.work_id from bib_record r2 join item i2 on i2.site_id = r2.site_id
				      and i2.record_id = r2.record_id group by r2.work_id having count(*) = 1)
				order by md5(i.barcode) limit 1""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		desk.checkout("baishi", reader("借着的读者").cardNumber(), copy[1]);
		Reader waiting = reader("欧阳等书");
		assertThat(holds.place(waiting, copy[0], null, "baishi").status()).isEqualTo("waiting");

		MvcResult result = mvc.perform(post("/circulation/checkin").with(librarian()).with(csrf())
			.param("site", "baishi").param("barcode", copy[1]))
			.andExpect(flash().attributeExists("alert"))
			.andReturn();
		DeskPanel.CheckinAlert alert = (DeskPanel.CheckinAlert) result.getFlashMap().get("alert");
		assertThat(alert.kind()).isEqualTo("hold");
		assertThat(alert.toSite()).isEqualTo("baishi");
		assertThat(alert.shelfBy()).isNotNull();
		String card = waiting.cardNumber();
		assertThat(alert.readerMark()).startsWith("欧").endsWith(card.substring(card.length() - 4))
			.doesNotContain("欧阳等书").doesNotContain(card);
	}

}
