package org.branchlink.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with its real engines (embedded PostgreSQL, embedded Solr on the repo's configset, a Hazelcast
 * member, Quartz on PostgreSQL, Camel) and the demo county, on a fresh data directory. Every subclass shares one
 * application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public abstract class IntegrationTest {

	protected static final Path DATA_DIR = freshDataDir();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("branchlink.gateway.data-dir", DATA_DIR::toString);
		registry.add("branchlink.demo.catalogue-records", () -> "1500");
		// a shorter demo year: two months of loans, and just enough readers for the survey sample of 500
		registry.add("branchlink.demo.activity-days", () -> "60");
		registry.add("branchlink.demo.loans-per-day", () -> "6");
		registry.add("branchlink.demo.readers", () -> "520");
		// the demo's holds, event history and past mobile visits have their own test (DemoServiceHistoryTests)
		registry.add("branchlink.demo.service-history", () -> "false");
		registry.add("branchlink.schedule.search-iterations", () -> "5000");
		// the tests' own calls come from the loopback address; the limits are tested from other addresses
		registry.add("branchlink.security.rate-limits.exempt", () -> "127.0.0.1");
		// the SIP2 server on a free port (Sip2Server.port()); a stalled kiosk connection is closed after 4 s
		registry.add("branchlink.sip2.port", () -> "0");
		registry.add("branchlink.sip2.idle-timeout", () -> "4s");
		// readers' notices: e-mail to an in-process SMTP server and SMS to a gateway, both on ports the notification
		// test listens on (elsewhere nothing listens there: a reader who chose no channel is sent nothing)
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> String.valueOf(MAIL_PORT));
		registry.add("branchlink.notify.sms-url", () -> "http://127.0.0.1:" + SMS_PORT + "/sms");
		registry.add("branchlink.notify.period", () -> "1s");
		registry.add("branchlink.notify.first-retry", () -> "1s");
		registry.add("branchlink.notify.max-retry", () -> "2s");
		// a notice given up on after three tries (1 s, 2 s): the deliveries page lists it
		registry.add("branchlink.notify.max-attempts", () -> "3");
		// a report's retries after 100 ms and 200 ms (2 s and 4 s in production)
		registry.add("branchlink.reporting.retry-delay", () -> "100ms");
		// a reporting target that is never there (port 1 refuses): the reporting page shows it and its refusals
		registry.add("branchlink.reporting.targets[0].id", () -> "city-cloud");
		registry.add("branchlink.reporting.targets[0].name", () -> "市文化云（测试）");
		registry.add("branchlink.reporting.targets[0].url", () -> "http://127.0.0.1:1/reports");
		registry.add("branchlink.reporting.targets[0].periods", () -> "monthly,quarterly");
	}

	/** Where the test's SMTP server listens (a free port at class load). */
	protected static final int MAIL_PORT = freePort();

	/** Where the test's SMS gateway listens. */
	protected static final int SMS_PORT = freePort();

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The embedded PostgreSQL's password, generated into the data directory at its first start. */
	public static String databasePassword() {
		return databasePassword(DATA_DIR);
	}

	/** The password of the embedded PostgreSQL kept in {@code dataDir}. */
	public static String databasePassword(Path dataDir) {
		try {
			return Files.readString(dataDir.resolve("postgres.password")).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new directory under target/test-data for one test JVM. */
	public static Path freshDataDir() {
		try {
			Path base = Path.of("target", "test-data");
			Files.createDirectories(base);
			return Files.createTempDirectory(base.toAbsolutePath(), "run-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
