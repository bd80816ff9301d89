package org.branchlink.gateway.circulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.IntakeReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Solr goes down (its only node stopped) while sites keep lending: every event is accepted and applied in the
 * database, the index's backlog grows, and when Solr is back the index catches up with every change, none lost.
 */
@SpringBootTest
@ActiveProfiles("demo")
class SolrOutageTests {

	private static final MiniSolrCloudCluster CLUSTER = startCluster();

	@DynamicPropertySource
	static void cloud(DynamicPropertyRegistry registry) {
		registry.add("branchlink.gateway.data-dir", () -> IntegrationTest.freshDataDir().toString());
		registry.add("branchlink.demo.catalogue-records", () -> "600");
		registry.add("branchlink.demo.activity-days", () -> "0");
		registry.add("branchlink.catalog.solr.zk-hosts", () -> CLUSTER.getZkServer().getZkHost());
		registry.add("branchlink.catalog.solr.zk-chroot", () -> "/solr");
	}

	@AfterAll
	static void stopCluster() throws Exception {
		CLUSTER.shutdown();
	}

	@Autowired
	LendingDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	CatalogSearch search;

	@Autowired
	ItemAvailability availability;

	@Test
	void eventsAreAcceptedWhileSolrIsDownAndTheIndexCatchesUpWhenItReturns() throws Exception {
		LendingFixtures fixtures = new LendingFixtures(jdbc, readers);
		List<ItemRef> copies = fixtures.freshCopies("township_station", 20);
		Reader reader = fixtures.reader(false);
		Instant t = Instant.now().minus(Duration.ofHours(2));
		send(event(copies.get(0), CirculationAction.CHECKOUT, t, reader.cardNumber(), "before"));
		await().atMost(Duration.ofSeconds(20)).until(() -> status(copies.get(0)).equals("on_loan"));

		JettySolrRunner node = CLUSTER.stopJettySolrRunner(0);
		CLUSTER.waitForJettyToStop(node);
		List<CirculationEvent> during = new ArrayList<>();
		for (int i = 0; i < copies.size(); i++) {
			during.add(event(copies.get(i), CirculationAction.CHECKOUT, t.plusSeconds(60 + i), "card-" + i, "during"));
		}
		IntakeReport report = send(during.toArray(CirculationEvent[]::new));
		assertThat(report.accepted()).isEqualTo(copies.size());
		assertThat(report.applied()).as("applied in the database while Solr is down").isEqualTo(copies.size());
		await().atMost(Duration.ofSeconds(20)).until(() -> availability.indexStatus().failingSince() != null);
		assertThat(availability.indexStatus().backlog()).isPositive();

		CLUSTER.startJettySolrRunner(node);
		CLUSTER.waitForActiveCollection("catalog_v1", 2, 2);
		await().atMost(Duration.ofSeconds(90)).until(() -> availability.indexStatus().backlog() == 0);
		for (ItemRef copy : copies) {
			assertThat(status(copy)).as(copy.barcode()).isEqualTo("on_loan");
		}
		assertThat(jdbc.sql("select count(*) from circulation_event where applied_at is null").query(Integer.class)
			.single()).isZero();
	}

	private String status(ItemRef copy) {
		return search.work(copy.workId()).orElseThrow().holdings().stream()
			.filter(h -> h.barcode().equals(copy.barcode())).findFirst().orElseThrow().status();
	}

	private IntakeReport send(CirculationEvent... events) {
		return desk.submit(new CirculationBatch("baishi", "test", List.of(events), List.of()));
	}

	private static CirculationEvent event(ItemRef copy, CirculationAction type, Instant at, String card, String prefix) {
		return new CirculationEvent("baishi", prefix + "-" + copy.barcode(), type, at, copy.barcode(), null, card, null,
				null);
	}

	private static MiniSolrCloudCluster startCluster() {
		try {
			Path base = Files.createTempDirectory(IntegrationTest.freshDataDir(), "cloud");
			return new MiniSolrCloudCluster.Builder(1, base).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not start the SolrCloud test cluster", ex);
		}
	}

}
