package org.branchlink.gateway.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hazelcast.core.HazelcastInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the nodes of a cluster share through Hazelcast, shown with two more application nodes on this test's
 * PostgreSQL forming one cluster of their own: a revoked API key and a new site registry reach the other node's memory
 * at once (not when its copy expires: 30 s), a page session signed in on one node serves the next request on the
 * other (its CSRF token valid there), and a key's rate limit is one bucket for the whole cluster.
 */
class ClusterSharingTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void changesAndRateLimitsAreSharedByTheNodes() throws Exception {
		int portB = freePort();
		int portC = freePort();
		// one after the other: two Spring Boot applications starting at once in one JVM can race on the shared logging
		// system ("Unable to find Spring Environment in logger context"); each node's Hazelcast member joins the other
		// whenever it comes up
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
			Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
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
				Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
					.until(() -> sitesC.require().find("study-room-gongyuan").orElseThrow().openingHours()
						.contains("06:00-23:00"));
			}
			finally {
				sitesB.load(demo, "demo-county.yml", true);
			}

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

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	/** An application node on this test's PostgreSQL, as in {@code TwoNodeHoldTests}. */
	private ConfigurableApplicationContext node(String name, int port, int otherPort) {
		return new SpringApplicationBuilder(BranchLinkApplication.class).run("--server.port=0",
				"--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" + IntegrationTest.databasePassword(),
				"--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=branchlink-sharing-" + name,
				"--branchlink.gateway.cluster.name=sharing-two-nodes", "--branchlink.gateway.cluster.port=" + port,
				"--branchlink.gateway.cluster.members=127.0.0.1:" + otherPort,
				"--branchlink.security.rate-limits.credentials.burst=50",
				"--branchlink.security.rate-limits.credentials.tokens=1",
				"--branchlink.security.rate-limits.credentials.per=PT1M");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
