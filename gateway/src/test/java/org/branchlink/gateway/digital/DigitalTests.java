package org.branchlink.gateway.digital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchPage;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Digital services (issue 20, point 3): every site's digital resources on a public page and API, listed and withdrawn
 * by the site's staff (a bad address or a name taken is refused in the reader's language); e-books pushed with their
 * links are found with the printed books and under "online".
 */
class DigitalTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	DigitalResources resources;

	@Autowired
	CatalogSearch search;

	@Test
	void aSiteListsItsResourcesAndTheyShowToEveryone() throws Exception {
		mvc.perform(get("/digital")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("青溪县图书馆电子书"), Matchers.containsString("凭读者证登录"),
					Matchers.not(Matchers.containsString("id=\"resource-form\"")))));
		mvc.perform(post("/digital/resources").param("siteId", "baishi").param("name", "白石镇史影像").param("kind", "video")
				.param("url", "ftp://files.example.org/history").param("access", "open")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("refused", "访问地址应以 http:// 或 https:// 开头。"))
			.andExpect(flash().attribute("draft", Matchers.hasToString(Matchers.containsString("白石镇史影像"))));
		mvc.perform(post("/digital/resources").param("siteId", "baishi").param("name", "白石镇史影像").param("kind", "video")
				.param("url", "https://video.example.org/baishi/history").param("access", "open")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已登记数字资源。"));
		mvc.perform(post("/digital/resources").param("siteId", "baishi").param("name", "白石镇史影像").param("kind", "video")
				.param("url", "https://video.example.org/baishi/other").param("access", "open")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("refused", "本馆已有名为“白石镇史影像”的数字资源。"));
		mvc.perform(post("/digital/resources").param("siteId", "culture-hall").param("name", "越界资源").param("kind", "video")
				.param("url", "https://video.example.org/x").param("access", "open")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		long id = resources.of("baishi").stream().filter(r -> r.name().equals("白石镇史影像")).findFirst().orElseThrow().id();
		mvc.perform(get("/api/sites/baishi/digital-resources")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == '白石镇史影像')].url").value("https://video.example.org/baishi/history"));
		mvc.perform(post("/digital/resources/" + id + "/active").param("active", "false")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已下架。"));
		assertThat(resources.listed()).extracting(DigitalResources.Resource::id).doesNotContain(id);
		mvc.perform(get("/api/digital-resources")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("白石镇史影像"))));
	}

	@Test
	void eBooksPushedWithTheirLinksAreFoundWithThePrintedBooksAndUnderOnline() throws Exception {
		mvc.perform(post("/api/sites/central-library/records").with(httpBasic("admin", "demo-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"id\":\"push-eb-1\",\"title\":\"线上茶文化读本\",\"format\":\"electronic\",\"links\":[\"https://ebooks.example.org/tea\","
						+ "\"javascript:alert(1)\"]}]"))
			.andExpect(status().isOk());
		SearchPage page = search.search(new SearchRequest("茶文化读本", Map.of("online", List.of("true")), null, null, null, null, 0, 20));
		assertThat(page.works()).singleElement().satisfies(work -> assertThat(work.onlineUrls())
			.containsExactly("https://ebooks.example.org/tea"));
		assertThat(search.search(new SearchRequest("", Map.of("online", List.of("true")), null, null, null, null, 0, 20)).total())
			.as("the demo library's e-books too").isGreaterThanOrEqualTo(4);
		mvc.perform(get("/search").param("q", "线上茶文化读本")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("href=\"https://ebooks.example.org/tea\""),
					Matchers.containsString("在线阅读"))));
	}

}
