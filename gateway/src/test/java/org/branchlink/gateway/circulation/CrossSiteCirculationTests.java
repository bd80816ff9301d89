package org.branchlink.gateway.circulation;

import java.util.List;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One site's reports about another site's copy: a copy on its owner's shelf is the owner's to declare lost or missing,
 * or to send; another site's report of it is a conflict for the owner, not a change. A transit goes to a site.
 */
class CrossSiteCirculationTests extends IntegrationTest {

	private static final String KEY = "demo-central-library-key";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Test
	void anotherSiteDeclaringACopyOnItsOwnersShelfLostMissingOrSentIsAConflictForTheOwner() throws Exception {
		List<ItemRef> copies = new LendingFixtures(jdbc, readers).freshCopiesOf("baishi", 3);
		String[] types = { "lost", "missing", "send" };
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < 3; i++) {
			body.append(i == 0 ? "" : ",").append("{\"eventId\":\"cross-").append(types[i])
				.append("\",\"type\":\"").append(types[i]).append("\",\"occurredAt\":\"2026-11-03T10:00:00+08:00\",")
				.append("\"barcode\":\"").append(copies.get(i).barcode()).append("\",\"destination\":\"central-library\"}");
		}
		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON).content(body.append("]").toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.conflicts").value(3));
		for (ItemRef copy : copies) {
			assertThat(jdbc.sql("select status from item_state where site_id = :s and barcode = :b")
				.param("s", copy.siteId()).param("b", copy.barcode()).query(String.class).optional())
				.as("still on its owner's shelf").hasValueSatisfying(status -> assertThat(status).isEqualTo("available"));
		}
		assertThat(jdbc.sql("""
				select count(*) from circulation_conflict where site_id = 'baishi' and event_site = 'central-library'
				  and kind = 'ON_ITS_OWNERS_SHELF' and event_id like 'cross-%'""").query(Integer.class).single())
			.isEqualTo(3);
		mvc.perform(get("/api/circulation/conflicts").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(jsonPath("$[?(@.eventId == 'cross-lost')].kind").value("ON_ITS_OWNERS_SHELF"))
			.andExpect(jsonPath("$[?(@.eventId == 'cross-lost')].siteId").value("baishi"));
		mvc.perform(get("/api/circulation/conflicts").param("site", "central-library").with(httpBasic("admin", "demo-admin")))
			.andExpect(jsonPath("$[*].eventId", not(hasItem("cross-lost"))));

		mvc.perform(post("/api/sites/baishi/circulation/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("[{\"eventId\":\"own-lost\",\"type\":\"lost\","
					+ "\"occurredAt\":\"2026-11-03T11:00:00+08:00\",\"barcode\":\"" + copies.get(0).barcode() + "\"}]"))
			.andExpect(jsonPath("$.applied").value(1))
			.andExpect(jsonPath("$.conflicts").value(0));
		assertThat(jdbc.sql("select status from item_state where site_id = 'baishi' and barcode = :b")
			.param("b", copies.get(0).barcode()).query(String.class).single()).as("the owner may").isEqualTo("lost");
	}

	@Test
	void aTransitToADestinationThatIsNotASiteIsRejectedWithItsReason() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopiesOf("central-library", 1).get(0);
		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON).content("[{\"eventId\":\"send-nowhere\",\"type\":\"send\","
					+ "\"occurredAt\":\"2026-11-03T10:00:00+08:00\",\"barcode\":\"" + copy.barcode()
					+ "\",\"destination\":\"nowhere-village\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.rejections[0].reason")
				.value("transit destination 'nowhere-village' is not a site of the registry"));
		assertThat(jdbc.sql("select count(*) from circulation_event where event_id = 'send-nowhere'")
			.query(Integer.class).single()).isZero();
	}

}
