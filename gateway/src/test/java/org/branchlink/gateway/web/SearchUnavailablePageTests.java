package org.branchlink.gateway.web;

import org.apache.solr.common.SolrException;
import org.branchlink.catalog.CatalogIndexException;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A page whose search the index cannot answer (SolrCloud with no healthy replica) shows the error page with 503,
 * "unavailable for a moment" ({@code error.503.*} in both bundles), not "something went wrong" with 500.
 */
class SearchUnavailablePageTests {

	/** A page that searches, and one that sorts, as the index and a reader's parameters make them fail. */
	@Controller
	static class SearchingPage {

		@GetMapping("/searching")
		String search() {
			throw new CatalogIndexException("search failed", new SolrException(SolrException.ErrorCode.INVALID_STATE,
					"Could not find a healthy node to handle the request."));
		}

		@GetMapping("/sorting")
		String sort() {
			throw new IllegalArgumentException("unknown sort");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SearchingPage())
		.setControllerAdvice(new PageErrorsAdvice())
		.build();

	@Test
	void anUnavailableIndexIsA503Page() throws Exception {
		mvc.perform(get("/searching"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("status", 503));
	}

	@Test
	void aBadParameterStaysA400Page() throws Exception {
		mvc.perform(get("/sorting")).andExpect(status().isBadRequest()).andExpect(model().attribute("status", 400));
	}

}
