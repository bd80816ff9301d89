package org.branchlink.gateway.records;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A full reindex on the embedded Solr builds a new core and swaps it in while searches keep answering. */
class ReindexTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogSearch search;

	@Test
	void searchesKeepSucceedingWhileTheIndexIsRebuilt() throws Exception {
		long works = search.countWorks();
		long all = search.search(SearchRequest.of("")).total();
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		AtomicInteger searches = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		Thread reader = new Thread(() -> {
			while (rebuilding.get()) {
				try {
					if (search.search(SearchRequest.of("书法")).total() > 0) {
						searches.incrementAndGet();
					}
					else {
						failures.incrementAndGet();
					}
				}
				catch (RuntimeException ex) {
					failures.incrementAndGet();
				}
			}
		});
		reader.start();
		try {
			for (int round = 0; round < 2; round++) {
				mvc.perform(post("/api/catalog/reindex").with(httpBasic("admin", "demo-admin")))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.works").value((int) works));
			}
		}
		finally {
			rebuilding.set(false);
			reader.join();
		}

		assertThat(failures.get()).isZero();
		assertThat(searches.get()).isPositive();
		assertThat(search.countWorks()).isEqualTo(works);
		assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(all);
		mvc.perform(post("/api/catalog/reindex").with(httpBasic("librarian", "demo-librarian"))).andExpect(status().isForbidden());
	}

}
