package org.branchlink.gateway.survey;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The survey pages: the sampling frame named, a sample larger than the county's readers refused in words. */
class SurveyPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	Surveys surveys;

	@Test
	void aSampleLargerThanTheCountysReadersIsRefusedInWords() throws Exception {
		int readers = surveys.frame().size();
		mvc.perform(get("/surveys").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(readers < Surveys.MIN_SAMPLE ? "暂时无法抽样" : "抽样范围：全县")));
		mvc.perform(post("/surveys").with(csrf()).with(user(accounts.loadUserByUsername("admin")))
			.param("title", "过大的样本")
			.param("sampleSize", String.valueOf(readers + 1)))
			.andExpect(redirectedUrl("/surveys"))
			.andExpect(flash().attribute("refused", containsString("不够抽取 " + String.format("%,d", readers + 1) + " 人")));
	}

}
