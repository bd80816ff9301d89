package org.branchlink.gateway.volunteer;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The volunteer page shows the demo's skills by name, in the page's language, and finds them by name. */
class VolunteerSkillPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	private String page(String name, String value) throws Exception {
		return mvc.perform(get("/volunteers").param(name, value).with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void skillsAreShownAndFoundByName() throws Exception {
		String all = page("skill", "");
		assertThat(all).containsAnyOf("朗读", "书法", "讲解导览", "电脑辅导", "文艺表演");
		VolunteerSkills.CODES.forEach(code -> assertThat(all).doesNotContain(">" + code + "<", code + "、"));
		assertThat(page("lang", "en")).containsAnyOf("Reading aloud", "Calligraphy", "Guided tours", "Computer help", "Performance");

		String skill = VolunteerSkills.CODES.stream().filter(code -> all.contains(word(code))).findFirst().orElseThrow();
		assertThat(page("skill", word(skill)))
			.contains("class=\"list-group-item volunteer\"");
	}

	private static String word(String code) {
		return switch (code) {
			case "reading" -> "朗读";
			case "calligraphy" -> "书法";
			case "guiding" -> "讲解导览";
			case "computer" -> "电脑辅导";
			default -> "文艺表演";
		};
	}

}
