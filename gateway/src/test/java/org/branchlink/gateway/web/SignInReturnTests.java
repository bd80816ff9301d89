package org.branchlink.gateway.web;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signing in returns to the page one came from, and only to a page of this site: the sign-in link of every page
 * names the page, the form carries it, success goes there; a failed attempt keeps it; another host is never followed.
 */
class SignInReturnTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theSignInLinkOfAPageNamesThePageAndTheFormCarriesIt() throws Exception {
		mvc.perform(get("/search?q={q}&format=book", "历史"))
			// the page's own address (its query already percent-encoded) as one parameter
			.andExpect(content().string(containsString("/login?back=/search?q%3D%25E5%258E%2586%25E5%258F%25B2%26format%3Dbook")));
		mvc.perform(get("/login").param("back", "/search?q=历史&format=book"))
			.andExpect(content().string(containsString("name=\"back\" value=\"/search?q=历史&amp;format=book\"")));
	}

	@Test
	void successGoesBackToThePageAndAFailureKeepsIt() throws Exception {
		mvc.perform(post("/login").param("username", "reader").param("password", "demo-reader")
			.param("back", "/search?q=x&format=book").with(csrf()))
			.andExpect(redirectedUrl("/search?q=x&format=book"));
		mvc.perform(post("/login").param("username", "reader").param("password", "wrong")
			.param("back", "/works/abc").with(csrf()))
			.andExpect(redirectedUrl("/login?error&back=/works/abc"));
	}

	@Test
	void anotherHostIsNeverFollowed() throws Exception {
		for (String elsewhere : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example",
				"javascript:alert(1)" }) {
			mvc.perform(post("/login").param("username", "reader").param("password", "demo-reader")
				.param("back", elsewhere).with(csrf()))
				.andExpect(redirectedUrl("/"));
		}
	}

}
