package org.branchlink.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sync routes as the application runs them, made from the test county's registry ({@link #REGISTRY}), on a real
 * PostgreSQL and the catalogue's embedded Solr ({@link SyncTestApplication}), in a fresh data directory. Every subclass
 * shares one application context. The far ends that lie outside BranchLink (a site's OAI-PMH repository, its calendar
 * feed, its export folder) are played by the test: a local HTTP server, a file in the data directory.
 */
@SpringBootTest(classes = SyncTestApplication.class,
		properties = { "branchlink.site.registry-file=classpath:" + RouteTest.REGISTRY, "branchlink.sync.poll-delay=200",
				"camel.main.name=sync-test", "branchlink.sync.webhooks.secrets.baishi=" + RouteTest.WEBHOOK_SECRET,
				"branchlink.sync.webhooks.secrets.baishi-xiacun=" + RouteTest.WEBHOOK_SECRET,
				"branchlink.sync.webhooks.first-retry=100ms", "branchlink.sync.webhooks.max-retry=1s",
				"branchlink.sync.webhooks.max-attempts=" + RouteTest.MAX_ATTEMPTS })
public abstract class RouteTest {

	/** The signing secret of the test county's webhooks (sites baishi and baishi-xiacun). */
	protected static final String WEBHOOK_SECRET = "test-webhook-secret";

	/** Tries before a webhook gives a change up (back-off from 100 ms up to 1 s: a receiver away a while is outlasted). */
	protected static final int MAX_ATTEMPTS = 1000;

	/** The test county's registry on the class path. */
	public static final String REGISTRY = "registry/test-county.yml";

	protected static final Path DATA_DIR = freshDataDir();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("branchlink.site.drop-base", DATA_DIR::toString);
		registry.add("branchlink.catalog.solr.home", () -> DATA_DIR.resolve("solr").toString());
	}

	/** The test county's registry as a text, for a test to add sites to and load. */
	protected static String registryYaml() {
		try {
			return new ClassPathResource(REGISTRY).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path freshDataDir() {
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
