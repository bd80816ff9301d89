package org.branchlink.gateway.schedule;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The planning page's map: its data by site name and position, and no base map unless one is configured. */
class PlanningMapTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	MobileSchedule schedule;

	@Autowired
	MapProperties map;

	@Test
	void thePlanIsDrawnFromSitesByNameAndWorksWithoutABaseMap() throws Exception {
		List<MobileSchedule.PlanSummary> plans = schedule.plans();
		assertThat(plans).as("the demo county has a plan").isNotEmpty();
		long id = plans.get(0).id();
		assertThat(map.tiles()).as("no base map by default (offline)").isFalse();
		mvc.perform(get("/planning/" + id + "/map").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stops.length()").value(plans.get(0).stops()))
			.andExpect(jsonPath("$.stops[0].name").value(containsString("综合文化服务中心")))
			.andExpect(jsonPath("$.stops[0].lat").isNumber())
			.andExpect(jsonPath("$.runs[0].points[0].length()").value(2))
			.andExpect(jsonPath("$.units[0].colour").value(containsString("#")));
		mvc.perform(get("/planning/" + id + "/map").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/planning").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-src=\"/planning/"), containsString("未配置底图"),
					not(containsString("data-tiles=\"http")))));
	}

}
