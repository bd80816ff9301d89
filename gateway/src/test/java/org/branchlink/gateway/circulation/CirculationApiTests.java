package org.branchlink.gateway.circulation;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.Assertions;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The lending API and pages with their roles: sites' systems, librarians, readers. */
class CirculationApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	private static final String KEY = "demo-central-library-key";

	@Test
	void aSiteSystemReportsEventsForItsOwnSiteOnly() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopies("township_station", 1).get(0);
		String body = "[{\"eventId\":\"api-1\",\"type\":\"checkin\",\"occurredAt\":\"2026-11-01T10:00:00+08:00\","
				+ "\"barcode\":\"" + copy.barcode() + "\"},{\"eventId\":\"api-2\",\"type\":\"teleport\","
				+ "\"occurredAt\":\"2026-11-01T10:00:00\",\"barcode\":\"x\"}]";
		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.applied").value(1))
			.andExpect(jsonPath("$.rejections[0].reason").value("unknown event type 'teleport'"));
		mvc.perform(post("/api/sites/baishi/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/sites/central-library/circulation/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/sites/baishi/circulation/events").with(httpBasic("reader", "demo-reader"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/sites/baishi/circulation/events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
	}

	/** The batch goes to the journal in one statement: an id twice in it is one event, applied once. */
	@Test
	void anEventIdTwiceInOneRequestIsStoredAndAppliedOnce() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopies("township_station", 1).get(0);
		String event = "{\"eventId\":\"twice-1\",\"type\":\"checkin\",\"occurredAt\":\"2026-11-02T10:00:00+08:00\","
				+ "\"barcode\":\"" + copy.barcode() + "\"}";
		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON).content("[" + event + "," + event + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.applied").value(1));
		assertThat(jdbc.sql("select count(*) from circulation_event where site_id = 'central-library' and event_id = 'twice-1'")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select events from circulation_item where site_id = :site and barcode = :barcode")
			.param("site", copy.siteId()).param("barcode", copy.barcode()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void librariansSeeTheConflictsOfTheirOwnSites() throws Exception {
		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"eventId\":\"cl-unknown\",\"type\":\"checkin\",\"occurredAt\":\"2026-11-01T10:00:00+08:00\","
					+ "\"barcode\":\"NOWHERE-1\"}]"))
			.andExpect(jsonPath("$.conflicts").value(1));
		mvc.perform(get("/api/circulation/conflicts").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.eventId == 'cl-unknown')].kind").value("UNKNOWN_ITEM"));
		List<String> baishiAndBelow = jdbc.sql("select id from catalog_site").query(String.class).list();
		mvc.perform(get("/api/circulation/conflicts").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].siteId", everyItem(not("central-library"))))
			.andExpect(jsonPath("$[*].siteId", everyItem(in(baishiAndBelow))));
		mvc.perform(get("/api/circulation/conflicts").param("site", "central-library")
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/circulation/status").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events").isNumber())
			.andExpect(jsonPath("$.index.backlog").isNumber());
	}

	@Test
	void registrationIssuesASurrogateCardAndOneCardPerPerson() throws Exception {
		String id = validIdNumber("330398", LocalDate.of(1988, 3, 14), "123");
		String body = "{\"name\":\"王芳\",\"birthDate\":\"1988-03-14\",\"homeSite\":\"baishi\",\"idNumber\":\"" + id + "\"}";
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cardNumber", startsWith("BL")))
			.andExpect(jsonPath("$.cardNumber", not(containsString(id.substring(0, 10)))))
			.andExpect(jsonPath("$.category").value("adult"))
			.andExpect(jsonPath("$.sensitive").value(false));
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict());
		assertNoClearIdNumber(id);
		String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(id, wrongCheck)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("GB 11643")));
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("baishi", "central-library").replace(id, "")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReaderUnder14NeedsAGuardianAndIsMarkedSensitive() throws Exception {
		int year = LocalDate.now().getYear() - 9;
		String child = "{\"name\":\"小明\",\"birthDate\":\"" + year + "-06-01\",\"homeSite\":\"baishi\"";
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(child + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("guardian")));
		mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(child + ",\"guardianName\":\"明妈妈\",\"guardianConsent\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.category").value("child"))
			.andExpect(jsonPath("$.sensitive").value(true));
	}

	@Test
	void aReaderSeesAndRenewsTheirLoansWithinTheLimit() throws Exception {
		List<String> fresh = JsonPath.read(mvc.perform(get("/api/me/loans").with(httpBasic("reader", "demo-reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.loans.length()").value(Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$.loans[0].dueAt").isString())
			.andReturn().getResponse().getContentAsString(), "$.loans[?(@.renewals == 0)].id");
		String loan = fresh.get(0);
		mvc.perform(post("/api/me/loans/renew").with(httpBasic("reader", "demo-reader"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"loan\":\"" + loan + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applied").value(1));
		mvc.perform(post("/api/me/loans/renew").with(httpBasic("reader", "demo-reader"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"loan\":\"" + loan + "\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/me/loans").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDeskPageLendsAndTheReaderPageShowsTheLoan() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopies("township_station", 1).get(0);
		String card = readers.byUsername("reader").orElseThrow().cardNumber();
		mvc.perform(get("/circulation").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reader-form")));
		mvc.perform(post("/circulation/checkout").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
			.param("site", "baishi").param("card", card).param("barcode", copy.barcode()))
			.andExpect(redirectedUrl("/circulation?site=baishi"))
			.andExpect(MockMvcResultMatchers.flash().attributeExists("report"));
		mvc.perform(post("/circulation/checkout").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
			.param("site", "central-library").param("card", card).param("barcode", copy.barcode()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/my/loans").with(user(accounts.loadUserByUsername("reader"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(copy.workId())));
		mvc.perform(get("/circulation").with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());
	}

	private void assertNoClearIdNumber(String id) {
		Assertions.assertThat(jdbc.sql("select count(*) from reader where id_hash = :id or card_number = :id")
			.param("id", id).query(Integer.class).single()).isZero();
	}

	/** A well-formed resident ID number for a test (check character per GB 11643). */
	static String validIdNumber(String area, LocalDate birth, String sequence) {
		String body = area + birth.toString().replace("-", "") + sequence;
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

}
