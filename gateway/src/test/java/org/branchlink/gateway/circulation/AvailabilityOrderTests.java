package org.branchlink.gateway.circulation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ItemRef;
import org.branchlink.catalog.SearchPage.Holding;
import org.branchlink.catalog.index.AvailabilityIndexer;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.IntakeReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.branchlink.gateway.circulation.LendingFixtures.event;

/**
 * The availability outbox is a log, a row per change, and every node's indexer drains it. Two nodes must not send one
 * work at once (the older state could reach Solr last and stay): a node sends a work under an advisory lock held until
 * its batch commits. Here a second connection holds one work's lock, as another node's indexer in the middle of sending
 * it would: this node's indexer sends the other works and leaves that work's rows, and sends the work once the lock
 * is released.
 */
class AvailabilityOrderTests extends IntegrationTest {

	@Autowired
	LendingDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	CatalogSearch search;

	@Autowired
	DataSource dataSource;

	@Test
	void aWorkAnotherNodeIsSendingWaitsForItAndTheOtherWorksGoOn() throws Exception {
		LendingFixtures fixtures = new LendingFixtures(jdbc, readers);
		List<ItemRef> copies = fixtures.freshCopies("township_station", 8);
		ItemRef held = copies.get(0);
		ItemRef free = copies.stream().filter(c -> !c.workId().equals(held.workId())).findFirst().orElseThrow();
		Reader reader = fixtures.reader(false);
		Instant t0 = Instant.now().minus(Duration.ofHours(1));
		try (Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
				lock.setInt(1, AvailabilityIndexer.SENDING_LOCK);
				lock.setString(2, held.workId());
				lock.execute();
			}
			// applied, its outbox row committed, before the next
			lend(held, "order-held", t0, reader);
			lend(free, "order-free", t0.plusSeconds(1), reader);
			awaitStatus(free, "on_loan");
			// the batch that sent the free work took the held work's row too, and left it
			assertThat(rows(free.workId())).isZero();
			assertThat(rows(held.workId())).as("the held work's rows, left for after the other node").isPositive();
			assertThat(status(held)).isEqualTo("available");
			otherNode.rollback();
		}
		awaitStatus(held, "on_loan");
		assertThat(rows(held.workId())).isZero();
	}

	private void lend(ItemRef copy, String id, Instant at, Reader reader) {
		IntakeReport report = desk.submit(new CirculationBatch(copy.siteId(), "test", List.of(event(copy.siteId(), id,
				CirculationAction.CHECKOUT, at, copy.barcode(), reader.cardNumber())), List.of()));
		assertThat(report.applied()).isEqualTo(1);
	}

	private int rows(String workId) {
		return jdbc.sql("select count(*) from availability_outbox where work_id = :w").param("w", workId)
			.query(Integer.class).single();
	}

	private String status(ItemRef copy) {
		return search.work(copy.workId()).orElseThrow().holdings().stream()
			.filter(h -> h.barcode().equals(copy.barcode())).findFirst().map(Holding::status).orElseThrow();
	}

	private void awaitStatus(ItemRef copy, String expected) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(copy)).isEqualTo(expected));
	}

}
