package org.branchlink.gateway.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.supervision.Rectification;
import org.branchlink.gateway.supervision.Supervision;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The auditor (issue 20, point 7: a read-only role for auditors and the governing board) reads the dashboard, the
 * reports and their downloads, population and coverage, every site's rectification items and the reporting log, with
 * no form on those pages; every change, and every page of the staff's work, is refused.
 */
class AuditorTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	Supervision supervision;

	@Autowired
	SiteDirectory sites;

	private UserDetails auditor() {
		return accounts.loadUserByUsername("auditor");
	}

	@Test
	void anAuditorReadsTheFiguresAndEverySitesItemsWithoutForms() throws Exception {
		LocalDate today = supervision.today();
		List<String> stations = sites.require().sites().stream().filter(s -> s.kind() == SiteKind.TOWNSHIP_STATION)
			.map(Site::id).filter(id -> !id.equals("baishi")).sorted().limit(2).toList();
		for (String station : stations) {
			supervision.record(new Supervision.InspectionRequest("inspection", station, today, "县理事会督查组", "服务公示不全",
					List.of(new Supervision.ItemRequest("补齐公示（" + station + "）", "站长", today.plusDays(10)))), "admin");
		}
		mvc.perform(get("/supervision").with(user(auditor())))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("补齐公示（" + stations.get(0) + "）"),
					Matchers.containsString("补齐公示（" + stations.get(1) + "）"), Matchers.containsString("id=\"read-only\""),
					Matchers.containsString("id=\"supervision-figures\""), Matchers.not(Matchers.containsString("report-submit-")),
					Matchers.not(Matchers.containsString("inspection-form")))));
		mvc.perform(get("/dashboard").with(user(auditor()))).andExpect(status().isOk());
		mvc.perform(get("/reports/" + today.getYear()).with(user(auditor())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("publish-report"))));
		mvc.perform(get("/reports/" + today.getYear() + ".csv").with(user(auditor()))).andExpect(status().isOk());
		mvc.perform(get("/population").with(user(auditor())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("population-import"))));
		mvc.perform(get("/reports/submissions").with(user(auditor())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("save-narrative"))));
		for (String api : List.of("/api/metrics?period=" + today.getYear(), "/api/metrics/staffing?year=" + today.getYear(),
				"/api/population/figures?from=" + today.withDayOfYear(1) + "&to=" + today,
				"/api/venues/figures?from=" + today.withDayOfYear(1) + "&to=" + today, "/api/me")) {
			mvc.perform(get(api).with(user(auditor()))).andExpect(status().isOk());
		}
		// central staff still see their forms
		mvc.perform(get("/reports/" + today.getYear()).with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(content().string(Matchers.containsString("publish-report")));
	}

	@Test
	void anAuditorChangesNothingAndSeesNoStaffWork() throws Exception {
		LocalDate today = supervision.today();
		String village = sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(6);
		Supervision.Inspection inspection = supervision.record(new Supervision.InspectionRequest("inspection", village, today,
				"督查组", "未公示开放时间", List.of(new Supervision.ItemRequest("公示开放时间", "管理员", today.plusDays(5)))), "admin");
		Rectification item = supervision.items(List.of(village)).stream().filter(i -> i.inspectionId() == inspection.id())
			.findFirst().orElseThrow();
		List<AbstractMockHttpServletRequestBuilder<?>> writes = List.of(
				post("/reports/" + today.getYear() + "/publish"),
				post("/supervision/inspections").param("siteId", village).param("inspectedOn", today.toString())
					.param("inspector", "审计").param("findings", "无"),
				post("/supervision/items/" + item.id() + "/report").param("report", "已整改"),
				post("/reports/submissions/narrative").param("quarter", today.getYear() + "-Q4").param("body", "动态"),
				post("/population/villages"),
				multipart(HttpMethod.PUT, "/api/population/villages").file(new MockMultipartFile("file", "v.csv", "text/csv",
						"区划代码,名称,常住人口\n".getBytes(StandardCharsets.UTF_8))),
				post("/venues/manage/venues").param("siteId", "baishi").param("name", "审计厅"));
		for (AbstractMockHttpServletRequestBuilder<?> write : writes) {
			mvc.perform(write.with(user(auditor())).with(csrf())).andExpect(status().isForbidden());
		}
		for (String page : List.of("/circulation", "/sites/manage", "/venues/manage", "/troupes", "/ingest", "/planning",
				"/api/population/villages", "/deliveries", "/surveys")) {
			mvc.perform(get(page).with(user(auditor()))).andExpect(status().isForbidden());
		}
	}

}
