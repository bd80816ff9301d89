package org.branchlink.gateway.demand;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.volunteer.Volunteers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The staff pages of participation: tickets classified and answered, volunteers registered, the survey list. */
class ParticipationPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	DemandTickets tickets;

	@Autowired
	Volunteers volunteers;

	@Test
	void aLibrarianClassifiesAndAnswersATicketOnThePage() throws Exception {
		long id = tickets.register(new DemandTickets.Intake("phone", "村里路灯太暗，晚上看不清书屋门口", "baishi", null, null, null),
				"librarian").id();
		var librarian = user(accounts.loadUserByUsername("librarian"));
		mvc.perform(get("/demand/tickets").with(librarian))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("村里路灯太暗")));
		mvc.perform(post("/demand/tickets/" + id + "/classify").with(librarian).with(csrf()).param("subject", "group")
			.param("initiative", "active").param("audience", "general").param("urgency", "normal")
			.param("difficulty", "easy").param("disposition", "handle"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/demand/tickets/" + id + "/answer").with(librarian).with(csrf())
			.param("answer", "已加装两盏路灯").param("publish", "true"))
			.andExpect(status().is3xxRedirection());
		DemandTickets.Ticket answered = tickets.ticket(id);
		assertThat(answered.deadline()).isNotNull();
		assertThat(answered.answer()).isEqualTo("已加装两盏路灯");
		assertThat(answered.published()).isTrue();
		mvc.perform(get("/demand/tickets").with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());
	}

	@Test
	void aVolunteerIsRegisteredOnThePageAndTheSurveyListOpensForCentralStaff() throws Exception {
		mvc.perform(post("/volunteers").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
			.param("name", "页面志愿者").param("birthDate", "1975-03-02").param("homeSite", "baishi")
			.param("skills", "摄影，剪纸"))
			.andExpect(status().is3xxRedirection());
		assertThat(volunteers.find("剪纸", Set.of("baishi")))
			.anySatisfy(v -> assertThat(v.name()).isEqualTo("页面志愿者"));
		mvc.perform(get("/surveys").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("survey-create")));
	}

}
