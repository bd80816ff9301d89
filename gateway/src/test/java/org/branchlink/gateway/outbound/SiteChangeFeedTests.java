package org.branchlink.gateway.outbound;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.live.LiveFixtures;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.transfer.StockTransfers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the county library's own system reads in its change feed when its copies are lent and returned at Baishi,
 * held for a reader and cancelled, and sent on a transfer: each change once, in order, no reader named; and what the
 * feed refuses to others.
 */
class SiteChangeFeedTests extends IntegrationTest {

	private static final String KEY = "central-library-feed-test-key";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LendingDesk desk;

	@Autowired
	HoldQueue holds;

	@Autowired
	StockTransfers transfers;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void theCountyLibraryHasAKey() {
		accounts.saveApiKey(KEY, "central-library", "the county library's system (feed test)");
	}

	@Test
	void theCountyLibraryReadsWhatHappenedToItsCopiesElsewhereInOrderAndNoReaderIsNamed() throws Exception {
		long cursor = last();
		ItemRef lent = LiveFixtures.freshCopyOf(jdbc, "central-library");
		Reader reader = readers.register(new ReaderRegistry.Registration("下发读者", LocalDate.of(1988, 3, 4), "adult",
				"baishi", null, false, null, null, null));
		desk.checkout("baishi", reader.cardNumber(), lent.barcode());
		desk.checkin("baishi", lent.barcode());

		JsonNode page = feed(cursor, 100);
		List<JsonNode> mine = changesOf(page, lent.barcode());
		assertThat(mine).extracting(c -> c.get("kind").asText()).containsExactly("loan", "return");
		assertThat(mine.get(0).at("/data/reportedBy").asText()).isEqualTo("baishi");
		assertThat(mine.get(0).at("/data/status").asText()).isEqualTo("on_loan");
		assertThat(mine.get(0).get("subject").asText()).isEqualTo("copy:" + lent.barcode());
		assertThat(page.toString()).as("no reader named").doesNotContain(reader.cardNumber()).doesNotContain("下发读者");

		// a hold takes another of its copies, then the reader calls it off
		ItemRef held = LiveFixtures.freshCopyOf(jdbc, "central-library");
		HoldQueue.HoldView hold = holds.place(reader, held.workId(), held, "baishi");
		holds.cancel(reader, hold.id());
		List<JsonNode> pulls = changesOf(feed(cursor, 100), held.barcode());
		assertThat(pulls).extracting(c -> c.get("kind").asText()).containsExactly("hold-pull", "hold-pull-cancelled");
		assertThat(pulls.get(0).at("/data/pickupSite").asText()).isEqualTo("baishi");
		assertThat(pulls.get(0).get("subject").asText()).isEqualTo("hold:" + hold.id());

		// a transfer to Baishi: the sending end hears each step
		ItemRef sent = LiveFixtures.freshCopyOf(jdbc, "central-library");
		long transfer = transfers.create("admin", "central-library", "baishi", List.of(sent.barcode())).transfer().id();
		List<JsonNode> steps = feed(cursor, 100).get("changes").valueStream()
			.filter(c -> c.get("subject").asText().equals("transfer:" + transfer)).toList();
		assertThat(steps).isNotEmpty();
		assertThat(steps.get(0).at("/data/barcodes/0").asText()).isEqualTo(sent.barcode());
		assertThat(jdbc.sql("select count(*) from site_change where subject = :s and site_id = 'baishi'")
			.param("s", "transfer:" + transfer).query(Integer.class).single())
			.as("Baishi runs on BranchLink's own pages (no connector, no webhook): nothing is kept for it").isZero();

		// paged by cursor: one at a time, the same changes in the same order
		JsonNode whole = feed(cursor, 100);
		long next = cursor;
		StringBuilder paged = new StringBuilder();
		for (int i = 0; i < whole.get("changes").size(); i++) {
			JsonNode one = feed(next, 1);
			paged.append(one.at("/changes/0/id").asLong()).append(',');
			next = one.get("next").asLong();
			assertThat(one.get("more").asBoolean()).isEqualTo(i < whole.get("changes").size() - 1);
		}
		assertThat(paged.toString()).isEqualTo(whole.get("changes").valueStream().map(c -> c.get("id").asLong() + ",")
			.reduce("", String::concat));
	}

	@Test
	void theFeedIsTheSitesOwnAndCentralStaffs() throws Exception {
		mvc.perform(get("/api/sites/central-library/changes")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/sites/baishi/changes").header("X-API-Key", KEY)).andExpect(status().isForbidden());
		mvc.perform(get("/api/sites/central-library/changes").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/sites/central-library/changes").with(httpBasic("admin", "demo-admin"))).andExpect(status().isOk());
		mvc.perform(get("/api/sites/nowhere/changes").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyCentralStaffSendAChangeAgainAndOnlyOneGivenUpOn() throws Exception {
		mvc.perform(post("/deliveries/1/replay").with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/deliveries/999999999/replay").with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "变更 999999999 不在已放弃之列（可能已送达）。"));
	}

	private JsonNode feed(long after, int limit) throws Exception {
		String body = mvc.perform(get("/api/sites/central-library/changes").param("after", String.valueOf(after))
				.param("limit", String.valueOf(limit)).header("X-API-Key", KEY))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}

	private static List<JsonNode> changesOf(JsonNode page, String barcode) {
		return page.get("changes").valueStream().filter(c -> barcode.equals(c.get("copy").asText(null))).toList();
	}

	private long last() {
		return jdbc.sql("select coalesce(max(id), 0) from site_change where site_id = 'central-library'").query(Long.class).single();
	}

}
