package org.branchlink.gateway.security;

import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.CsvExport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Downloads work from the page session, come as attachments, are audited, and cannot smuggle a formula. */
class ExportTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void theReportPageOffersACsvThatWorksWithThePageSession() throws Exception {
		var admin = user(accounts.loadUserByUsername("admin"));
		String page = mvc.perform(get("/reports/2026-Q4").with(admin)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("/reports/2026-Q4.csv");
		mvc.perform(get("/reports/2026-Q4.csv").with(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment")));
		mvc.perform(get("/reports/2026-Q4.csv").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isForbidden());
		String audit = mvc.perform(get("/actuator/auditevents").param("type", Audit.EXPORTED)
			.with(httpBasic("admin", "demo-admin"))).andReturn().getResponse().getContentAsString();
		assertThat(audit).contains("2026-Q4");
	}

	@Test
	void aCellThatLooksLikeAFormulaIsWrittenAsText() {
		String csv = CsvExport.of(List.of("township", "answer"),
				List.of(List.of("=HYPERLINK(\"http://x\")", "+1"), List.of("@SUM(A1)", "-2+3"), List.of("普通", "ok"),
						List.<Object>of("\tx", 0.5)));
		assertThat(csv.lines().toList()).containsExactly("township,answer", "\"'=HYPERLINK(\"\"http://x\"\")\",'+1",
				"'@SUM(A1),'-2+3", "普通,ok", "'\tx,0.5");
	}

}
