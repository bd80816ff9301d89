package org.branchlink.gateway.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A librarian's volunteers are those of their own sites: the list, a minor's birth date and guardian, certificates,
 * and hours and assignments given by an event (whose site decides) stay within them; central staff see the county.
 */
class VolunteerScopeTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventCatalog events;

	@Autowired
	AccountStore accounts;

	@Test
	void aLibrarianListsAndCertifiesOnlyTheVolunteersOfTheirSites() throws Exception {
		LocalDate fourteen = LocalDate.now().minusYears(14);
		long minorElsewhere = register("admin", "demo-admin", "{\"name\":\"县城小志愿者\",\"birthDate\":\"" + fourteen
				+ "\",\"homeSite\":\"central-library\",\"skills\":[\"范围测试\"],\"guardianName\":\"范围监护人\","
				+ "\"guardianConsent\":true}");
		long ours = register("librarian", "demo-librarian", "{\"name\":\"白石志愿者\",\"birthDate\":\"1970-02-03\","
				+ "\"homeSite\":\"baishi\",\"skills\":[\"范围测试\"]}");

		mvc.perform(get("/api/volunteers").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) ours)))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) minorElsewhere))))
			.andExpect(jsonPath("$[*].homeSite", not(hasItem("central-library"))))
			.andExpect(content().string(not(containsString("范围监护人"))))
			.andExpect(content().string(not(containsString(fourteen.toString()))));
		mvc.perform(get("/api/volunteers").param("skill", "范围测试").with(httpBasic("admin", "demo-admin")))
			.andExpect(jsonPath("$[*].id", hasItem((int) minorElsewhere)))
			.andExpect(jsonPath("$[*].guardianName", hasItem("范围监护人")));
		var librarian = user(accounts.loadUserByUsername("librarian"));
		var admin = user(accounts.loadUserByUsername("admin"));
		mvc.perform(get("/volunteers").with(librarian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("白石志愿者")))
			.andExpect(content().string(not(containsString("县城小志愿者"))));

		mvc.perform(get("/volunteers/" + minorElsewhere + "/certificate").with(librarian))
			.andExpect(status().isForbidden());
		mvc.perform(get("/volunteers/" + ours + "/certificate").with(librarian))
			.andExpect(status().isOk());
		mvc.perform(get("/volunteers/" + minorElsewhere + "/certificate").with(admin))
			.andExpect(status().isOk());
	}

	@Test
	void hoursAndAssignmentsGivenByAnEventNeedTheEventsSite() throws Exception {
		long ours = register("librarian", "demo-librarian", "{\"name\":\"活动志愿者\",\"birthDate\":\"1980-02-03\","
				+ "\"homeSite\":\"baishi\"}");
		long elsewhere = event("central-library", "县馆志愿服务");
		long here = event("baishi", "白石志愿服务");
		String yesterday = LocalDate.now().minusDays(1).toString();

		mvc.perform(post("/api/volunteers/" + ours + "/assignments").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"eventId\":" + elsewhere + ",\"role\":\"引导\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/volunteers/" + ours + "/hours").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"siteId\":\"baishi\",\"eventId\":" + elsewhere + ",\"day\":\"" + yesterday + "\",\"hours\":3}"))
			.andExpect(status().isForbidden());

		mvc.perform(post("/api/volunteers/" + ours + "/assignments").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"eventId\":" + here + ",\"role\":\"引导\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/volunteers/" + ours + "/hours").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\":" + here + ",\"day\":\"" + yesterday + "\",\"hours\":3}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/volunteers/" + ours + "/assignments").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"eventId\":" + elsewhere + ",\"role\":\"引导\"}"))
			.andExpect(status().isCreated());
	}

	private long register(String username, String password, String body) throws Exception {
		String created = mvc.perform(post("/api/volunteers").with(httpBasic(username, password))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	private long event(String site, String title) {
		Instant starts = Instant.now().plus(Duration.ofDays(3));
		return events.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, site, "scope-" + title, "", 0,
				CulturalEvent.Kind.EVENT, EventCategory.EXPERIENCE, title, "", site, "一楼", starts,
				starts.plus(Duration.ofHours(2)), null, Set.of(Audience.ELDERLY), false, null, false)).event().id();
	}

}
