package org.branchlink.gateway.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;

/**
 * A folder shared by three nodes (this test's application and two more on its PostgreSQL, polling every 300 ms so that
 * they race for each file): every file dropped there is ingested exactly once — one ingest run per file — whether it
 * comes alone or forty at once, and more than one node takes some.
 */
class FileDropClusterTests extends IntegrationTest {

	private static final Path FOLDER = DATA_DIR.resolve("drop/central-library");

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CamelContext camel;

	@Test
	void eachDroppedFileIsIngestedOnceByOneOfThreeNodes() throws Exception {
		// one after the other: two Spring Boot applications starting at once in one JVM can race on the shared logging
		// system
		try (ConfigurableApplicationContext b = node("b"); ConfigurableApplicationContext c = node("c")) {
			Files.createDirectories(FOLDER);
			List<NotifyBuilder> took = Stream.of(camel, b.getBean(CamelContext.class), c.getBean(CamelContext.class))
				.map(node -> new NotifyBuilder(node).fromRoute("catalog-file.central-library").whenCompleted(1).create())
				.toList();
			drop(List.of("cluster-alone.mrc"));
			awaitIngested(List.of("cluster-alone.mrc"));

			List<String> many = IntStream.range(0, 40).mapToObj(i -> "cluster-many-" + i + ".mrc").toList();
			drop(many);
			awaitIngested(many);

			for (String name : Stream.concat(Stream.of("cluster-alone.mrc"), many.stream()).toList()) {
				assertThat(runs(name)).as("ingest runs of %s", name).isEqualTo(1);
				assertThat(doneCopies(name)).as("%s moved to .done once", name).isEqualTo(1);
			}
			assertThat(took.stream().filter(NotifyBuilder::matches).count()).as("nodes that took files").isGreaterThan(1);
			// every lock released
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
				.sql("select count(*) from camel_messageprocessed where processorname = 'sync-file-lock'")
				.query(Integer.class).single() == 0);
		}
	}

	/** Written beside the folder, then moved in: each file appears whole. */
	private static void drop(List<String> names) throws IOException {
		Path staging = Files.createDirectories(DATA_DIR.resolve("staging"));
		for (String name : names) {
			String id = name.replace(".mrc", "");
			Path file = Files.write(staging.resolve(name),
					MarcFixtures.iso2709("UTF-8", cnmarc(id, null, "佚名", "集群投递 " + id, "2024", id.toUpperCase())));
			Files.move(file, FOLDER.resolve(name));
		}
	}

	private void awaitIngested(List<String> names) {
		Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> names.stream()
			.allMatch(name -> Files.notExists(FOLDER.resolve(name)) && runs(name) > 0 && doneCopies(name) > 0));
	}

	private int runs(String name) {
		return jdbc.sql("select count(*) from ingest_run where site_id = 'central-library' and source = :s")
			.param("s", name).query(Integer.class).single();
	}

	private static long doneCopies(String name) {
		Path done = FOLDER.resolve(".done");
		if (Files.notExists(done)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(done)) {
			return files.filter(p -> p.getFileName().toString().equals(name)).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An application node on this test's PostgreSQL whose file routes poll this test's drop folder. */
	private ConfigurableApplicationContext node(String name) {
		return new SpringApplicationBuilder(BranchLinkApplication.class).run("--server.port=0",
				"--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(), "--branchlink.site.drop-base=" + DATA_DIR,
				"--branchlink.sync.poll-delay=300",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" + IntegrationTest.databasePassword(),
				"--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=branchlink-files-" + name,
				"--branchlink.gateway.cluster.name=files-" + name);
	}

}
