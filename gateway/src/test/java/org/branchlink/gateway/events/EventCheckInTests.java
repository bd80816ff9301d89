package org.branchlink.gateway.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Check-in at the door from the registrants page: a scanned ticket (its signed token) or a typed card number marks the
 * reader as attended; a token that does not verify, a ticket of another event, a cancelled registration, a second
 * scan (with the time of the first) and a scan outside the window (an hour before the start to the end) are refused
 * with their reasons in Chinese; every scan is audited without the token or the card.
 */
class EventCheckInTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	EventCatalog catalog;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	EventTickets tickets;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	JdbcClient jdbc;

	private static int count;

	private Reader reader() {
		return readers.register(new ReaderRegistry.Registration("签到读者" + (count++), LocalDate.of(1975, 3, 8), "adult",
				"baishi", null, false, null, null, null));
	}

	private CulturalEvent event(String title, Duration fromNow) {
		return event(title, fromNow, "baishi");
	}

	private CulturalEvent event(String title, Duration fromNow, String site) {
		Instant starts = Instant.now().plus(fromNow);
		return catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, site, "check-in-" + title + "-" + count++,
				"", 0, CulturalEvent.Kind.EVENT, EventCategory.LECTURE, title, "", site, "二楼", starts,
				starts.plus(Duration.ofHours(2)), 30, Set.of(), false, null, false)).event();
	}

	private ResultActions scan(long eventId, String code) throws Exception {
		return mvc.perform(post("/events/" + eventId + "/scan").param("code", code)
			.with(csrf())
			.with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(redirectedUrl("/events/" + eventId + "/registrants"));
	}

	@Test
	void aScannedTicketChecksItsReaderInOnceAndTheSecondScanSaysWhen() throws Exception {
		CulturalEvent talk = event("防诈骗讲座", Duration.ofMinutes(30));
		Reader reader = reader();
		EventRegistrations.RegistrationView registration = registrations.register(reader, talk.id());
		String token = tickets.token(registration.id(), talk.id());

		scan(talk.id(), token + "\n").andExpect(flash().attribute("scanned", "已签到：" + reader.name()));
		assertThat(registrations.view(registration.id()).status()).isEqualTo("attended");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where type = 'EVENT_CHECK_IN' and data ->> 'event' = :event
				and data ->> 'outcome' = 'attended' and data::text not like :token""")
			.param("event", String.valueOf(talk.id()))
			.param("token", "%" + token + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);

		scan(talk.id(), token).andExpect(flash().attribute("scanRefused", startsWith("已于 ")))
			.andExpect(flash().attribute("scanRefused", containsString("签到，不能重复签到。")));
		assertThat(registrations.counts(talk.id()).attended()).isEqualTo(1);

		mvc.perform(get("/events/" + talk.id() + "/registrants").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"scan\""), containsString("autofocus"),
					containsString("for=\"scan\""))));
	}

	@Test
	void aTokenThatDoesNotVerifyOrIsOfAnotherEventIsRefused() throws Exception {
		CulturalEvent talk = event("健康讲座", Duration.ofMinutes(10));
		CulturalEvent other = event("书法讲座", Duration.ofDays(3));
		EventRegistrations.RegistrationView elsewhere = registrations.register(reader(), other.id());
		String token = tickets.token(elsewhere.id(), other.id());

		scan(talk.id(), token).andExpect(flash().attribute("scanRefused", startsWith("这是另一场活动的票券：书法讲座")));
		String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		scan(talk.id(), altered).andExpect(flash().attribute("scanRefused", startsWith("票券无效")));
		scan(talk.id(), "BLT1.made.up").andExpect(flash().attribute("scanRefused", startsWith("票券无效")));
		scan(talk.id(), tickets.token(999_999_999L, talk.id()))
			.andExpect(flash().attribute("scanRefused", startsWith("票券无效")));
		assertThat(registrations.view(elsewhere.id()).status()).isEqualTo("registered");
	}

	@Test
	void aCancelledRegistrationsTicketIsVoid() throws Exception {
		CulturalEvent talk = event("茶艺体验", Duration.ofMinutes(40));
		Reader reader = reader();
		EventRegistrations.RegistrationView registration = registrations.register(reader, talk.id());
		registrations.cancel(reader, registration.id());

		scan(talk.id(), tickets.token(registration.id(), talk.id()))
			.andExpect(flash().attribute("scanRefused", "此报名已取消，票券作废。"));
	}

	@Test
	void checkInOpensAnHourBeforeTheStartAndClosesAtTheEnd() throws Exception {
		CulturalEvent tomorrow = event("明日讲座", Duration.ofHours(3));
		EventRegistrations.RegistrationView registration = registrations.register(reader(), tomorrow.id());

		scan(tomorrow.id(), tickets.token(registration.id(), tomorrow.id()))
			.andExpect(flash().attribute("scanRefused", "签到在活动开始前 60 分钟开放，活动结束时关闭。"));
		assertThat(registrations.view(registration.id()).status()).isEqualTo("registered");

		CulturalEvent over = event("已结束讲座", Duration.ofHours(-3));
		scan(over.id(), "anything").andExpect(flash().attribute("scanRefused", "签到在活动开始前 60 分钟开放，活动结束时关闭。"));
	}

	@Test
	void aTypedCardChecksInAMisreadOneAndNothingAreRefused() throws Exception {
		CulturalEvent talk = event("摄影讲座", Duration.ofMinutes(5));
		Reader walkIn = reader();

		scan(talk.id(), walkIn.cardNumber()).andExpect(flash().attribute("scanned", "已签到：" + walkIn.name()));
		scan(talk.id(), "NO-SUCH-CARD-42").andExpect(flash().attribute("scanRefused", startsWith("这不是有效的读者证号")));
		scan(talk.id(), " ").andExpect(flash().attribute("scanRefused", "请扫描票券二维码或输入读者证号。"));
		assertThat(registrations.counts(talk.id()).attended()).isEqualTo(1);

		mvc.perform(post("/events/" + talk.id() + "/scan").param("code", walkIn.cardNumber())
			.with(csrf())
			.with(user(accounts.loadUserByUsername("reader")))).andExpect(status().isForbidden());
		CulturalEvent central = event("县馆讲座", Duration.ofMinutes(5), "central-library");
		mvc.perform(post("/events/" + central.id() + "/scan").param("code", walkIn.cardNumber())
			.with(csrf())
			.with(user(accounts.loadUserByUsername("librarian")))).andExpect(status().isForbidden());
		assertThat(registrations.counts(central.id()).attended()).as("another site's librarian checks nobody in").isZero();
	}

}
