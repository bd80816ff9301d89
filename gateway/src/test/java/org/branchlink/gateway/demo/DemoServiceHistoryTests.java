package org.branchlink.gateway.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.events.EventRegistrations;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county at its first start lives its recent past through the services' own verbs: holds in every state
 * (the demo reader's open ones among them, one paused), past events with registrations, cancellations, attendance,
 * walk-ins and ratings, registrations for the coming ones with a waiting list, the mobile units' past visits; and the
 * clock is back at the real time when it is ready. Its own small county (the shared test context leaves this out).
 */
@SpringBootTest
@ActiveProfiles("demo")
class DemoServiceHistoryTests {

	@DynamicPropertySource
	static void smallCounty(DynamicPropertyRegistry registry) {
		registry.add("branchlink.gateway.data-dir", () -> IntegrationTest.freshDataDir().toString());
		registry.add("branchlink.demo.catalogue-records", () -> "900");
		registry.add("branchlink.demo.activity-days", () -> "45");
		registry.add("branchlink.demo.loans-per-day", () -> "4");
		registry.add("branchlink.demo.readers", () -> "160");
		registry.add("branchlink.schedule.search-iterations", () -> "2000");
		registry.add("branchlink.sip2.port", () -> "0");
		registry.add("branchlink.demo.service-history", () -> "true");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	HoldQueue holds;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	ServiceMetrics metrics;

	@Autowired
	DemoClock clock;

	@Test
	void holdsAreInEveryStateAndTheDemoReaderHasEachOpenOne() {
		Map<String, Long> states = jdbc.sql("select status, count(*) from hold group by status")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(states.keySet()).as("hold states in the demo county: %s", states)
			.containsExactlyInAnyOrder("waiting", "allocated", "in_transit", "ready", "collected", "cancelled", "expired");

		Reader reader = readers.byUsername("reader").orElseThrow();
		List<HoldQueue.HoldView> open = holds.holdsOf(reader.cardNumber());
		assertThat(open).extracting(HoldQueue.HoldView::status)
			.as("the demo reader's open holds")
			.contains("ready", "in_transit", "waiting");
		assertThat(jdbc.sql("select count(*) from hold where card = :card and suspended_until > current_date")
			.param("card", reader.cardNumber())
			.query(Long.class)
			.single()).as("a paused hold").isEqualTo(1);
		// a ready copy waits its pickup days from when it arrived, yesterday: collect it within the week
		Instant expires = jdbc.sql("select expires_at from hold where card = :card and status = 'ready'")
			.param("card", reader.cardNumber())
			.query(Instant.class)
			.single();
		assertThat(expires).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(8)));
		// nothing left over of a hold that expired: its copy is free of it
		assertThat(jdbc.sql("select count(*) from hold where status = 'expired' and expires_at > now()").query(Long.class)
			.single()).isZero();
	}

	@Test
	void pastEventsWereAttendedAndRatedAndComingOnesHaveAWaitingList() {
		Reader reader = readers.byUsername("reader").orElseThrow();
		List<EventRegistrations.RegistrationView> mine = registrations.of(reader);
		assertThat(mine).extracting(EventRegistrations.RegistrationView::status)
			.as("the demo reader's tickets")
			.contains("attended", "cancelled", "registered", "waitlisted");
		assertThat(mine).filteredOn(r -> r.status().equals("attended"))
			.allSatisfy(r -> assertThat(r.rating()).isEqualTo(5))
			.allSatisfy(r -> assertThat(r.starts()).isBefore(Instant.now()));

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		ServiceMetrics.Row county = metrics.report(today.minusDays(45), today).county();
		assertThat(county.events()).as("events held").isGreaterThanOrEqualTo(2);
		assertThat(county.attendance()).as("attendance").isGreaterThan(county.events() * 5);
		assertThat(county.checkInRate()).as("share of registrations checked in").isBetween(0.5, 1.0);
		assertThat(county.mobileStops()).as("mobile visits of the past weeks").isPositive();
		assertThat(county.mobileStopsByService()).as("the bookmobiles' and the troupe's stops made")
			.containsKeys("books", "performance");
		assertThat(county.mobileStopsByService().get("books")).isPositive();
		assertThat(county.mobileStopsByService().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(county.mobileStops());
		assertThat(jdbc.sql("select count(*) from event_registration where rating is not null").query(Long.class).single())
			.as("ratings")
			.isGreaterThan(2);
		assertThat(jdbc.sql("select count(*) from event_registration where walk_in and reader_id is null").query(Long.class)
			.single()).as("walk-ins").isPositive();
	}

	@Test
	void residentsNeedsOfThePastWereAnsweredOnTheirOwnDays() {
		// from 45 days ago to three weeks ago, about two a week; the recent ones DemoActivity leaves open come after
		List<Map<String, Object>> answered = jdbc.sql("""
				select disposition, received_at, answered_at, deadline from demand_ticket
				where answered_at is not null and received_at < now() - interval '20 days'""").query().listOfRows();
		assertThat(answered).hasSizeGreaterThanOrEqualTo(4);
		assertThat(answered).extracting(row -> row.get("disposition")).as("dispositions").contains("handle");
		assertThat(answered).allSatisfy(row -> assertThat((Timestamp) row.get("answered_at"))
			.isAfter((Timestamp) row.get("received_at")));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		ServiceMetrics.Row county = metrics.report(today.minusDays(45), today).county();
		assertThat(county.ticketsDue()).as("tickets due in the period").isPositive();
		assertThat(county.ticketCompliance()).as("answered on time").isNotNull();
	}

	@Test
	void theClockIsBackAtTheRealTime() {
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
	}

}
