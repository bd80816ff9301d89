package org.branchlink.gateway.metrics;

import java.time.LocalDate;
import java.time.YearMonth;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.CountySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard compares this month so far with the same first days of last month and of last year's month. */
class ReportComparisonTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	CountySettings county;

	@Test
	void aMonthStillRunningIsComparedWithTheSameDaysBefore() throws Exception {
		LocalDate today = LocalDate.now(county.zone());
		YearMonth last = YearMonth.from(today).minusMonths(1);
		LocalDate lastTo = last.atDay(1).plusDays(today.getDayOfMonth() - 1);
		lastTo = lastTo.isAfter(last.atEndOfMonth()) ? last.atEndOfMonth() : lastTo;

		String page = mvc.perform(get("/dashboard").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(today.withDayOfMonth(1) + " 至 " + today + "，对比上期 " + last.atDay(1) + " 至 " + lastTo);
	}

	@Test
	void aPeriodCutAtADayIsComparedWithAsManyFirstDays() {
		ReportPeriod march = ReportPeriod.parse("2026-03").until(LocalDate.of(2026, 3, 31));
		assertThat(march.to()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(march.previous().asLongAs(march).to()).isEqualTo(LocalDate.of(2026, 2, 28));
		ReportPeriod early = ReportPeriod.parse("2026-03").until(LocalDate.of(2026, 3, 5));
		assertThat(early.previous().asLongAs(early).to()).isEqualTo(LocalDate.of(2026, 2, 5));
		assertThat(ReportPeriod.parse("2026-03").until(LocalDate.of(2026, 4, 2)).to()).isEqualTo(LocalDate.of(2026, 3, 31));
	}

}
