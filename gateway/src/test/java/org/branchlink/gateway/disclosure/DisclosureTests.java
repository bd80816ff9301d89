package org.branchlink.gateway.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public disclosure per site (issue 20, point 4): the site's staff state the service phone, free services and
 * accessibility and post closure notices; the public site page, the home page and the API show them; the figures
 * count sites disclosing in full and closures announced 7 days ahead; bad input is refused in the reader's language.
 */
class DisclosureTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SiteNotices notices;

	@Autowired
	SiteDirectory sites;

	@Autowired
	JdbcClient jdbc;

	private String baishiVillage(int index) {
		return sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(index);
	}

	@Test
	void aLibrarianDisclosesTheirSiteAndThePublicPageAndApiShowIt() throws Exception {
		String village = baishiVillage(0);
		mvc.perform(put("/api/sites/" + village + "/disclosure").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"phone": "0571-6512 3456", "freeServices": ["图书借阅、阅览 周二至周日 9:00–17:00", "  ", "电子阅览 每天 14:00–20:00"],
					 "accessibility": ["ramp", "large-print"]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.freeServices.length()").value(2))
			.andExpect(jsonPath("$.accessibility").value(Matchers.contains("RAMP", "LARGE_PRINT")));

		mvc.perform(get("/api/sites/" + village + "/disclosure"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.disclosure.phone").value("0571-6512 3456"));
		mvc.perform(get("/sites/" + village))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("href=\"tel:0571-65123456\""),
					Matchers.containsString("电子阅览 每天 14:00–20:00"), Matchers.containsString("大字本"),
					Matchers.containsString("公示信息更新于"))));
		mvc.perform(get("/sites/" + village).param("lang", "en"))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("Free services and their hours"),
					Matchers.containsString("Large-print books"))));
	}

	@Test
	void onlyTheSitesStaffAndCentralStaffDiscloseAndBadValuesAreRefusedInTheirLanguage() throws Exception {
		String body = "{\"phone\": \"12345\", \"freeServices\": [\"图书借阅\"], \"accessibility\": []}";
		String elsewhere = sites.require().childrenOf("longhu").get(0).id();
		mvc.perform(put("/api/sites/" + elsewhere + "/disclosure").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/sites/" + elsewhere + "/disclosure").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(put("/api/sites/" + elsewhere + "/disclosure").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());

		String village = baishiVillage(6);
		mvc.perform(put("/api/sites/" + village + "/disclosure").with(httpBasic("librarian", "demo-librarian"))
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"请打馆长电话\", \"freeServices\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("不像电话号码")));
		mvc.perform(put("/api/sites/" + village + "/disclosure").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"\", \"accessibility\": [\"elevator\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("elevator")));
		assertThat(notices.of(village).updatedAt()).as("nothing stored by a refused request").isNull();
	}

	@Test
	void closureNoticesShowUntilTheirLastDayAndTheFiguresCountThoseAnnouncedSevenDaysAhead() throws Exception {
		String village = baishiVillage(2);
		LocalDate today = notices.today();
		String json = mvc.perform(post("/api/sites/" + village + "/closures").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fromDay\":\"" + today.plusDays(10) + "\",\"toDay\":\"" + today.plusDays(12) + "\",\"reason\":\"馆舍线路改造，暂停开放\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		Closure planned = notices.closure(((Number) JsonPath.read(json, "$.id")).longValue());
		assertThat(planned.announcedInTime(notices.zone())).isTrue();
		Closure sudden = notices.announce(village, today.plusDays(1), today.plusDays(1), "停电，临时闭馆", "librarian");
		assertThat(sudden.announcedInTime(notices.zone())).as("a day's notice is late").isFalse();
		Closure withdrawn = notices.announce(village, today.plusDays(20), today.plusDays(20), "活动场地占用", "librarian");
		notices.withdrawOf(village, withdrawn.id());

		mvc.perform(get("/sites/" + village))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("馆舍线路改造"),
					Matchers.containsString("停电，临时闭馆"), Matchers.not(Matchers.containsString("活动场地占用")))));
		mvc.perform(get("/")).andExpect(content().string(Matchers.containsString("停电，临时闭馆")));
		mvc.perform(get("/api/sites/" + village + "/disclosure"))
			.andExpect(jsonPath("$.closures.length()").value(2))
			.andExpect(jsonPath("$.closures[0].reason").exists())
			.andExpect(jsonPath("$.closures[0].postedBy").doesNotExist());

		// a notice posted long ago counts as announced in time; the figures see the three that stand
		jdbc.sql("update site_closure set posted_at = :at where id = :id")
			.param("at", Timestamp.valueOf(today.minusDays(30).atStartOfDay())).param("id", sudden.id()).update();
		SiteNotices.Figures figures = notices.figures(today, today.plusDays(30));
		assertThat(figures.closures()).isGreaterThanOrEqualTo(2);
		assertThat(figures.announcedInTime()).isEqualTo(figures.closures()
				- (int) notices.comingEverywhere(30).stream().filter(c -> !c.announcedInTime(notices.zone())).count());
		assertThat(figures.sites()).isEqualTo(sites.require().size());

		mvc.perform(post("/api/sites/" + village + "/closures/" + planned.id() + "/withdraw").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isNoContent());
		assertThat(notices.coming(village)).extracting(Closure::id).containsExactly(sudden.id());
	}

	@Test
	void aClosureInThePastOrBackwardsIsRefused() {
		String village = baishiVillage(3);
		LocalDate today = notices.today();
		assertThatThrownBy(() -> notices.announce(village, today.minusDays(1), today, "补登", "librarian"))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("past");
		assertThatThrownBy(() -> notices.announce(village, today.plusDays(9), today.plusDays(8), "倒了", "librarian"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> notices.announce(village, today.plusDays(9), today.plusDays(9), " ", "librarian"))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(notices.coming(village)).isEmpty();
		assertThat(notices.disclose(village, "13800138000", List.of("图书借阅"), Set.of(), "librarian")
			.complete(true)).isTrue();
	}

}
