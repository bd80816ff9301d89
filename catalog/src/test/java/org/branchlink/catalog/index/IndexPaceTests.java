package org.branchlink.catalog.index;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers wait for the availability indexer only while it is behind, only until its next batch, and never longer
 * than the bound; a batch that caught up, an empty outbox or a failing Solr lets them go at once.
 */
class IndexPaceTests {

	private final IndexPace pace = new IndexPace(Duration.ofMillis(200), Duration.ofSeconds(30));

	@Test
	void nobodyWaitsWhileTheIndexKeepsUp() {
		assertThat(pace.keepPace()).isTrue();
		pace.batchDone(Duration.ofMillis(150));
		assertThat(pace.keepPace()).isTrue();
	}

	@Test
	void whileBehindAProducerWaitsForTheNextBatch() {
		pace.batchDone(Duration.ofMillis(900));
		AtomicReference<Thread> producer = new AtomicReference<>();
		CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
			producer.set(Thread.currentThread());
			return pace.keepPace();
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> producer.get() != null
				&& producer.get().getState() == Thread.State.TIMED_WAITING);
		assertThat(waited).isNotDone();
		// the next batch, still behind: the producer goes on all the same (it waited one batch)
		pace.batchDone(Duration.ofMillis(900));
		assertThat(waited.join()).isTrue();
	}

	@Test
	void theWaitIsBoundedAndAFailingSolrStopsIt() {
		IndexPace shortWait = new IndexPace(Duration.ofMillis(200), Duration.ofMillis(20));
		shortWait.batchDone(Duration.ofSeconds(2));
		assertThat(shortWait.keepPace()).as("no batch came within the bound").isFalse();
		// Solr failing: the indexer reports a batch with nothing sent
		shortWait.batchDone(Duration.ZERO);
		assertThat(shortWait.keepPace()).isTrue();
	}

}
