package org.branchlink.sync.outbound;

import java.time.Duration;

/**
 * The wait before the next try of something sent out (a webhook's change, a reader's notice): doubling from the first
 * wait after each failed try, up to the longest. Kept in the database with what waits, so a restart neither forgets
 * nor hammers.
 *
 * @param first the wait after the first failed try
 * @param longest the longest wait
 */
public record BackOff(Duration first, Duration longest) {

	/** The wait after this many failed tries (1 for the first). */
	public Duration after(int attempts) {
		Duration wait = first;
		for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(longest) > 0 ? longest : wait;
	}

}
