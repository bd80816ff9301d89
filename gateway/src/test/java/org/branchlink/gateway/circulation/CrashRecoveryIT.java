package org.branchlink.gateway.circulation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application, in its own JVM, is killed (SIGKILL) while a site streams circulation events, then started
 * again on the same data. The site resends what it had no answer for (and a little more): every event is stored once
 * and applied once, verified by counts in the database.
 */
class CrashRecoveryIT {

	private static final String KEY = "demo-central-library-key";

	private static final int BATCHES = 50;

	private static final int PER_BATCH = 20;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The application's data directory (its embedded PostgreSQL keeps its password there). */
	private final Path data = IntegrationTest.freshDataDir();

	@Test
	void killedMidStreamAndRestartedLosesNoEventAndAppliesNoneTwice() throws Exception {
		Path jar = Path.of("target", "branchlink.jar");
		assertThat(jar).as("packaged by the package phase").exists();
		int port = freePort();
		int database = freePort();
		Process app = start(jar, data, port, database, "first.log");
		try {
			awaitReady(app, port);
			List<String> barcodes = query(database, "select barcode from item i where not exists "
					+ "(select 1 from circulation_item c where c.barcode = i.barcode) order by barcode offset 40 limit 100");
			assertThat(barcodes).hasSize(100);
			List<String> batches = batches(barcodes);

			AtomicInteger acknowledged = new AtomicInteger();
			Thread site = new Thread(() -> {
				for (String batch : batches) {
					try {
						if (post(port, batch) != 200) {
							return;
						}
						acknowledged.incrementAndGet();
					}
					catch (IOException ex) {
						return; // the application died under us
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			site.start();
			await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.get() >= 15);
			app.destroyForcibly().waitFor();
			site.join();
			int acked = acknowledged.get();
			assertThat(acked).as("killed mid-stream").isLessThan(BATCHES);

			app = start(jar, data, port, database, "second.log");
			awaitReady(app, port);
			// the site resends from a little before its last answered batch: at-least-once delivery
			for (int i = Math.max(0, acked - 3); i < BATCHES; i++) {
				assertThat(post(port, batches.get(i))).isEqualTo(200);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> count(database,
					"select count(*) from circulation_event where applied_at is null and outcome is null") == 0);

			int events = BATCHES * PER_BATCH;
			assertThat(count(database, "select count(*) from circulation_event where event_id like 'crash-%'")).isEqualTo(events);
			assertThat(count(database, "select count(*) from circulation_event where event_id like 'crash-%' and applied_at is not null"))
				.isEqualTo(events);
			assertThat(count(database, "select coalesce(sum(events), 0) from circulation_item where barcode in ("
					+ String.join(",", barcodes.stream().map(b -> "'" + b + "'").toList()) + ")"))
				.as("each event applied exactly once").isEqualTo(events);
			assertThat(count(database, "select count(*) from loan where loan_key like 'central-library:crash-%'"))
				.as("one loan per checkout").isEqualTo(events / 2);
			assertThat(count(database, "select count(*) from loan where loan_key like 'central-library:crash-%' and returned_at is null"))
				.as("the last round checked everything in").isZero();
		}
		finally {
			app.destroy();
			app.waitFor();
		}
	}

	/** Ten rounds over 100 copies: even rounds check out (a new card each time), odd rounds check in. */
	private static List<String> batches(List<String> barcodes) {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2);
		List<String> events = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			for (int b = 0; b < barcodes.size(); b++) {
				boolean out = round % 2 == 0;
				String at = start.plusHours(round).plusSeconds(b).toString();
				events.add("{\"eventId\":\"crash-" + round + "-" + b + "\",\"type\":\"" + (out ? "checkout" : "checkin")
						+ "\",\"occurredAt\":\"" + at + "\",\"barcode\":\"" + barcodes.get(b) + "\""
						+ (out ? ",\"card\":\"crash-card-" + round + "-" + b + "\"" : "") + "}");
			}
		}
		List<String> batches = new ArrayList<>();
		for (int i = 0; i < events.size(); i += PER_BATCH) {
			batches.add("[" + String.join(",", events.subList(i, i + PER_BATCH)) + "]");
		}
		return batches;
	}

	private int post(int port, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/sites/central-library/circulation/events"))
			.header("X-API-Key", KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Process start(Path jar, Path data, int port, int database, String log) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString(), "--spring.profiles.active=demo",
				"--branchlink.gateway.data-dir=" + data, "--server.port=" + port,
				"--branchlink.gateway.database.port=" + database, "--branchlink.demo.catalogue-records=400", "--branchlink.demo.activity-days=0",
				"--branchlink.gateway.cluster.port=" + freePort(), "--branchlink.circulation.sweep-millis=1000")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve(log).toFile())
			.start();
	}

	/** Up, with the demo county and its reader's loans in place. */
	private void awaitReady(Process app, int port) {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			assertThat(app.isAlive()).as("the application exited; see its log in the data directory").isTrue();
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me/loans"))
					.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("reader:demo-reader".getBytes()))
					.build();
				return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private List<String> query(int database, String sql) throws SQLException {
		try (Connection c = connect(database); ResultSet rs = c.createStatement().executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

	private long count(int database, String sql) throws SQLException {
		return Long.parseLong(query(database, sql).get(0));
	}

	private Connection connect(int database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + database + "/postgres", "postgres",
				IntegrationTest.databasePassword(data));
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
