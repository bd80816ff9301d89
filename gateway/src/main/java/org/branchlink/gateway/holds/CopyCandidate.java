package org.branchlink.gateway.holds;

import java.time.Instant;

import org.branchlink.catalog.ItemRef;

/**
 * A copy that might fill a hold.
 *
 * @param item the copy
 * @param shelfSite where it is on the shelf now
 * @param catalogedAt when it entered the collection (new acquisitions may be kept for local readers first)
 */
public record CopyCandidate(ItemRef item, String shelfSite, Instant catalogedAt) {
}
