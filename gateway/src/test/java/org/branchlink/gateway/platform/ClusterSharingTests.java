package org.branchlink.gateway.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hazelcast.core.HazelcastInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.branchlink.gateway.ClusterNodes;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.branchlink.gateway.ClusterNodes.port;

/**
 * What the nodes of a cluster share through Hazelcast, shown with two more application nodes on this test's
 * PostgreSQL forming one cluster of their own: a revoked API key and a new site registry reach the other node's memory
 * at once (not when its copy expires: 30 s), and so does a changed reader (the loan terms read the reader's category);
 * an account changed on one node ends its sessions on all; a page session signed in on one node serves the next request on the
 * other (its CSRF token valid there), and a key's rate limit is one bucket for the whole cluster.
 */
class ClusterSharingTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void changesAndRateLimitsAreSharedByTheNodes() throws Exception {
		int portB = ClusterNodes.freePort();
		int portC = ClusterNodes.freePort();
		// one after the other (see ClusterNodes)
		try (ConfigurableApplicationContext b = node("b", portB, portC);
				ConfigurableApplicationContext c = node("c", portC, portB)) {
			Awaitility.await().atMost(Duration.ofSeconds(60))
				.until(() -> b.getBean(HazelcastInstance.class).getCluster().getMembers().size() == 2);

			// an API key revoked on one node is refused by the other at once
			AccountStore accountsB = b.getBean(AccountStore.class);
			AccountStore accountsC = c.getBean(AccountStore.class);
			accountsB.saveApiKey("cluster-key", "baishi", "cluster test");
			assertThat(accountsC.siteOfApiKey("cluster-key")).contains("baishi");
			long revoked = System.nanoTime();
			accountsB.revokeApiKey("cluster-key");
			Awaitility.await().atMost(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(2))
				.until(() -> accountsC.siteOfApiKey("cluster-key").isEmpty());
			System.out.printf("A revoked key reached the other node in %d ms%n", (System.nanoTime() - revoked) / 1_000_000);

			// a registry loaded on one node is the other's at once
			SiteDirectory sitesB = b.getBean(SiteDirectory.class);
			SiteDirectory sitesC = c.getBean(SiteDirectory.class);
			assertThat(sitesC.require().find("study-room-gongyuan")).isPresent();
			String demo = DemoCounty.registryYaml();
			String changed = demo.replaceFirst("(?s)(id: study-room-gongyuan.*?opening-hours: )\"[^\"]*\"", "$1\"Mo-Su 06:00-23:00\"");
			assertThat(changed).isNotEqualTo(demo);
			try {
				sitesB.load(changed, "cluster-test.yml", true);
				Awaitility.await().atMost(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(2))
					.until(() -> sitesC.require().find("study-room-gongyuan").orElseThrow().openingHours()
						.contains("06:00-23:00"));
			}
			finally {
				sitesB.load(demo, "demo-county.yml", true);
			}

			// a reader changed on one node is the other's at once: the terms of a loan applied there read the change
			ReaderRegistry readersB = b.getBean(ReaderRegistry.class);
			ReaderRegistry readersC = c.getBean(ReaderRegistry.class);
			Reader reader = readersB.register(new ReaderRegistry.Registration("集群读者", LocalDate.of(1990, 5, 1), null,
					"baishi", null, false, null, null, null));
			assertThat(readersC.byCardRemembered(reader.cardNumber()).orElseThrow().keepHistory()).isFalse();
			long changedAt = System.nanoTime();
			readersB.keepHistory(reader.id(), true);
			Awaitility.await().atMost(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(2))
				.until(() -> readersC.byCardRemembered(reader.cardNumber()).orElseThrow().keepHistory());
			System.out.printf("A changed reader reached the other node in %d ms%n", (System.nanoTime() - changedAt) / 1_000_000);

			// a page session is the cluster's: signed in on one node, the next request on the other is signed in, the
			// CSRF token a page of the first carries is valid on the second, and signing out there signs out everywhere
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
			String loginPage = get(browser, port(b), "/login").body();
			HttpResponse<String> signedIn = post(browser, port(b), "/login",
					"username=admin&password=demo-admin&_csrf=" + csrf(loginPage));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			HttpResponse<String> onC = get(browser, port(c), "/dashboard");
			assertThat(onC.statusCode()).as("signed in on B, the next request on C").isEqualTo(200);
			assertThat(onC.body()).contains("id=\"who\"");
			String token = csrf(get(browser, port(b), "/dashboard").body());
			HttpResponse<String> signedOut = post(browser, port(c), "/logout", "_csrf=" + token);
			assertThat(signedOut.statusCode()).as("B's CSRF token is valid on C (a refused one is a 403)").isEqualTo(302);
			assertThat(get(browser, port(b), "/dashboard").statusCode()).as("signed out on C, so on B too").isEqualTo(302);

			// an account changed on one node (here its roles) ends its sessions on every node: it signs in again as it is now
			accountsB.save("cluster-librarian", "cluster-pass-1", "Cluster librarian", Set.of(Role.LIBRARIAN), Set.of("baishi"));
			HttpClient librarian = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
			assertThat(post(librarian, port(b), "/login", "username=cluster-librarian&password=cluster-pass-1&_csrf="
					+ csrf(get(librarian, port(b), "/login").body())).statusCode()).isEqualTo(302);
			assertThat(get(librarian, port(b), "/holds/pull?site=baishi").statusCode()).isEqualTo(200);
			// saved again as it is (as a demo node does at each start): nothing changed, the session goes on
			accountsC.save("cluster-librarian", "cluster-pass-1", "Cluster librarian", Set.of(Role.LIBRARIAN), Set.of("baishi"));
			assertThat(get(librarian, port(b), "/holds/pull?site=baishi").statusCode()).isEqualTo(200);
			accountsC.save("cluster-librarian", "cluster-pass-1", "Cluster librarian", Set.of(Role.READER), Set.of());
			long roleChanged = System.nanoTime();
			Awaitility.await().atMost(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(2))
				.until(() -> get(librarian, port(b), "/holds/pull?site=baishi").statusCode() == 302);
			System.out.printf("A changed account's session ended on the other node in %d ms%n",
					(System.nanoTime() - roleChanged) / 1_000_000);

			// one key's requests through both nodes count against one bucket (here a burst of 50, one more a minute)
			b.getBean(AccountStore.class).saveApiKey("cluster-rate-key", "baishi", "cluster test");
			HttpClient http = HttpClient.newHttpClient();
			int[] ports = { port(b), port(c) };
			int admitted = 0;
			int status = 200;
			for (int i = 0; i < 500 && status != 429; i++) {
				status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i % 2] + "/api/me"))
					.header("X-API-Key", "cluster-rate-key").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
				admitted += status == 200 ? 1 : 0;
			}
			assertThat(status).isEqualTo(429);
			assertThat(admitted).as("one bucket of 50 for both nodes, not 50 each").isBetween(50, 52);
		}
	}

	private static HttpResponse<String> get(HttpClient browser, int port, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient browser, int port, String path, String form) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF token a page's forms carry. */
	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a form with its CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private ConfigurableApplicationContext node(String name, int port, int otherPort) {
		return ClusterNodes.node(postgres, "sharing-two-nodes", name, port, otherPort,
				"--branchlink.security.rate-limits.credentials.burst=50", "--branchlink.security.rate-limits.credentials.tokens=1",
				"--branchlink.security.rate-limits.credentials.per=PT1M");
	}

}
