package org.branchlink.gateway.transfer;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A transfer from Baishi to the central library: approval, shipping, receiving with a missing and an extra copy. */
class TransferTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StockTransfers transfers;

	@Autowired
	CatalogSearch search;

	@Autowired
	AccountStore accounts;

	private List<String> freshCopies(String site, int n) {
		return jdbc.sql("""
				select i.barcode from item i where i.site_id = :site and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.allocated_barcode = i.barcode)
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				order by md5(i.barcode) limit :n""").param("site", site).param("n", n).query(String.class).list();
	}

	@Test
	void aTransferOutOfItsTownshipIsApprovedShippedAndReceivedWithDiscrepancies() throws Exception {
		List<String> copies = freshCopies("baishi", 3);
		String extra = freshCopies("central-library", 1).get(0);
		String created = mvc.perform(post("/api/transfers").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fromSite\":\"baishi\",\"toSite\":\"central-library\",\"barcodes\":[\"" + String.join("\",\"", copies)
					+ "\",\"NOT-HERE\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.transfer.status").value("requested"))
			.andExpect(jsonPath("$.transfer.copies").value(3))
			.andExpect(jsonPath("$.refused[0].reason", containsString("no copy")))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.transfer.id")).longValue();

		mvc.perform(post("/api/transfers/" + id + "/ship").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("not \"To ship\"")));
		mvc.perform(post("/api/transfers/" + id + "/approve").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/transfers/" + id + "/approve").with(httpBasic("admin", "demo-admin")))
			.andExpect(jsonPath("$.status").value("approved"));
		mvc.perform(post("/api/transfers/" + id + "/ship").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(jsonPath("$.status").value("shipped"));
		assertThat(jdbc.sql("select count(*) from item_state where barcode = any(:b) and status = 'in_transit' "
				+ "and destination = 'central-library'").param("b", copies.toArray(String[]::new)).query(Integer.class).single())
			.isEqualTo(3);

		// the destination receives; Baishi's librarian may not
		String arrival = "{\"barcodes\":[\"" + copies.get(0) + "\",\"" + copies.get(1) + "\",\"" + extra + "\"]}";
		mvc.perform(post("/api/transfers/" + id + "/receive").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(arrival))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/transfers/" + id + "/receive").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(arrival))
			.andExpect(jsonPath("$.status").value("received"))
			.andExpect(jsonPath("$.received").value(2))
			.andExpect(jsonPath("$.missing").value(1))
			.andExpect(jsonPath("$.extra").value(1));
		assertThat(jdbc.sql("select status || '@' || coalesce(at_site, site_id) from item_state where barcode = :b")
			.param("b", copies.get(0)).query(String.class).single()).isEqualTo("available@central-library");
	}

	@Test
	void aTransferWithinATownshipNeedsNoApprovalAndOverdueTransitsAreFlagged() throws Exception {
		String village = jdbc.sql("select id from catalog_site where township = (select township from catalog_site "
				+ "where id = 'baishi') and id <> 'baishi' order by id limit 1").query(String.class).single();
		List<String> copies = freshCopies("baishi", 1);
		StockTransfers.Outcome outcome = transfers.create("librarian", "baishi", village, copies);
		assertThat(outcome.transfer().status()).isEqualTo("approved");
		transfers.ship(outcome.transfer().id(), "librarian");
		jdbc.sql("update transfer set shipped_at = now() - interval '9 days' where id = :id")
			.param("id", outcome.transfer().id()).update();
		mvc.perform(get("/api/transfers/overdue").with(httpBasic("admin", "demo-admin")))
			.andExpect(jsonPath("$[?(@.id == " + outcome.transfer().id() + ")].toSite").value(village));
		mvc.perform(get("/api/transfers/overdue").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		var admin = SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("admin"));
		mvc.perform(get("/transfers").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"overdue\"")));
		var librarian = SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("librarian"));
		mvc.perform(get("/transfers").with(librarian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("transfer-form")))
			.andExpect(content().string(Matchers.not(containsString("id=\"overdue\""))));
	}

	@Test
	void aCopyAlreadyInAnOpenTransferIsRefusedWithThatTransferNamedAndAStepOutOfTurnIsRefused() {
		List<String> copies = freshCopies("baishi", 2);
		StockTransfers.Outcome first = transfers.create("librarian", "baishi", "central-library", copies.subList(0, 1));
		StockTransfers.Outcome second = transfers.create("librarian", "baishi", "central-library", copies);
		assertThat(second.transfer().copies()).as("only the copy not yet in a transfer").isEqualTo(1);
		assertThat(second.refused()).singleElement().satisfies(refusal -> {
			assertThat(refusal.position()).isEqualTo(copies.get(0));
			assertThat(refusal.reason()).contains("open transfer " + first.transfer().id());
		});
		assertThatThrownBy(() -> transfers.receive(first.transfer().id(), "librarian", copies.subList(0, 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not \"In transit\"");
		assertThat(transfers.view(first.transfer().id()).status()).isNotEqualTo("received");
	}

}
