package org.branchlink.gateway.circulation;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.SessionCookie;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.transfer.StockTransfers;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's look-ups: a reader found by name or card (any site's reader, shown only by name, card tail and home site;
 * every search audited with its count and never its text) and chosen into the panel; a copy found by barcode, with its
 * state and its history newest first, readers in it only as a card tail.
 */
class DeskLookupTests extends IntegrationTest {

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
	StockTransfers transfers;

	private RequestPostProcessor librarian() {
		return user(accounts.loadUserByUsername("librarian"));
	}

	private Reader reader(String name, String home) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1975, 8, 9), "adult", home, null, false,
				null, null, null));
	}

	private List<String> auditData() {
		return jdbc.sql("select data::text from audit_event where type = 'READER_LOOKUP' order by id desc")
			.query(String.class)
			.list();
	}

	@Test
	void aReaderOfAnySiteIsFoundByNameAuditedWithoutTheNameAndChosenIntoThePanel() throws Exception {
		Reader found = reader("司徒查找者", "central-library");
		reader("司徒查找者之弟", "baishi");
		SessionCookie session = new SessionCookie();
		MvcResult result = session.perform(mvc, post("/circulation/readers").with(librarian()).with(csrf())
			.param("site", "baishi").param("q", "司徒查找"))
			.andExpect(redirectedUrl("/circulation?site=baishi"))
			.andExpect(flash().attribute("notice", containsString("2")))
			.andReturn();
		ReaderLookup.Found answer = (ReaderLookup.Found) result.getFlashMap().get("found");
		assertThat(answer.by()).isEqualTo("name");
		assertThat(answer.matches()).extracting(ReaderLookup.Match::name).containsExactly("司徒查找者", "司徒查找者之弟");
		ReaderLookup.Match first = answer.matches().get(0);
		assertThat(first.cardTail()).isEqualTo("…" + found.cardNumber().substring(found.cardNumber().length() - 4));
		assertThat(first.homeSite()).isEqualTo("central-library");
		assertThat(auditData().get(0)).contains("\"results\": 2").contains("\"by\": \"name\"").doesNotContain("司徒");

		// a redirect's flash is for the URL it names, query string included
		session.perform(mvc, get("/circulation").queryParam("site", "baishi").with(librarian()))
			.andExpect(content().string(containsString("id=\"lookup-results\"")))
			.andExpect(content().string(containsString(first.cardTail())))
			.andExpect(content().string(not(containsString(found.cardNumber()))));

		session.perform(mvc, post("/circulation/readers/choose").with(librarian()).with(csrf())
			.param("site", "baishi").param("reader", Long.toString(first.id())))
			.andExpect(redirectedUrl("/circulation?site=baishi"));
		session.perform(mvc, get("/circulation").param("site", "baishi").with(librarian()))
			.andExpect(content().string(containsString("id=\"reader-panel\"")))
			.andExpect(content().string(containsString("司徒查找者")));
	}

	@Test
	void aReaderIsFoundByCardOrItsLastDigitsAndAnEmptyOrUnmatchedSearchIsAnswered() throws Exception {
		Reader reader = reader("按证查找", "baishi");
		MvcResult whole = mvc.perform(post("/circulation/readers").with(librarian()).with(csrf())
			.param("site", "baishi").param("q", " " + reader.cardNumber().toLowerCase() + " "))
			.andReturn();
		assertThat(((ReaderLookup.Found) whole.getFlashMap().get("found")).matches())
			.extracting(ReaderLookup.Match::id).containsExactly(reader.id());
		MvcResult tail = mvc.perform(post("/circulation/readers").with(librarian()).with(csrf())
			.param("site", "baishi").param("q", reader.cardNumber().substring(reader.cardNumber().length() - 7)))
			.andReturn();
		ReaderLookup.Found byTail = (ReaderLookup.Found) tail.getFlashMap().get("found");
		assertThat(byTail.by()).isEqualTo("card-tail");
		assertThat(byTail.matches()).extracting(ReaderLookup.Match::id).contains(reader.id());
		assertThat(auditData().get(0)).doesNotContain(reader.cardNumber().substring(reader.cardNumber().length() - 7));

		mvc.perform(post("/circulation/readers").with(librarian()).with(csrf()).param("site", "baishi").param("q", "  "))
			.andExpect(flash().attribute("refused", containsString("请输入")));
		mvc.perform(post("/circulation/readers").with(librarian()).with(csrf()).param("site", "baishi").param("q", "无此人_%"))
			.andExpect(flash().attribute("refused", containsString("没有找到")));
		mvc.perform(post("/circulation/readers").with(librarian()).with(csrf()).param("site", "central-library").param("q", "王"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCopyShowsItsStateAndItsHistoryNewestFirstWithReadersOnlyAsACardTail() throws Exception {
		List<ItemRef> copies = new LendingFixtures(jdbc, readers).freshCopiesOf("baishi", 2);
		String barcode = copies.get(0).barcode();
		Reader first = reader("历史读者甲", "baishi");
		Reader second = reader("历史读者乙", "baishi");
		desk.checkout("baishi", first.cardNumber(), barcode);
		desk.checkin("baishi", barcode);
		var transfer = transfers.create("librarian", "baishi", "central-library", List.of(barcode)).transfer();
		desk.checkout("baishi", second.cardNumber(), copies.get(1).barcode());

		CopyHistory.CopyFile file = (CopyHistory.CopyFile) mvc.perform(get("/circulation/copies/" + barcode)
			.param("site", "baishi").with(librarian()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"copy-history\"")))
			.andExpect(content().string(not(containsString(first.cardNumber()))))
			.andExpect(content().string(containsString("建立调拨单 " + transfer.id())))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("file");
		assertThat(file.siteId()).isEqualTo("baishi");
		assertThat(file.status()).isEqualTo("available");
		assertThat(file.steps()).extracting(CopyHistory.Step::kind)
			.containsExactly("transfer-created", "checkin", "checkout");
		assertThat(file.steps().get(2).readerTail()).endsWith(first.cardNumber().substring(first.cardNumber().length() - 4));

		mvc.perform(get("/circulation/copies").param("barcode", copies.get(1).barcode()).with(librarian()))
			.andExpect(redirectedUrl("/circulation/copies/" + copies.get(1).barcode()));
		mvc.perform(get("/circulation/copies/" + copies.get(1).barcode()).with(librarian()))
			.andExpect(content().string(containsString("借出")))
			.andExpect(content().string(containsString("id=\"copy-due\"")));

		mvc.perform(get("/circulation/copies/NO-SUCH-COPY").with(librarian()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("NO-SUCH-COPY")));
	}

}
