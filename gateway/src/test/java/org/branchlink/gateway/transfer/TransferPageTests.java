package org.branchlink.gateway.transfer;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The transfer pages: a list with an unknown barcode or a copy already in another open transfer makes no transfer and
 * says which; a transfer's page names its sites and lists its copies for packing, for the sites at either end only;
 * the rota form refuses a stage without days beside that field.
 */
class TransferPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountStore accounts;

	@Autowired
	StockTransfers transfers;

	private RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	private List<String> freshCopies(String site, int n) {
		return jdbc.sql("""
				select i.barcode from item i where i.site_id = :site and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.allocated_barcode = i.barcode)
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode || 'page') limit :n""").param("site", site).param("n", n).query(String.class).list();
	}

	private int transfersFrom(String site) {
		return jdbc.sql("select count(*) from transfer where from_site = :s").param("s", site).query(Integer.class).single();
	}

	@Test
	void unknownBarcodesAndCopiesInAnotherTransferAreNamedAndNothingIsCreated() throws Exception {
		List<String> copies = freshCopies("baishi", 2);
		int before = transfersFrom("baishi");
		mvc.perform(post("/transfers").with(as("librarian")).with(csrf()).param("fromSite", "baishi")
			.param("toSite", "central-library").param("barcodes", copies.get(0) + "\nNO-SUCH-1\n" + copies.get(1) + "\nNO-SUCH-2"))
			.andExpect(flash().attribute("refused", allOf(containsString("NO-SUCH-1"), containsString("NO-SUCH-2"),
					not(containsString(copies.get(0))))))
			.andExpect(flash().attribute("typed", hasKey("barcodes")));
		assertThat(transfersFrom("baishi")).as("no transfer made").isEqualTo(before);

		StockTransfers.Outcome first = transfers.create("librarian", "baishi", "central-library", copies.subList(0, 1));
		mvc.perform(post("/transfers").with(as("librarian")).with(csrf()).param("fromSite", "baishi")
			.param("toSite", "central-library").param("barcodes", String.join("\n", copies)))
			.andExpect(flash().attribute("refused", allOf(containsString(copies.get(0)),
					containsString(Long.toString(first.transfer().id())), containsString("未完成的调拨单"))));
		assertThat(transfersFrom("baishi")).isEqualTo(before + 1);
	}

	@Test
	void aTransfersPageNamesItsSitesAndListsItsCopiesForTheSitesAtEitherEndOnly() throws Exception {
		List<String> copies = freshCopies("baishi", 2);
		MvcResult created = mvc.perform(post("/transfers").with(as("librarian")).with(csrf()).param("fromSite", "baishi")
			.param("toSite", "central-library").param("barcodes", String.join("\n", copies)))
			.andExpect(flash().attributeExists("notice"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/transfers/\\d+");
		mvc.perform(get(location).with(as("librarian")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"packing-list\""), containsString(copies.get(0)),
					containsString(copies.get(1)), containsString("白石镇"), containsString("青溪县图书馆"),
					not(containsString(">central-library<")))));

		String other = freshCopies("central-library", 1).get(0);
		String township = jdbc.sql("""
				select id from catalog_site where kind = 'township_station' and id <> 'baishi' order by id limit 1""")
			.query(String.class).single();
		long elsewhere = transfers.create("admin", "central-library", township, List.of(other)).transfer().id();
		mvc.perform(get("/transfers/" + elsewhere).with(as("librarian"))).andExpect(status().isForbidden());
		mvc.perform(get("/transfers/" + elsewhere).with(as("admin"))).andExpect(status().isOk());
	}


	@Test
	void aStepOutOfTurnIsRefusedInChineseNamingBothStates() throws Exception {
		List<String> copies = freshCopies("baishi", 1);
		StockTransfers.TransferView made = transfers.create("librarian", "baishi", "central-library", copies).transfer();
		assertThat(made.status()).as("between townships, central staff approve first").isEqualTo("requested");
		mvc.perform(post("/transfers/" + made.id() + "/ship").with(as("librarian")).with(csrf()))
			.andExpect(flash().attribute("refused", allOf(containsString("待总馆批准"), containsString("待发出"),
					not(containsString("transfer")))));
		mvc.perform(post("/transfers/" + made.id() + "/receive").with(as("admin")).with(csrf()).param("barcodes", copies.get(0)))
			.andExpect(flash().attribute("refused", allOf(containsString("待总馆批准"), containsString("在途"))));
	}

}
