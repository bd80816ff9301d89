package org.branchlink.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Supervision (issue 20, point 7): an inspection's rectification items are reported done by the site, re-inspected by
 * central staff (failed: open again with a new deadline; passed: closed); items past their deadline are escalated
 * once to the site above; bad input is refused and nothing is stored.
 */
class SupervisionTests extends IntegrationTest {

	@Autowired
	Supervision supervision;

	@Autowired
	SiteDirectory sites;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	private String baishiVillage(int index) {
		return sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList().get(index);
	}

	private Rectification onlyItemOf(Supervision.Inspection inspection) {
		return supervision.items(List.of(inspection.siteId())).stream().filter(item -> item.inspectionId() == inspection.id())
			.findFirst().orElseThrow();
	}

	@Test
	void anItemIsReportedReinspectedReopenedAndClosed() throws Exception {
		LocalDate today = supervision.today();
		String village = baishiVillage(7);
		Supervision.Inspection inspection = supervision.record(new Supervision.InspectionRequest("spot_check", village, today,
				"县文旅局第三方评估组", "农家书屋开放时间未公示；图书登记不全", List.of(new Supervision.ItemRequest(
						"在门口公示开放时间和服务电话", "村文化管理员李某", today.plusDays(14)))), "admin");
		Rectification item = onlyItemOf(inspection);
		assertThat(item.status()).isEqualTo(Rectification.Status.OPEN);

		// the township's librarian reports it on the page; a librarian of another township may not
		mvc.perform(post("/supervision/items/" + item.id() + "/report").param("report", "已在门口张贴公示牌")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已提交整改报告，等待复查。"));
		assertThat(supervision.item(item.id()).status()).isEqualTo(Rectification.Status.REPORTED);
		mvc.perform(post("/supervision/items/" + item.id() + "/reinspect").param("passed", "true").param("note", "通过")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());

		// not passed: a new deadline, after today, is required
		assertThatThrownBy(() -> supervision.reinspect(item.id(), false, "服务电话未公示", null, "admin"))
			.isInstanceOf(InvalidRequestException.class);
		Rectification reopened = supervision.reinspect(item.id(), false, "服务电话未公示", today.plusDays(7), "admin");
		assertThat(reopened.status()).isEqualTo(Rectification.Status.OPEN);
		assertThat(reopened.deadline()).isEqualTo(today.plusDays(7));
		assertThat(reopened.rounds()).isEqualTo(1);
		assertThatThrownBy(() -> supervision.reinspect(item.id(), true, "通过", null, "admin")).isInstanceOf(ConflictException.class);

		supervision.report(item.id(), "已补充公示服务电话", "librarian");
		Rectification closed = supervision.reinspect(item.id(), true, "复查通过", null, "admin");
		assertThat(closed.status()).isEqualTo(Rectification.Status.CLOSED);
		assertThat(closed.closedAt()).isNotNull();
		Supervision.Figures figures = supervision.figures(today, today.plusDays(30));
		assertThat(figures.closed()).isGreaterThanOrEqualTo(1);
		assertThat(figures.closedOnTime()).isGreaterThanOrEqualTo(1);

		mvc.perform(get("/supervision").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("在门口公示开放时间和服务电话"),
					Matchers.containsString("已销号"), Matchers.not(Matchers.containsString("inspection-form")))));
	}

	@Test
	void anItemPastItsDeadlineIsEscalatedOnceToTheSiteAbove() {
		LocalDate today = supervision.today();
		String village = baishiVillage(8);
		Supervision.Inspection inspection = supervision.record(new Supervision.InspectionRequest("inspection", village,
				today.minusDays(30), "县文化馆督查组", "文体活动室长期关闭", List.of(new Supervision.ItemRequest("恢复文体活动室开放",
						"村委会主任", today.minusDays(2)))), "admin");
		Rectification item = onlyItemOf(inspection);
		assertThat(item.overdue(today)).isTrue();

		assertThat(supervision.escalateOverdue(today)).isGreaterThanOrEqualTo(1);
		Rectification escalated = supervision.item(item.id());
		assertThat(escalated.escalatedTo()).isEqualTo("baishi");
		assertThat(supervision.escalateOverdue(today)).as("once").isZero();
		assertThat(supervision.items(List.of("baishi"))).extracting(Rectification::id).contains(item.id());
	}

	@Test
	void aBadInspectionIsRefusedAndNothingIsStored() throws Exception {
		LocalDate today = supervision.today();
		String village = baishiVillage(9);
		int before = supervision.inspections().size();
		assertThatThrownBy(() -> supervision.record(new Supervision.InspectionRequest("inspection", village, today, "督查组",
				"发现问题", List.of(new Supervision.ItemRequest("整改", "某人", today))), "admin"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> supervision.record(new Supervision.InspectionRequest("inspection", village, today.plusDays(1),
				"督查组", "发现问题", List.of()), "admin")).isInstanceOf(InvalidRequestException.class);
		mvc.perform(post("/supervision/inspections").param("siteId", village).param("inspectedOn", today.toString())
				.param("inspector", "督查组").param("findings", "图书破损").param("item", "修补图书").param("owner", "")
				.param("deadline", today.plusDays(5).toString())
				.with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("refused", "整改事项“修补图书”需要责任人和整改时限。"))
			.andExpect(flash().attribute("draft", Matchers.hasToString(Matchers.containsString("findings=图书破损"))));
		mvc.perform(post("/supervision/inspections").param("siteId", village).param("inspectedOn", today.toString())
				.param("inspector", "督查组").param("findings", "图书破损")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(supervision.inspections()).hasSize(before);
	}

}
