package org.branchlink.gateway.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Volunteers: guardian consent for minors, skills, hours that count only once someone else confirms them. */
class VolunteerTests extends IntegrationTest {

	@Autowired
	Volunteers volunteers;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void aMinorNeedsAGuardiansConsentAndHoursCountOnceAnotherStaffMemberConfirmsThem() throws Exception {
		LocalDate fifteen = LocalDate.now().minusYears(15);
		assertThatThrownBy(() -> volunteers.register(new Volunteers.Registration("小志愿者", fifteen, null, "baishi",
				List.of("讲故事"), null, null), "librarian")).hasMessageContaining("guardian");
		Volunteers.Volunteer minor = volunteers.register(new Volunteers.Registration("小志愿者", fifteen, null, "baishi",
				List.of("讲故事"), "王女士", true), "librarian");
		assertThat(minor.minor()).isTrue();
		Volunteers.Volunteer adult = volunteers.register(new Volunteers.Registration("书法老师", LocalDate.of(1960, 5, 1),
				"13600000000", "baishi", List.of("书法", "摄影"), null, null), "librarian");
		assertThat(adult.minor()).isFalse();
		assertThat(volunteers.find("书法", Set.of("baishi"))).extracting(Volunteers.Volunteer::id).contains(adult.id())
			.doesNotContain(minor.id());

		long logged = volunteers.logHours(adult.id(), "baishi", null, LocalDate.now().minusDays(2), new BigDecimal("3.5"),
				"书法班助教", "librarian");
		volunteers.logHours(adult.id(), "baishi", null, LocalDate.now().minusDays(1), new BigDecimal("2"), "整理书架",
				"librarian");
		assertThat(volunteers.volunteer(adult.id()).confirmedHours()).isZero();
		assertThat(volunteers.volunteer(adult.id()).pendingHours()).isEqualTo(5.5);
		assertThatThrownBy(() -> volunteers.confirm(logged, "librarian")).isInstanceOf(ConflictException.class);
		volunteers.confirm(logged, "admin");
		assertThat(volunteers.volunteer(adult.id()).confirmedHours()).isEqualTo(3.5);
		assertThatThrownBy(() -> volunteers.logHours(adult.id(), "baishi", null, LocalDate.now().plusDays(2),
				BigDecimal.ONE, "", "librarian")).hasMessageContaining("to come");

		mvc.perform(get("/volunteers/" + adult.id() + "/certificate").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("书法老师"),
					Matchers.containsString("3.5"), Matchers.not(Matchers.containsString("整理书架")))));
		mvc.perform(get("/volunteers").with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());
	}

}
