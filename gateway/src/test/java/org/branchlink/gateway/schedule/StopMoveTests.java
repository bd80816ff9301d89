package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.Cookie;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.schedule.MobilePlanStore.Visit;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.CountySettings;
import org.branchlink.site.GeoPoint;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A central officer moves a stop of the demo's plan by hand on the planning page: the run is re-timed with the real
 * distances, the visit is stored as moved by hand, its published stop is re-announced (the readers' timetable shows
 * the new time), the move is audited; a move from an outdated page or past the end of the working day is refused
 * with its reason in the page's language.
 */
class StopMoveTests extends IntegrationTest {

	@Autowired
	MobileSchedule schedule;

	@Autowired
	ScheduleProperties properties;

	@Autowired
	SiteDirectory sites;

	@Autowired
	EventCatalog events;

	@Autowired
	CountySettings county;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	private RequestPostProcessor as(String name) {
		return user(accounts.loadUserByUsername(name));
	}

	/** The demo's plan: the active one covering today. */
	static long demoPlan(MobileSchedule schedule) {
		return schedule.plans().stream()
			.filter(plan -> plan.service() == MobileService.BOOKS)
			.filter(plan -> !plan.from().isAfter(schedule.today()) && !plan.to().isBefore(schedule.today()))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** The plan's runs, {@code unit@day} to its visits in order. */
	private Map<String, List<Visit>> runs(long plan) {
		Map<String, List<Visit>> runs = new LinkedHashMap<>();
		schedule.visits(plan).forEach(v -> runs.computeIfAbsent(v.unitId() + "@" + v.day(), k -> new ArrayList<>()).add(v));
		return runs;
	}

	private Map.Entry<String, List<Visit>> firstRun(long plan, Predicate<List<Visit>> wanted) {
		return runs(plan).entrySet().stream().filter(run -> wanted.test(run.getValue())).findFirst().orElseThrow();
	}

	/** A run no one moved by hand yet, back before 15:30: reordering it keeps it well inside a day to 17:00. */
	private static boolean roomLeft(List<Visit> visits) {
		return visits.stream().noneMatch(Visit::byHand) && visits.get(visits.size() - 1).depart().isBefore(LocalTime.of(15, 30));
	}

	@Test
	void aStopMovedOnThePageIsRetimedStoredReannouncedAndAudited() throws Exception {
		long plan = demoPlan(schedule);
		LocalDate today = schedule.today();
		// a run inside the publication window, after the days other tests break a unit down
		Map.Entry<String, List<Visit>> run = firstRun(plan, visits -> visits.size() >= 3
				&& visits.get(0).day().isAfter(today.plusDays(5)) && visits.get(0).day().isBefore(today.plusDays(14))
				&& roomLeft(visits));
		Visit last = run.getValue().get(run.getValue().size() - 1);
		assertThat(last.eventId()).as("published").isNotNull();

		mvc.perform(post("/planning/move").with(as("admin")).with(csrf()).param("plan", String.valueOf(plan))
			.param("visit", String.valueOf(last.id())).param("to", run.getKey()).param("position", "1")
			.param("back", run.getKey()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/planning?plan=" + plan + "&run=" + run.getKey().replace("@", "%40") + "#run-section"))
			.andExpect(flash().attribute("moveNotice", containsString("的第 1 站")));

		List<Visit> after = runs(plan).get(run.getKey());
		assertThat(after).extracting(Visit::siteId).first().isEqualTo(last.siteId());
		assertThat(after.get(0).byHand()).isTrue();
		assertThat(after.subList(1, after.size())).allSatisfy(v -> assertThat(v.byHand()).isFalse());
		assertThat(after.get(0).movedFrom()).as("same day").isNull();
		SiteRegistry registry = sites.require();
		Site unit = registry.find(last.unitId()).orElseThrow();
		GeoPoint home = unit.parent().flatMap(registry::find).orElse(unit).location();
		ScheduleProperties.UnitSettings settings = properties.settingsOf(last.unitId());
		double km = home.distanceKm(registry.find(last.siteId()).orElseThrow().location()) * properties.detourFactor();
		LocalTime arrive = settings.dayStart().plusMinutes(Math.round(km / settings.speedKmh() * 60));
		assertThat(after.get(0).arrive()).as("re-timed from home with the real distance").isEqualTo(arrive)
			.isBefore(last.arrive());
		for (int i = 1; i < after.size(); i++) {
			assertThat(after.get(i).arrive()).isAfter(after.get(i - 1).depart());
		}

		assertThat(events.find(last.eventId()).orElseThrow().cancelled()).as("the old announcement withdrawn").isTrue();
		CulturalEvent announced = events.find(after.get(0).eventId()).orElseThrow();
		assertThat(announced.starts()).isEqualTo(after.get(0).day().atTime(arrive).atZone(county.zone()).toInstant());
		mvc.perform(get("/events").param("tab", "mobile"))
			.andExpect(content().string(allOf(containsString("/events/" + announced.id() + "\""),
					not(containsString("/events/" + last.eventId() + "\"")))));
		assertThat(jdbc.sql("""
				select count(*) from audit_event where type = 'STOP_MOVED' and principal = 'admin' and data->>'site' = :site
				    and data->>'to' = :to""").param("site", last.siteId()).param("to", run.getKey())
			.query(Integer.class).single()).isOne();
		mvc.perform(get("/planning").param("plan", String.valueOf(plan)).param("run", run.getKey()).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("by-hand-badge"), containsString(arrive.toString()))));
	}

	@Test
	void aMoveFromAnOutdatedPageOrPastTheWorkingDayIsRefusedInThePagesLanguage() throws Exception {
		long plan = demoPlan(schedule);
		LocalDate today = schedule.today();
		Map.Entry<String, List<Visit>> run = firstRun(plan, visits -> visits.size() >= 3
				&& visits.get(0).day().isAfter(today.plusDays(14)) && roomLeft(visits));
		Visit first = run.getValue().get(0);
		LocalDate day = first.day();
		schedule.moveStop(plan, first.id(), first.unitId(), day, 2, "admin");

		mvc.perform(post("/planning/move").with(as("admin")).with(csrf()).param("plan", String.valueOf(plan))
			.param("visit", String.valueOf(first.id())).param("to", run.getKey()).param("position", "3")
			.param("back", run.getKey()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("moveRefused", containsString("排班在您打开页面后已有变动")));
		mvc.perform(post("/planning/move").with(as("admin")).with(csrf()).cookie(new Cookie("branchlink-lang", "en"))
			.param("plan", String.valueOf(plan)).param("visit", String.valueOf(first.id())).param("to", run.getKey())
			.param("position", "3"))
			.andExpect(flash().attribute("moveRefused", containsString("The plan has changed since this page was opened")));

		// a run of five stops already ends after 15:30: one more hour and a half at a stop cannot fit a day to 17:00
		Map.Entry<String, List<Visit>> full = firstRun(plan, visits -> visits.get(0).day().isAfter(today)
				&& visits.get(visits.size() - 1).depart().isAfter(LocalTime.of(15, 30)));
		Visit outsider = runs(plan).entrySet().stream()
			.filter(r -> !r.getKey().equals(full.getKey()) && r.getValue().get(0).day().isAfter(today))
			.flatMap(r -> r.getValue().stream())
			.filter(v -> full.getValue().stream().noneMatch(o -> o.siteId().equals(v.siteId())))
			.findFirst().orElseThrow();
		String[] target = full.getKey().split("@");
		assertThatThrownBy(() -> schedule.moveStop(plan, outsider.id(), target[0], LocalDate.parse(target[1]), 1, "admin"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("plan-move-day-too-long"));
		assertThat(schedule.visits(plan)).as("nothing changed").anyMatch(v -> v.id() == outsider.id());
		assertThatThrownBy(() -> schedule.moveStop(plan, first.id(), first.unitId(), day, 1, "admin"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("plan-move-stale"));
		mvc.perform(post("/api/mobile/plans/" + plan + "/visits/" + first.id() + "/move").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":\"" + first.unitId() + "\",\"day\":\"" + day
					+ "\",\"position\":1}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("plan-move-stale"));
		mvc.perform(post("/planning/move").with(as("librarian")).with(csrf()).param("plan", String.valueOf(plan))
			.param("visit", String.valueOf(outsider.id())).param("to", full.getKey()).param("position", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/planning/move").with(as("admin")).param("plan", String.valueOf(plan))
			.param("visit", String.valueOf(outsider.id())).param("to", full.getKey()).param("position", "1"))
			.andExpect(status().isForbidden());
	}

}
