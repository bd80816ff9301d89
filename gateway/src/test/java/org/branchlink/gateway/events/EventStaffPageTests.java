package org.branchlink.gateway.events;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.SessionCookie;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.CountySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff event pages: the form refuses a start in the past beside its field; edit, cancel and the registrants. */
class EventStaffPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	EventCatalog catalog;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	CountySettings county;

	private MockHttpServletRequestBuilder form(String path, String title, LocalDateTime starts) {
		return post(path).with(csrf())
			.with(user(accounts.loadUserByUsername("librarian")))
			.param("title", title)
			.param("category", "lecture")
			.param("siteId", "baishi")
			.param("place", "二楼")
			.param("starts", starts.truncatedTo(ChronoUnit.MINUTES).toString())
			.param("minutes", "90")
			.param("capacity", "20")
			.param("audience", "elderly");
	}

	private LocalDateTime now() {
		return LocalDateTime.now(ZoneId.of(county.zone().getId()));
	}

	@Test
	void aStartInThePastIsRefusedBesideItsFieldAndTheFormComesBackFilledIn() throws Exception {
		// the refused form comes back through the page session (the cluster's), as a browser's next request would
		SessionCookie session = new SessionCookie();
		session.perform(mvc, form("/events", "往日讲座", now().minusDays(3)))
			.andExpect(redirectedUrl("/events/new"))
			.andExpect(flash().attribute("problems", Map.of("starts", "refusal.event-in-past")))
			.andExpect(flash().attributeExists("form", "refused"));
		session.perform(mvc, get("/events/new").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("is-invalid"), containsString("活动开始时间不能早于现在。"),
					containsString("value=\"往日讲座\""), containsString("for=\"ev-title\""))));
	}

	@Test
	void staffPublishEditAndCancelAnEventAndSeeWhoRegistered() throws Exception {
		String location = mvc.perform(form("/events", "老年智能手机课", now().plusDays(5)))
			.andExpect(redirectedUrlPattern("/events/*/registrants"))
			.andExpect(flash().attribute("notice", "已发布活动“老年智能手机课”。"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.split("/")[2]);
		registrations.register(readers.byUsername("reader").orElseThrow(), id);
		String name = readers.byUsername("reader").orElseThrow().name();

		mvc.perform(get(location).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(name), containsString("白石镇综合文化站"), containsString("已报名"))));
		mvc.perform(get(location).with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());

		mvc.perform(form("/events/" + id, "老年智能手机课（第二期）", now().plusDays(6))).andExpect(redirectedUrl(location));
		assertThat(catalog.find(id).orElseThrow().title()).isEqualTo("老年智能手机课（第二期）");
		mvc.perform(form("/events/" + id, "老年智能手机课", now().minusHours(1)))
			.andExpect(redirectedUrl("/events/" + id + "/edit"))
			.andExpect(flash().attribute("problems", Map.of("starts", "refusal.event-in-past")));

		mvc.perform(post("/events/" + id + "/cancel").with(csrf()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attributeExists("notice"));
		CulturalEvent cancelled = catalog.find(id).orElseThrow();
		assertThat(cancelled.cancelled()).isTrue();
		assertThat(registrations.counts(id).registered()).isZero();
	}

}
