package org.branchlink.gateway.reader;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reader cards: random numbers with a check digit the desk verifies, the demo reader's card still working, and no card
 * linked to a staff member's account.
 */
class ReaderCardTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Test
	void aLibrarianCannotLinkACardToAStaffAccount() throws Exception {
		for (String staff : List.of("librarian", "admin")) {
			mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"冒名读者\",\"birthDate\":\"1985-01-01\","
						+ "\"homeSite\":\"baishi\",\"username\":\"" + staff + "\"}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("'" + staff + "'")));
		}
		assertThat(jdbc.sql("select count(*) from reader where username in ('librarian', 'admin')").query(Integer.class)
			.single()).isZero();
		assertThat(readers.byUsername("reader")).as("the demo reader's own account is linked").isPresent();
	}

	@Test
	void cardsAreRandomWithACheckDigitThatTheDeskVerifies() throws Exception {
		List<Long> numbers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String created = mvc.perform(post("/api/readers").with(httpBasic("librarian", "demo-librarian"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"随机卡读者" + i + "\",\"birthDate\":\"1990-01-0" + (i + 1) + "\",\"homeSite\":\"baishi\"}"))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
			String card = JsonPath.read(created, "$.cardNumber");
			assertThat(card).matches("BL\\d{11}");
			assertThat(CardNumber.isWellFormed(card)).isTrue();
			numbers.add(Long.parseLong(card.substring(2, card.length() - 1)));
		}
		assertThat(numbers.get(1) - numbers.get(0)).as("not the next of a sequence").isNotEqualTo(1);
		assertThat(numbers.get(2) - numbers.get(1)).isNotEqualTo(1);

		String demoCard = readers.byUsername("reader").orElseThrow().cardNumber();
		String last = demoCard.substring(demoCard.length() - 1);
		String mistyped = demoCard.substring(0, demoCard.length() - 1) + (last.equals("0") ? "1" : "0");
		var librarian = user(accounts.loadUserByUsername("librarian"));
		mvc.perform(post("/circulation/checkout").with(librarian).with(csrf())
			.param("site", "baishi").param("card", mistyped).param("barcode", "ANY-1"))
			.andExpect(flash().attribute("refused", containsString("校验位")));
		mvc.perform(post("/circulation/checkout").with(librarian).with(csrf())
			.param("site", "baishi").param("card", demoCard).param("barcode", "NO-SUCH-COPY"))
			.andExpect(flash().attribute("refused", Matchers.not(containsString("校验位"))));
	}

}
