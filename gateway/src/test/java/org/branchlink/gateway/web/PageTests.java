package org.branchlink.gateway.web;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The server-rendered pages answer, in Chinese and English. */
class PageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void theHomePageShowsTheFederationTreeInChinese() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("青溪县公共文化服务总分馆体系"), containsString("白石镇综合文化站"),
					containsString("分馆 15"), containsString("服务点 150"), containsString("lang=\"zh-CN\""))));
	}

	@Test
	void englishIsOneClickAway() throws Exception {
		mvc.perform(get("/").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Qingxi County Library and Culture Federation"),
					containsString("Baishi Town Culture Station"), containsString("Service points 150"),
					not(containsString("白石镇综合文化站")))));
	}

	@Test
	void aSitePageShowsItsPathAndChildren() throws Exception {
		mvc.perform(get("/sites/baishi"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("青溪县图书馆"), containsString("周一至周五 08:30–17:00"),
					containsString("330398101000"), containsString("村综合文化服务中心"))));
		mvc.perform(get("/sites/atlantis")).andExpect(status().isNotFound());
	}

	@Test
	void aSignedInPersonIsGreetedByName() throws Exception {
		mvc.perform(get("/").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(containsString("白石镇图书管理员")));
	}


	@Test
	void theSearchPageShowsWorksFacetsAndTheNearestCopy() throws Exception {
		mvc.perform(get("/search").param("q", "书法").param("near", "27.57143,120.17257"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<mark>书法</mark>"), containsString("中图法大类"),
					containsString("艺术"), containsString("最近："), containsString("公里"))));
		mvc.perform(get("/search").param("q", "calligraphy").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("works found"), containsString("Calligraphy"))));
		mvc.perform(get("/search").param("sort", "sideways")).andExpect(status().isBadRequest());
	}

	@Test
	void theIngestPageIsForLibrariansOfTheirSites() throws Exception {
		mvc.perform(get("/ingest").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("导入批次"), containsString("baishi"))));
		mvc.perform(get("/ingest").with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());
	}

}
