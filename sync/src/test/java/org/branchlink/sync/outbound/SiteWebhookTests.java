package org.branchlink.sync.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook down to a site's own system ({@code site-webhook.<site>}), against a receiver played by the test (a
 * local HTTP server that checks signatures and takes each idempotency key once): what it receives in the end, however
 * often it fails or is away, and what happens to a change it never takes.
 */
class SiteWebhookTests extends RouteTest {

	/**
	 * How long the receiver is away in the outage test, as a township's server rebooting: fifteen seconds at the test's
	 * back-off (100 ms doubling up to 1 s) is what minutes are at the county's, and long enough that the tries it sees
	 * show the back-off capped (at least ten; doubling without a cap would have made seven).
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(15);

	private static final int TRIES_WHILE_AWAY = 10;

	@Autowired
	CamelContext camel;

	@Autowired
	SiteChanges changes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReceiverFailingAThirdOfTheCallsAwayAWhileAndARestartEndsWithEveryChangeOnceInOrderPerCopy() throws Exception {
		String site = "baishi";
		try (SiteReceiver receiver = new SiteReceiver(WEBHOOK_SECRET)) {
			receiver.failEvery = 3;
			List<Long> sent = new ArrayList<>(record(site, 0, 150));
			String route = start(site, receiver);
			await().atMost(Duration.ofSeconds(60)).until(() -> receiver.taken().size() >= 50);

			// BranchLink restarts mid-delivery: the route goes, changes keep coming, the route comes back and goes on
			// from what the outbox says was taken (its lease and back-off are rows, not memory)
			stop(route);
			sent.addAll(record(site, 150, 30));
			route = start(site, receiver);
			await().atMost(Duration.ofSeconds(60)).until(() -> receiver.taken().size() >= 100);

			receiver.down();
			Instant away = Instant.now();
			sent.addAll(record(site, 180, 150));
			long waiting = firstWaiting(site);
			// away, while the route keeps trying the oldest change on its back-off
			await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
				.until(() -> Duration.between(away, Instant.now()).compareTo(OUTAGE) >= 0 && attempts(waiting) >= TRIES_WHILE_AWAY);
			assertThat(delivered(site)).as("nothing delivered while the receiver is away").isLessThan(sent.size());
			receiver.up();

			await().atMost(Duration.ofSeconds(90)).until(() -> delivered(site) == sent.size());
			stop(route);
			List<JsonNode> taken = receiver.taken();
			assertThat(taken).extracting(c -> c.get("id").asLong()).as("every change once").containsExactlyInAnyOrderElementsOf(sent);
			assertThat(receiver.repeats()).as("no change posted again once taken").isZero();
			assertThat(receiver.badSignatures()).isEmpty();
			Map<String, List<Long>> perCopy = new HashMap<>();
			taken.forEach(c -> perCopy.computeIfAbsent(c.get("copy").asText(), k -> new ArrayList<>()).add(c.get("id").asLong()));
			assertThat(perCopy).hasSize(15);
			perCopy.forEach((copy, ids) -> assertThat(ids).as("in order for copy " + copy).isSorted());
			assertThat(receiver.calls()).as("failed calls were tried again").isGreaterThan(sent.size());
		}
	}

	@Test
	void aChangeGivenUpOnIsDeadLetteredHoldsBackItsCopyAndGoesOutWhenReplayed() throws Exception {
		String site = "baishi-xiacun";
		try (SiteReceiver receiver = new SiteReceiver(WEBHOOK_SECRET)) {
			receiver.refusing = change -> change.get("copy").asText().equals("poison");
			changes.record(site, SiteChangeKind.COPY_STATUS, "poison", "copy:poison", Map.of("status", "lost"));
			long poison = last(site);
			jdbc.sql("update site_change set attempts = :n where id = :id")
				.param("n", MAX_ATTEMPTS - 1).param("id", poison).update();
			changes.record(site, SiteChangeKind.RETURN, "poison", "copy:poison", Map.of("status", "available"));
			long after = last(site);
			changes.record(site, SiteChangeKind.LOAN, "other", "copy:other", Map.of("status", "on_loan"));
			long other = last(site);

			String route = start(site, receiver);
			await().atMost(Duration.ofSeconds(30)).until(() -> !changes.dead(site).isEmpty() && isDelivered(other));

			assertThat(changes.dead(site)).singleElement().satisfies(dead -> {
				assertThat(dead.change().id()).isEqualTo(poison);
				assertThat(dead.lastError()).contains("422");
			});
			assertThat(isDelivered(after)).as("a later change of the dead change's copy waits").isFalse();
			assertThat(jdbc.sql("select count(*) from sync_failure where route_id = :r").param("r", route)
				.query(Integer.class).single()).as("recorded by the shared dead letter").isPositive();

			receiver.refusing = change -> false;
			assertThat(changes.replay(poison)).isTrue();
			await().atMost(Duration.ofSeconds(30)).until(() -> isDelivered(after));
			stop(route);
			assertThat(receiver.taken()).extracting(c -> c.get("id").asLong()).containsExactly(other, poison, after);
			assertThat(changes.dead(site)).isEmpty();
			assertThat(changes.after(site, 0, 10)).extracting(SiteChange::id).containsExactly(poison, after, other);
		}
	}

	private List<Long> record(String site, int from, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			String copy = "B" + (i % 15);
			changes.record(site, i % 2 == 0 ? SiteChangeKind.LOAN : SiteChangeKind.RETURN, copy, "copy:" + copy,
					Map.of("n", i, "status", i % 2 == 0 ? "on_loan" : "available"));
			ids.add(last(site));
		}
		return ids;
	}

	private String start(String site, SiteReceiver receiver) throws Exception {
		String route = SiteWebhookTemplate.ID + "." + site;
		camel.addRouteFromTemplate(route, SiteWebhookTemplate.ID, site + ".",
				Map.of("siteId", site, "url", receiver.url(), "period", "100"));
		return route;
	}

	private void stop(String route) throws Exception {
		camel.getRouteController().stopRoute(route);
		camel.removeRoute(route);
	}

	private long last(String site) {
		return jdbc.sql("select max(id) from site_change where site_id = :s").param("s", site).query(Long.class).single();
	}

	private long firstWaiting(String site) {
		return jdbc.sql("select min(id) from site_change where site_id = :s and delivered_at is null")
			.param("s", site).query(Long.class).single();
	}

	private int attempts(long id) {
		return jdbc.sql("select attempts from site_change where id = :id").param("id", id).query(Integer.class).single();
	}

	private int delivered(String site) {
		return jdbc.sql("select count(*) from site_change where site_id = :s and delivered_at is not null")
			.param("s", site).query(Integer.class).single();
	}

	private boolean isDelivered(long id) {
		return jdbc.sql("select delivered_at is not null from site_change where id = :id").param("id", id)
			.query(Boolean.class).single();
	}

}
