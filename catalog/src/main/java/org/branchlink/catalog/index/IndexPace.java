package org.branchlink.catalog.index;

import java.time.Duration;

/**
 * Keeps the availability indexer's share of the CPU when the node is asked for more than it can carry. Producers do not
 * wait on the indexer's rows (the outbox is a log), so under a load the node's CPU cannot carry they would take all
 * of it and the one indexer thread would fall behind without bound. After each batch the indexer says whether it is
 * behind (the oldest change it sent had waited longer than the pace); while it is, a producer, after its change
 * committed, waits for the next batch, for a bounded time. When the index keeps up, nobody waits.
 */
final class IndexPace {

	private final Duration pace;

	private final Duration longestWait;

	private boolean behind;

	private long batches;

	/**
	 * @param pace how long a change may wait for the index before producers are slowed
	 * @param longestWait the longest a producer waits for the next batch
	 */
	IndexPace(Duration pace, Duration longestWait) {
		this.pace = pace;
		this.longestWait = longestWait;
	}

	/** A batch ended; {@code oldest} is how long its oldest change had waited (zero when there was nothing, or Solr failed). */
	synchronized void batchDone(Duration oldest) {
		behind = oldest.compareTo(pace) > 0;
		batches++;
		notifyAll();
	}

	/** Returns at once while the index keeps up; otherwise after the next batch or the longest wait: true if it came. */
	synchronized boolean keepPace() {
		if (!behind) {
			return true;
		}
		long seen = batches;
		long deadline = System.nanoTime() + longestWait.toNanos();
		while (behind && batches == seen) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
