package org.branchlink.gateway.openinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.survey.Surveys;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Open information (issue 20, point 4): a report or a survey's results reach the public only once central staff
 * published them, and leave when withdrawn; public feedback meetings are recorded and shown; nobody else publishes.
 */
class OpenInformationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	Surveys surveys;

	@Autowired
	Publications publications;

	private UserDetails admin() {
		return accounts.loadUserByUsername("admin");
	}

	@Autowired
	ServiceCatalog catalog;

	@Test
	void theCountysServiceCatalogueShowsEachStandardAndWhereTheCountyStandsOnWhatIsCounted() throws Exception {
		List<ServiceCatalog.Entry> entries = catalog.entries(LocalDate.now());
		assertThat(entries).extracting(entry -> entry.item().code()).contains("reading", "opera", "opera-county", "mobile-county");
		ServiceCatalog.Entry opera = entries.stream().filter(e -> e.item().code().equals("opera-county")).findFirst().orElseThrow();
		assertThat(opera.item().level()).isEqualTo(ServiceCatalogProperties.Level.COUNTY);
		assertThat(opera.standing().townships()).as("every township measured").isPositive();
		assertThat(opera.standing().meeting()).isBetween(0, opera.standing().townships());
		assertThat(opera.standing().minimum()).isEqualTo(4);
		assertThat(entries.stream().filter(e -> e.item().code().equals("reading")).findFirst().orElseThrow().standing())
			.as("not counted here").isNull();

		mvc.perform(get("/open/catalog"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("基本公共文化服务目录"),
					Matchers.containsString("每个乡镇每年送戏不少于 4 场"), Matchers.containsString("县标准"),
					Matchers.containsString("个乡镇中"))));
		mvc.perform(get("/open/catalog").param("lang", "en"))
			.andExpect(content().string(Matchers.containsString("At least 4 performances a year in every township")));
	}

	@Test
	void aReportIsPublicOnlyWhilePublished() throws Exception {
		// a period no other test publishes (the journeys publish last month's)
		String period = ReportPeriod.parse((LocalDate.now().getYear() - 1) + "-Q3").code();
		mvc.perform(get("/open/reports/" + period)).andExpect(status().isNotFound());
		mvc.perform(post("/reports/" + period + "/publish").with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reports/" + period + "/publish").with(user(admin())).with(csrf()))
			.andExpect(flash().attribute("notice", Matchers.startsWith("已公布")));

		mvc.perform(get("/open")).andExpect(content().string(Matchers.containsString("/open/reports/" + period)));
		mvc.perform(get("/open/reports/" + period))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"headline\""),
					Matchers.not(Matchers.containsString(".csv")), Matchers.not(Matchers.containsString("publish-report")))));

		mvc.perform(post("/reports/" + period + "/publish").param("action", "withdraw").with(user(admin())).with(csrf()))
			.andExpect(flash().attribute("notice", "已撤回公布。"));
		mvc.perform(get("/open/reports/" + period)).andExpect(status().isNotFound());
	}

	@Test
	void aSurveysResultsArePublicOnceCentralStaffPublishThem() throws Exception {
		long id = surveys.create(new Surveys.SurveyRequest("2026 年读者满意度调查（公开测试）", Surveys.STANDARD, 500, 7L), "admin").id();
		mvc.perform(get("/open/surveys/" + id)).andExpect(status().isNotFound());
		mvc.perform(post("/surveys/" + id + "/publish").with(user(admin())).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/open/surveys/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("2026 年读者满意度调查（公开测试）"),
					Matchers.not(Matchers.containsString("responses.csv")))));
		mvc.perform(get("/open")).andExpect(content().string(Matchers.containsString("/open/surveys/" + id)));
	}

	@Test
	void aFeedbackMeetingIsRecordedByCentralStaffAndShownToEveryone() throws Exception {
		int before = publications.releases().size();
		mvc.perform(post("/open/releases").with(user(admin())).with(csrf())
				.param("heldOn", LocalDate.now().plusDays(3).toString()).param("place", "县文化馆报告厅")
				.param("attendance", "86").param("raised", "希望延长周末开放时间").param("answered", "自下月起周六开放到 20:00"))
			.andExpect(flash().attribute("refused", Matchers.containsString("还没到")))
			.andExpect(flash().attribute("draft", Matchers.hasToString(Matchers.containsString("place=县文化馆报告厅"))));
		mvc.perform(post("/open/releases").with(user(admin())).with(csrf())
				.param("heldOn", LocalDate.now().minusDays(3).toString()).param("place", "县文化馆报告厅"))
			.andExpect(flash().attribute("refused", Matchers.containsString("请填写日期")));
		mvc.perform(post("/open/releases").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
				.param("heldOn", LocalDate.now().minusDays(3).toString()).param("place", "白石镇")
				.param("attendance", "20").param("raised", "x").param("answered", "y"))
			.andExpect(status().isForbidden());
		assertThat(publications.releases()).as("nothing recorded by refused requests").hasSize(before);

		mvc.perform(post("/open/releases").with(user(admin())).with(csrf())
				.param("heldOn", LocalDate.now().minusDays(3).toString()).param("place", "县文化馆报告厅")
				.param("attendance", "86").param("raised", "希望延长周末开放时间\n村里想看越剧").param("answered", "自下月起周六开放到 20:00"))
			.andExpect(flash().attribute("notice", "已记录并公布。"));
		mvc.perform(get("/open"))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("村里想看越剧"),
					Matchers.containsString("参加 86 人"), Matchers.not(Matchers.containsString("release-form")))));
		assertThat(publications.heldIn(LocalDate.now().minusDays(3).getYear())).isTrue();
	}

}
