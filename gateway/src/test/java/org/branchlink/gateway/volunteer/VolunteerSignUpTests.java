package org.branchlink.gateway.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.site.NotFoundException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Residents sign up as volunteers (issue 20, point 8): the public form takes an application (a minor only with a
 * guardian's name and consent), the home site's staff accept or decline it, and nothing of the applicant is public.
 */
class VolunteerSignUpTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Volunteers volunteers;

	@Autowired
	AccountStore accounts;

	private MockHttpServletRequestBuilder apply(String name, LocalDate birth, String phone, String site) {
		return post("/volunteer").with(csrf()).param("name", name).param("birthDate", birth.toString()).param("phone", phone)
			.param("homeSite", site).param("skills", "reading", "calligraphy");
	}

	@Test
	void anApplicationWaitsForTheSitesStaffWhoAcceptOrDeclineIt() throws Exception {
		mvc.perform(apply("报名志愿者甲", LocalDate.of(1985, 3, 1), "139 0013 9000", "baishi"))
			.andExpect(flash().attribute("notice", Matchers.startsWith("报名已提交")));
		mvc.perform(apply("报名志愿者乙", LocalDate.of(1990, 3, 1), "13900139001", "baishi"))
			.andExpect(flash().attributeExists("notice"));
		List<Volunteers.Volunteer> applications = volunteers.applications(List.of("baishi"));
		Volunteers.Volunteer first = applications.stream().filter(v -> v.name().equals("报名志愿者甲")).findFirst().orElseThrow();
		Volunteers.Volunteer second = applications.stream().filter(v -> v.name().equals("报名志愿者乙")).findFirst().orElseThrow();
		assertThat(volunteers.find(null, List.of("baishi"))).extracting(Volunteers.Volunteer::id).doesNotContain(first.id());

		mvc.perform(get("/volunteers").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(Matchers.containsString("id=\"application-" + first.id() + "\"")));
		mvc.perform(post("/volunteers/" + first.id() + "/accept").with(csrf()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(flash().attribute("notice", "已接受 报名志愿者甲 为志愿者。"));
		assertThat(volunteers.find("calligraphy", List.of("baishi"))).extracting(Volunteers.Volunteer::id).contains(first.id());

		mvc.perform(post("/volunteers/" + second.id() + "/decline").with(csrf()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(flash().attribute("refused", "请写明不接受的原因。"));
		mvc.perform(post("/volunteers/" + second.id() + "/decline").param("reason", "本站点志愿者已满")
				.with(csrf()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(flash().attribute("notice", "已记录不接受及原因。"));
		assertThat(volunteers.applications(List.of("baishi"))).extracting(Volunteers.Volunteer::id)
			.doesNotContain(first.id(), second.id());
		// a declined applicant serves nowhere: no hours, no assignment
		assertThatThrownBy(() -> volunteers.logHours(second.id(), "baishi", null, LocalDate.now(), BigDecimal.ONE, "", "librarian"))
			.isInstanceOf(NotFoundException.class);
		// an application is nobody's business outside its site: the public page shows none of it
		mvc.perform(get("/volunteer")).andExpect(content().string(Matchers.not(Matchers.containsString("报名志愿者甲"))));
	}

	@Test
	void aMinorWithoutConsentOrABadNumberIsRefusedAndWhatWasTypedStays() throws Exception {
		int before = volunteers.applications(List.of("longhu")).size();
		mvc.perform(apply("小志愿者", LocalDate.now().minusYears(12), "13900139002", "longhu"))
			.andExpect(flash().attribute("refused", Matchers.containsString("18")))
			.andExpect(flash().attribute("draft", Matchers.hasToString(Matchers.containsString("name=小志愿者"))));
		mvc.perform(apply("志愿者丙", LocalDate.of(1980, 1, 1), "12345", "longhu"))
			.andExpect(flash().attribute("refused", "手机号码应为 11 位数字，以 1 开头。"));
		assertThat(volunteers.applications(List.of("longhu"))).hasSize(before);

		mvc.perform(apply("小志愿者", LocalDate.now().minusYears(12), "13900139002", "longhu").param("guardianName", "家长")
				.param("guardianConsent", "true"))
			.andExpect(flash().attributeExists("notice"));
		Volunteers.Volunteer minor = volunteers.applications(List.of("longhu")).stream()
			.filter(v -> v.name().equals("小志愿者")).findFirst().orElseThrow();
		assertThat(minor.minor()).isTrue();
		assertThat(minor.guardianName()).isEqualTo("家长");
		mvc.perform(post("/volunteers/" + minor.id() + "/accept").with(csrf()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isForbidden());
	}

}
