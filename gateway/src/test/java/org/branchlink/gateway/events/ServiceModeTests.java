package org.branchlink.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.ServiceMode;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service mode of every event (issue 20, point 3; seed 001: 场馆服务、流动服务和数字服务): an online event needs its
 * address and shows it; the events page and API filter by mode; a mobile stop is mobile; the report counts events and
 * attendance by mode.
 */
class ServiceModeTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	EventCatalog catalog;

	@Autowired
	ServiceMetrics metrics;

	@Test
	void anOnlineEventNeedsItsAddressIsFoundByModeAndCountedAsDigital() throws Exception {
		LocalDateTime start = LocalDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(post("/events").with(csrf()).with(user(accounts.loadUserByUsername("librarian")))
				.param("title", "线上读书分享会").param("category", "lecture").param("siteId", "baishi")
				.param("starts", start.toString()).param("minutes", "60").param("mode", "digital"))
			.andExpect(flash().attribute("problems", Map.of("onlineUrl", "events.form.online.required")));
		mvc.perform(post("/events").with(csrf()).with(user(accounts.loadUserByUsername("librarian")))
				.param("title", "线上读书分享会").param("category", "lecture").param("siteId", "baishi")
				.param("starts", start.toString()).param("minutes", "60").param("mode", "digital")
				.param("onlineUrl", "javascript:alert(1)"))
			.andExpect(flash().attribute("problems", Map.of("onlineUrl", "events.form.online.invalid")));
		String location = mvc.perform(post("/events").with(csrf()).with(user(accounts.loadUserByUsername("librarian")))
				.param("title", "线上读书分享会").param("category", "lecture").param("siteId", "baishi")
				.param("starts", start.toString()).param("minutes", "60").param("mode", "digital")
				.param("onlineUrl", "https://live.example.org/baishi/reading"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.split("/")[2]);
		CulturalEvent online = catalog.find(id).orElseThrow();
		assertThat(online.mode()).isEqualTo(ServiceMode.DIGITAL);

		mvc.perform(get("/events/" + id)).andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"event-online\""),
					Matchers.containsString("href=\"https://live.example.org/baishi/reading\""))));
		mvc.perform(get("/api/events").param("mode", "digital").param("rows", "100")).andExpect(status().isOk())
			.andExpect(jsonPath("$.hits[*].id", Matchers.hasItem((int) id)))
			.andExpect(jsonPath("$.hits[*].mode", Matchers.everyItem(Matchers.is("digital"))))
			.andExpect(jsonPath("$.facets.mode[?(@.value == 'digital')]").exists());
		mvc.perform(get("/api/events").param("mode", "venue").param("rows", "100"))
			.andExpect(jsonPath("$.hits[*].id", Matchers.not(Matchers.hasItem((int) id))));
		mvc.perform(get("/events").param("mode", "digital")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("线上读书分享会"), Matchers.containsString("id=\"mode-filter\""))));

		// switched back to a venue, the online address goes with the mode
		String venue = mvc.perform(post("/events").with(csrf()).with(user(accounts.loadUserByUsername("librarian")))
				.param("title", "馆内读书分享会").param("category", "lecture").param("siteId", "baishi")
				.param("starts", start.toString()).param("minutes", "60").param("mode", "venue")
				.param("onlineUrl", "https://live.example.org/stale"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(catalog.find(Long.parseLong(venue.split("/")[2])).orElseThrow().onlineUrl()).isNull();

		// a pushed event says its mode; an unknown one is refused; a mobile stop is mobile without saying so
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(4).withNano(0);
		mvc.perform(post("/api/sites/baishi/events").with(httpBasic("librarian", "demo-librarian")).contentType(MediaType.APPLICATION_JSON)
				.content("[{\"uid\":\"mode-1\",\"category\":\"lecture\",\"title\":\"送讲座下村\",\"siteId\":\"baishi\",\"starts\":\"" + at
						+ "\",\"ends\":\"" + at.plusHours(1) + "\",\"mode\":\"mobile\"},{\"uid\":\"mode-2\",\"category\":\"lecture\","
						+ "\"title\":\"坏方式\",\"siteId\":\"baishi\",\"starts\":\"" + at + "\",\"ends\":\"" + at.plusHours(1)
						+ "\",\"mode\":\"teleport\"}]"))
			.andExpect(jsonPath("$[0].change").value("added"))
			.andExpect(jsonPath("$[1].change").value("refused"));
		assertThat(catalog.find("baishi", "mode-1", "").orElseThrow().mode()).isEqualTo(ServiceMode.MOBILE);

		LocalDate day = start.toLocalDate();
		ServiceMetrics.Row county = metrics.report(day.withDayOfMonth(1), day.plusDays(2).withDayOfMonth(1).plusMonths(1)).county();
		assertThat(county.eventsByMode().getOrDefault("digital", 0L)).isGreaterThanOrEqualTo(1);
		assertThat(county.eventsByMode().getOrDefault("mobile", 0L)).isGreaterThanOrEqualTo(1);
		mvc.perform(get("/reports/" + day.getYear()).with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(content().string(Matchers.containsString("id=\"report-modes\"")));
	}

}
