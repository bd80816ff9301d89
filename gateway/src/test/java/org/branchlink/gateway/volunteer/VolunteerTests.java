package org.branchlink.gateway.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.venue.AmateurTroupe;
import org.branchlink.gateway.venue.Troupes;
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

	@Autowired
	Troupes troupes;

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

	@Test
	void confirmedHoursEarnPointsAndStarsRatingsAverageAndAVolunteerServesInATeam() throws Exception {
		Volunteers.Volunteer volunteer = volunteers.register(new Volunteers.Registration("星级志愿者", LocalDate.of(1970, 2, 3), null,
				"baishi", List.of("阅读推广"), null, null), "librarian");
		for (int i = 0; i < 5; i++) {
			long line = volunteers.logHours(volunteer.id(), "baishi", null, LocalDate.now().minusDays(10 + i), new BigDecimal("20.5"),
					"图书馆值班", "librarian");
			volunteers.confirm(line, "admin", i == 0 ? 4 : 5);
		}
		Volunteers.Volunteer served = volunteers.volunteer(volunteer.id());
		assertThat(served.confirmedHours()).isEqualTo(102.5);
		assertThat(served.points()).isEqualTo(102);
		assertThat(served.stars()).as("one star from 100 hours").isEqualTo(1);
		assertThat(served.rating()).isEqualTo(4.8);
		assertThat(served.ratings()).isEqualTo(5);
		long unrated = volunteers.logHours(volunteer.id(), "baishi", null, LocalDate.now().minusDays(1), BigDecimal.ONE, "",
				"librarian");
		assertThatThrownBy(() -> volunteers.confirm(unrated, "admin", 6)).isInstanceOf(InvalidRequestException.class);
		assertThat(volunteers.line(unrated).confirmedBy()).as("nothing stored").isNull();

		AmateurTroupe team = troupes.register(new Troupes.Registration("baishi", "team", "白石志愿服务队" + System.nanoTime(),
				"文化志愿服务", "队长", null));
		AmateurTroupe troupe = troupes.register(new Troupes.Registration("baishi", "troupe", "白石舞龙队" + System.nanoTime(),
				"舞龙", "队长", null));
		assertThatThrownBy(() -> volunteers.joinTeam(volunteer.id(), troupe.id())).isInstanceOf(InvalidRequestException.class);
		mvc.perform(post("/volunteers/" + volunteer.id() + "/team").param("teamId", String.valueOf(team.id()))
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已加入团队。"));
		assertThat(volunteers.volunteer(volunteer.id()).teamId()).isEqualTo(team.id());
		assertThat(troupes.troupe(team.id()).members()).as("a team's members are its volunteers").isEqualTo(1);
		mvc.perform(post("/volunteer-hours/" + unrated + "/confirm").param("rating", "3")
				.with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("notice", Matchers.notNullValue()));
		assertThat(volunteers.volunteer(volunteer.id()).ratings()).isEqualTo(6);
		mvc.perform(get("/volunteers").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("1 星志愿者"), Matchers.containsString("服务积分 103"),
					Matchers.containsString(team.name()))));
	}

}
