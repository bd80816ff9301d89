package org.branchlink.gateway.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Demand tickets: the 10-working-day deadline on the holiday calendar, reminder, escalation, the public board. */
class DemandTicketTests extends IntegrationTest {

	@Autowired
	DemandTickets tickets;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	JdbcClient jdbc;

	private static final DemandTickets.Classification HANDLE = new DemandTickets.Classification("group", "active",
			"special_group", "baishi", "normal", "easy", "handle", null);

	private DemandTickets.Ticket received(LocalDateTime at, String body) {
		return tickets.register(new DemandTickets.Intake("suggestion_box", body, "baishi", "张先生", "13812345678",
				at.atZone(ZoneId.of("Asia/Shanghai")).toInstant()), "librarian");
	}

	@Test
	void theDeadlineSkipsTheSpringFestivalAndCountsTheMakeUpSaturdays() {
		DemandTickets.Ticket ticket = tickets.classify(received(LocalDateTime.of(2026, 2, 13, 16, 0), "希望周末开放阅览室").id(),
				HANDLE, "librarian");
		// working days after Fri 13 Feb: Sat 14 (调休), Tue 24 … Fri 27, Sat 28 (调休), Mon 2 … Thu 5 March
		assertThat(ticket.deadline()).isEqualTo(LocalDate.of(2026, 3, 5));
		DemandTickets.Ticket national = tickets.classify(received(LocalDateTime.of(2026, 9, 30, 9, 0), "增加少儿绘本").id(),
				HANDLE, "librarian");
		// 1-7 October off; Thu 8, Fri 9, Sat 10 (调休), then 12-16, 19, 20
		assertThat(national.deadline()).isEqualTo(LocalDate.of(2026, 10, 20));
	}

	@Test
	void aTicketIsRemindedOnDaySevenAndEscalatedToTheParentSiteOnceItsDeadlinePasses() {
		DemandTickets.Ticket ticket = tickets.classify(received(LocalDateTime.of(2026, 9, 30, 9, 0), "村里想要广场舞培训").id(),
				HANDLE, "librarian");
		// working days after 30 September: Thu 8, Fri 9, Sat 10 (调休), 12, 13, 14 (the sixth), 15 (the seventh)
		tickets.sweep(LocalDate.of(2026, 10, 14));
		assertThat(tickets.ticket(ticket.id()).remindedAt()).as("working day 6").isNull();
		tickets.sweep(LocalDate.of(2026, 10, 15));
		assertThat(tickets.ticket(ticket.id()).remindedAt()).as("working day 7").isNotNull();
		tickets.sweep(LocalDate.of(2026, 10, 20));
		assertThat(tickets.ticket(ticket.id()).breachedAt()).as("the deadline day itself").isNull();
		tickets.sweep(LocalDate.of(2026, 10, 21));
		DemandTickets.Ticket breached = tickets.ticket(ticket.id());
		assertThat(breached.breachedAt()).isNotNull();
		assertThat(breached.escalatedTo()).isEqualTo("central-library");
		tickets.sweep(LocalDate.of(2026, 10, 22));
		assertThat(tickets.ticket(ticket.id()).breachedAt()).isEqualTo(breached.breachedAt());
	}

	@Test
	void aResidentAsksOnlineAndTheBoardShowsTheAnswerWithoutWhoAsked() throws Exception {
		String json = mvc.perform(post("/api/demand").contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"希望图书馆晚上开到九点，我的电话 13900001111\",\"siteId\":\"baishi\",\"name\":\"李女士\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reference").value(Matchers.startsWith("D20")))
			.andReturn().getResponse().getContentAsString();
		String reference = JsonPath.read(json, "$.reference");
		long id = Long.parseLong(reference.substring(reference.indexOf('-') + 1));
		tickets.classify(id, HANDLE, "librarian");
		mvc.perform(get("/api/demand/board"))
			.andExpect(jsonPath("$[?(@.reference == '" + reference + "')]").isEmpty());
		mvc.perform(post("/api/demand/tickets/" + id + "/review").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"publish\":true}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/demand/tickets/" + id + "/answer").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"自下月起周五延长到21:00\",\"publish\":true}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/demand/board"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.reference == '" + reference + "')].answer").value(Matchers.hasItem("自下月起周五延长到21:00")))
			.andExpect(jsonPath("$[?(@.reference == '" + reference + "')].onTime").value(Matchers.hasItem(true)))
			.andExpect(jsonPath("$[?(@.reference == '" + reference + "')].body").value(Matchers.hasItem(
					Matchers.allOf(Matchers.containsString("***"),
							Matchers.not(Matchers.containsString("13900001111"))))))
			.andExpect(jsonPath("$[0].submitterName").doesNotExist());
	}

	@Test
	void aNeedStatedBySignedInReaderIsTheirsAndOneWithoutSignInIsNobodys() throws Exception {
		mvc.perform(post("/demand").with(SecurityMockMvcRequestPostProcessors.csrf())
			.with(SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("reader")))
			.param("body", "读者登录后提的需求").param("siteId", "baishi"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/demand").with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("body", "未登录提的需求").param("siteId", "baishi"))
			.andExpect(status().is3xxRedirection());
		Long reader = readers.byUsername("reader").orElseThrow().id();
		assertThat(jdbc.sql("select reader_id from demand_ticket where body = '读者登录后提的需求'").query(Long.class)
			.single()).isEqualTo(reader);
		assertThat(jdbc.sql("select count(*) from demand_ticket where body = '未登录提的需求' and reader_id is null")
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theDemandPageTakesANeedWithoutSignInAndShowsTheBoard() throws Exception {
		mvc.perform(post("/demand").with(SecurityMockMvcRequestPostProcessors.csrf()).param("body", "希望增加老年大学课程").param("siteId", "baishi").param("contact", "13711112222"))
			.andExpect(status().is3xxRedirection())
			.andExpect(MockMvcResultMatchers.flash()
				.attribute("reference", Matchers.startsWith("D20")));
		for (DemandTickets.Ticket ticket : tickets.of(List.of("baishi"))) {
			if (ticket.boardState().equals("pending") && ticket.body().equals("希望增加老年大学课程")) {
				tickets.review(ticket.id(), true, null, "librarian");
			}
		}
		mvc.perform(get("/demand"))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.allOf(Matchers.containsString("希望增加老年大学课程"),
						Matchers.not(Matchers.containsString("13711112222")))));
		mvc.perform(get("/demand/tickets").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("13711112222")));
	}

	@Test
	void aClassificationOffTheAxesOrAnEscalationWithoutDestinationIsRefused() {
		long id = received(LocalDateTime.of(2026, 11, 2, 10, 0), "修缮文化礼堂屋顶").id();
		assertThatThrownBy(() -> tickets.classify(id, new DemandTickets.Classification("crowd", "active", "general", null,
				"normal", "easy", "handle", null), "librarian")).hasMessageContaining("subject must be one of");
		assertThatThrownBy(() -> tickets.classify(id, new DemandTickets.Classification("group", "active", "general", null,
				"high", "hard", "escalate", null), "librarian")).hasMessageContaining("forwardedTo");
		DemandTickets.Ticket escalated = tickets.classify(id, new DemandTickets.Classification("group", "active",
				"general", "县文广旅体局", "high", "hard", "escalate", "县文广旅体局"), "librarian");
		assertThat(escalated.deadline()).isNull();
		assertThat(escalated.forwardedTo()).isEqualTo("县文广旅体局");
	}

}
