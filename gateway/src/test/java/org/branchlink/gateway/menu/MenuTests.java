package org.branchlink.gateway.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The service menu through its API: quota, scheduling into an event, delivery, rating, order rate, roles. */
class MenuTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SiteDirectory sites;

	@Autowired
	EventCatalog events;

	private List<String> baishiVillages() {
		return sites.require().childrenOf("baishi").stream().map(Site::id).sorted().toList();
	}

	private long item(int quantity) throws Exception {
		String body = "{\"providerSite\":\"culture-hall\",\"category\":\"演出\",\"title\":\"送戏下乡：越剧折子戏\","
				+ "\"content\":\"县越剧团六人小分队\",\"unit\":\"场\",\"quantityPerPeriod\":" + quantity
				+ ",\"period\":\"quarter\",\"audience\":[\"elderly\"],\"durationMinutes\":90}";
		String json = mvc.perform(post("/api/menu/items").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private String order(long item, String site, LocalDate day) {
		return "{\"itemId\":" + item + ",\"siteId\":\"" + site + "\",\"wantedDate\":\"" + day + "\"}";
	}

	@Test
	void anItemsQuotaIsRefusedWhenExhaustedAndAScheduledOrderBecomesAnEvent() throws Exception {
		long item = item(2);
		LocalDate day = LocalDate.now().plusDays(10);
		List<String> villages = baishiVillages();
		String first = mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(order(item, villages.get(0), day)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("requested"))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(order(item, villages.get(1), day)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(order(item, villages.get(2), day)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("menu-quota"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("Quota exhausted: 2 of 2")));
		// the same refusal worded in the language the client asks for
		mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON).content(order(item, villages.get(2), day)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("menu-quota"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("配额已用完")))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("本季度")));
		mvc.perform(get("/api/menu/items"))
			.andExpect(jsonPath("$[?(@.id == " + item + ")].orderedThisPeriod").value(Matchers.hasItem(
					ServiceMenu.Period.QUARTER.start(day).equals(ServiceMenu.Period.QUARTER.start(LocalDate.now())) ? 2 : 0)));

		long orderId = ((Number) JsonPath.read(first, "$.id")).longValue();
		String scheduled = mvc.perform(post("/api/menu/orders/" + orderId + "/schedule").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"starts\":\"" + day + "T19:00:00\",\"capacity\":200}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("scheduled"))
			.andReturn().getResponse().getContentAsString();
		long eventId = ((Number) JsonPath.read(scheduled, "$.eventId")).longValue();
		assertThat(events.find(eventId).orElseThrow().siteId()).isEqualTo(villages.get(0));

		mvc.perform(post("/api/menu/orders/" + orderId + "/delivered").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"attendance\":86}"))
			.andExpect(jsonPath("$.status").value("delivered"));
		mvc.perform(post("/api/menu/orders/" + orderId + "/rating").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"stars\":5,\"comment\":\"村民很喜欢\"}"))
			.andExpect(jsonPath("$.rating").value(5));
		mvc.perform(get("/api/menu/stats").param("from", day.minusDays(1).toString()).param("to", day.plusDays(1).toString())
			.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.itemsOrdered").value(Matchers.greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.items[?(@.itemId == " + item + ")].participants").value(Matchers.hasItem(86)));
	}

	@Test
	void aLibrarianOrdersOnlyForTheirOwnCentresAndOnlyCentralStaffSchedule() throws Exception {
		long item = item(5);
		String elsewhere = sites.require().childrenOf("longhu").get(0).id();
		mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(order(item, elsewhere, LocalDate.now().plusDays(3))))
			.andExpect(status().isForbidden());
		String mine = mvc.perform(post("/api/menu/orders").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(order(item, baishiVillages().get(3), LocalDate.now().plusDays(3))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/menu/orders/" + JsonPath.read(mine, "$.id") + "/schedule")
			.with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/menu/orders/" + JsonPath.read(mine, "$.id") + "/reject").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"剧团当天已有演出\"}"))
			.andExpect(jsonPath("$.status").value("rejected"))
			.andExpect(jsonPath("$.reason").value("剧团当天已有演出"));
	}

}
