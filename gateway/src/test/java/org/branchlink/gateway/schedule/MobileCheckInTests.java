package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Mobile visits made (issue 20, point 6): the crew checks in at a stop with the people served or records why it was
 * missed; the figures count the stops made and the people served go into the site's visits; a stop not yet due cannot
 * be checked in, and only the unit's staff record it.
 */
class MobileCheckInTests extends IntegrationTest {

	@Autowired
	MobileCheckIns checkIns;

	@Autowired
	ServiceMetrics metrics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	/** The planned stops of the coming month not yet recorded. */
	private List<StopVisit> coming() {
		LocalDate today = checkIns.today();
		List<StopVisit> visits = checkIns.between(today.plusDays(1), today.plusDays(40)).stream()
			.filter(visit -> visit.outcome() == StopVisit.Outcome.AWAITED).toList();
		assertThat(visits).as("the demo county's plan of the coming month").hasSizeGreaterThan(4);
		return visits;
	}

	/** A planned stop moved to today, as a crew finds it on the road (the demo plan starts tomorrow at the earliest). */
	private StopVisit dueToday(StopVisit visit) {
		jdbc.sql("update mobile_visit set day = :today, seq = 1000 + id where id = :id").param("today", Date.valueOf(checkIns.today()))
			.param("id", visit.id()).update();
		return checkIns.visit(visit.id());
	}

	@Test
	void aStopCheckedInCountsAsMadeAndItsPeopleAsTheSitesVisits() {
		StopVisit stop = dueToday(coming().get(0));
		LocalDate today = checkIns.today();
		long before = metrics.report(today, today).county().mobileStops();

		StopVisit made = checkIns.checkIn(stop.id(), 37, "librarian");
		assertThat(made.outcome()).isEqualTo(StopVisit.Outcome.MADE);
		assertThat(metrics.report(today, today).county().mobileStops()).isEqualTo(before + 1);
		assertThat(metrics.report(today, today).county().mobileStopsByService().values().stream().mapToLong(Long::longValue).sum())
			.as("the stops made, by service, add up").isEqualTo(before + 1);
		assertThat(jdbc.sql("select visits from site_visit where site_id = :site and day = :day and source = 'mobile'")
			.param("site", stop.siteId()).param("day", Date.valueOf(today)).query(Integer.class).single()).isEqualTo(37);

		// a corrected count replaces the first and keeps the arrival
		StopVisit corrected = checkIns.checkIn(stop.id(), 41, "librarian");
		assertThat(corrected.arrivedAt()).isEqualTo(made.arrivedAt());
		assertThat(jdbc.sql("select visits from site_visit where site_id = :site and day = :day and source = 'mobile'")
			.param("site", stop.siteId()).param("day", Date.valueOf(today)).query(Integer.class).single()).isEqualTo(41);
		assertThat(metrics.report(today, today).county().mobileStops()).as("still one stop").isEqualTo(before + 1);
		assertThatThrownBy(() -> checkIns.missed(stop.id(), "车坏了", "librarian")).isInstanceOf(ConflictException.class);
	}

	@Test
	void aStopNotYetDueOrWithoutAReasonIsRefusedAndAMissedStopDoesNotCount() {
		List<StopVisit> coming = coming();
		StopVisit future = coming.get(1);
		assertThatThrownBy(() -> checkIns.checkIn(future.id(), 20, "librarian")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("not come yet");
		assertThatThrownBy(() -> checkIns.checkIn(future.id(), -1, Instant.now(), "librarian"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> checkIns.missed(future.id(), "预计下雨", "librarian")).as("not missed before its day")
			.isInstanceOf(InvalidRequestException.class);

		StopVisit stop = dueToday(coming.get(2));
		LocalDate today = checkIns.today();
		long before = metrics.report(today, today).county().mobileStops();
		assertThatThrownBy(() -> checkIns.missed(stop.id(), " ", "librarian")).isInstanceOf(InvalidRequestException.class);
		StopVisit missed = checkIns.missed(stop.id(), "山路塌方，车辆无法通行", "librarian");
		assertThat(missed.outcome()).isEqualTo(StopVisit.Outcome.MISSED);
		assertThat(metrics.report(today, today).county().mobileStops()).isEqualTo(before);
		// it happened after all (the road opened): made
		assertThat(checkIns.checkIn(stop.id(), 12, "librarian").outcome()).isEqualTo(StopVisit.Outcome.MADE);
	}

	@Test
	void theCrewsPageChecksInOnlyForTheUnitsStaffAndWordsRefusals() throws Exception {
		StopVisit stop = dueToday(coming().get(3));
		mvc.perform(get("/mobile/today").param("unit", stop.unitId()).with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"stop-" + stop.id() + "\"")));
		mvc.perform(post("/mobile/stops/" + stop.id() + "/check-in").param("people", "25")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/mobile/stops/" + stop.id() + "/check-in").param("people", "99999")
				.with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("refused", "服务人数应在 0 到 5,000 之间。"));
		mvc.perform(post("/mobile/stops/" + stop.id() + "/check-in").param("people", "25")
				.with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("notice", Matchers.startsWith("已在")));
		assertThat(checkIns.visit(stop.id()).headCount()).isEqualTo(25);
	}

}
