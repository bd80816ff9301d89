package org.branchlink.gateway.live;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.hazelcast.core.HazelcastInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.ClusterNodes;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.branchlink.gateway.ClusterNodes.port;

/**
 * Live updates across a cluster, with two more application nodes on this test's PostgreSQL: a page's stream open on
 * node B hears a loan and a return made on node C; the public stream of a work carries the copy, never its reader; a
 * site's desk stream is its own staff's only.
 */
class LiveUpdatesTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeMadeOnOneNodeReachesTheStreamsOpenOnTheOther() throws Exception {
		int portB = ClusterNodes.freePort();
		int portC = ClusterNodes.freePort();
		// B keeps at most two streams open and beats every 0.2 s
		String[] live = { "--branchlink.gateway.live.max-streams=2", "--branchlink.gateway.live.heartbeat=PT0.2S" };
		try (ConfigurableApplicationContext b = ClusterNodes.node(postgres, "live-two-nodes", "b", portB, portC, live);
				ConfigurableApplicationContext c = ClusterNodes.node(postgres, "live-two-nodes", "c", portC, portB, live)) {
			Awaitility.await().atMost(Duration.ofSeconds(60))
				.until(() -> b.getBean(HazelcastInstance.class).getCluster().getMembers().size() == 2);
			ItemRef copy = LiveFixtures.freshCopyOf(jdbc, "baishi");
			Reader reader = c.getBean(ReaderRegistry.class).register(new ReaderRegistry.Registration("直播读者",
					LocalDate.of(1988, 3, 4), null, "baishi", null, false, null, null, null));

			// the desk stream: not for anonymous callers, not for another site's librarian
			AccountStore accounts = b.getBean(AccountStore.class);
			accounts.save("live-baishi", "live-pass-1", "Live Baishi", Set.of(Role.LIBRARIAN), Set.of("baishi"));
			accounts.save("live-gongyuan", "live-pass-2", "Live Gongyuan", Set.of(Role.LIBRARIAN), Set.of("study-room-gongyuan"));
			HttpClient anonymous = browser();
			assertThat(get(anonymous, port(b), "/live/desk?site=baishi").statusCode()).as("anonymous: to the sign-in page")
				.isEqualTo(302);
			HttpClient other = signedIn(port(b), "live-gongyuan", "live-pass-2");
			assertThat(get(other, port(b), "/live/desk?site=baishi").statusCode()).as("another site's librarian").isEqualTo(403);
			HttpClient librarian = signedIn(port(b), "live-baishi", "live-pass-1");

			try (Events work = Events.open(anonymous, port(b), "/live/works/" + copy.workId());
					Events desk = Events.open(librarian, port(b), "/live/desk?site=baishi")) {
				LiveFixtures.report(port(c), "checkout", copy, reader.cardNumber());
				String loaned = work.await("copy", copy.barcode());
				assertThat(loaned).contains("\"status\":\"on_loan\"", "\"site\":\"baishi\"", "\"workId\":\"" + copy.workId() + "\"");
				assertThat(loaned).as("no reader in a public stream").doesNotContain(reader.cardNumber(), reader.name(), "card");
				assertThat(desk.await("copy", copy.barcode())).contains("\"status\":\"on_loan\"");

				LiveFixtures.report(port(c), "checkin", copy, null);
				assertThat(work.await("copy", "\"status\":\"available\"")).contains(copy.barcode());
				assertThat(desk.await("copy", "\"status\":\"available\"")).contains(copy.barcode());
				assertThat(work.lines()).as("the public stream: copy events only, no reader").noneMatch(line -> line.contains("card"))
					.noneMatch(line -> line.startsWith("event:pull"));

				// bounded: B keeps two streams open (its setting here), a third page is refused and works without
				assertThat(get(browser(), port(b), "/live/works/" + copy.workId()).statusCode()).isEqualTo(503);
				// an idle stream carries a comment every heartbeat (here 0.2 s) so that proxies keep it open
				Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> work.lines().contains(":keep-alive"));
			}
		}
	}

	/** The lines of one server-sent event stream, read on a thread of their own as they come. */
	private record Events(HttpResponse<Stream<String>> response, Queue<String> lines, CompletableFuture<Void> reading)
			implements AutoCloseable {

		static Events open(HttpClient client, int port, String path) throws Exception {
			HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri(port, path))
				.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
			assertThat(response.headers().firstValue("X-Accel-Buffering")).contains("no");
			Queue<String> lines = new ConcurrentLinkedQueue<>();
			return new Events(response, lines, CompletableFuture.runAsync(() -> response.body().forEach(lines::add)));
		}

		/** The data of the first event of this name whose data contains the text, waited for. */
		String await(String name, String text) {
			return Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> find(name, text), data -> data != null);
		}

		private String find(String name, String text) {
			List<String> seen = List.copyOf(lines);
			for (int i = 0; i + 1 < seen.size(); i++) {
				if (seen.get(i).equals("event:" + name) && seen.get(i + 1).startsWith("data:") && seen.get(i + 1).contains(text)) {
					return seen.get(i + 1);
				}
			}
			return null;
		}

		@Override
		public void close() {
			response.body().close();
			reading.cancel(true);
		}

	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private static HttpClient signedIn(int port, String username, String password) throws Exception {
		HttpClient browser = browser();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, port, "/login").body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return browser;
	}

	private static HttpResponse<String> get(HttpClient browser, int port, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
