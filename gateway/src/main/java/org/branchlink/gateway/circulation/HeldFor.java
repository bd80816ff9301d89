package org.branchlink.gateway.circulation;

import java.time.Instant;

/**
 * The hold a copy is allocated to.
 *
 * @param holdId the hold
 * @param pickup where the reader collects
 * @param card the reader's card (only they may borrow it)
 * @param since when the copy was allocated (a replay puts the hold back at that point of the history)
 */
public record HeldFor(String holdId, String pickup, String card, Instant since) {
}
