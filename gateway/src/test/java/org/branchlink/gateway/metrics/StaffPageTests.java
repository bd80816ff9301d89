package org.branchlink.gateway.metrics;

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
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staffing page (issue 20, point 8): a librarian keeps the staff of their sites with training days against the
 * standard and certificates with their expiry (expired and expiring marked); a bad certificate is refused in the
 * reader's language and nothing is stored; other sites' staff are out of reach; the auditor reads every site, no forms.
 */
class StaffPageTests extends IntegrationTest {

	@Autowired
	Staffing staffing;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void aLibrarianKeepsStaffTrainingAndCertificatesWithTheirExpiry() throws Exception {
		LocalDate today = LocalDate.now();
		String village = sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(0);
		mvc.perform(post("/staff").param("siteId", village).param("name", "测试管理员甲").param("kind", "part_time")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已登记人员。"));
		Staffing.Member member = staffing.members(List.of(village), today.getYear()).stream()
			.filter(m -> m.name().equals("测试管理员甲")).findFirst().orElseThrow();
		assertThat(member.requiredDays()).isEqualTo(5);
		assertThat(member.trainedEnough()).isFalse();

		mvc.perform(post("/staff/" + member.id() + "/training").param("day", today.toString()).param("days", "5")
				.param("topic", "农家书屋管理").with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已登记培训。"));
		mvc.perform(post("/staff/" + member.id() + "/certificates").param("name", "急救员证").param("issuedOn", today.toString())
				.param("expiresOn", today.minusDays(1).toString()).with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("refused", "有效期应晚于发证日期 " + today + "。"));
		mvc.perform(post("/staff/" + member.id() + "/certificates").param("name", "急救员证").param("number", "JJ-001")
				.param("issuedOn", today.minusYears(1).toString()).param("expiresOn", today.plusDays(20).toString())
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已登记证书。"));
		staffing.addCertificate(member.id(), new Staffing.CertificateRequest("消防安全培训证", "", today.minusYears(3),
				today.minusDays(3)));
		assertThat(staffing.certificates(List.of(member.id()))).extracting(Staffing.Certificate::name)
			.containsExactly("消防安全培训证", "急救员证");
		assertThat(staffing.members(List.of(village), today.getYear()).stream().filter(m -> m.id() == member.id())
			.findFirst().orElseThrow().trainedEnough()).isTrue();

		mvc.perform(get("/staff").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("测试管理员甲"), Matchers.containsString("即将到期"),
					Matchers.containsString("已过期"), Matchers.containsString("staff-form"),
					Matchers.not(Matchers.containsString("id=\"staffing-check\"")))));

		// staff of the county library are not the Baishi librarian's
		long county = staffing.members(List.of("central-library"), today.getYear()).get(0).id();
		mvc.perform(post("/staff/" + county + "/training").param("day", today.toString()).param("days", "1").param("topic", "越权")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		// the auditor reads every site and the county's check, with no form; and may not add anything
		mvc.perform(get("/staff").with(user(accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("测试管理员甲"),
					Matchers.containsString("id=\"staffing-check\""), Matchers.not(Matchers.containsString("staff-form")))));
		mvc.perform(post("/staff").param("siteId", village).param("name", "审计").param("kind", "part_time")
				.with(user(accounts.loadUserByUsername("auditor"))).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
