package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.Optional;

import org.branchlink.catalog.ItemRef;

/**
 * What lending tells the holds service about copies allocated to holds; called in the transaction that applied the
 * event, so a hold's state and its copy's state change together. Each call must be idempotent: a replayed history
 * tells it again.
 */
public interface HoldEvents {

	/** The copy is on its way to the pickup site. */
	void inTransit(long holdId);

	/** The copy is on the hold shelf at the pickup site. */
	void ready(long holdId, String site);

	/** The hold's reader borrowed the copy. */
	void collected(long holdId);

	/** The copy can no longer fill the hold; the hold goes back to its queue for another copy. */
	void released(long holdId, String reason);

	/** A copy of this work is on a shelf and free: the first hold waiting for the work may take it. */
	void copyAvailable(String workId);

	/**
	 * A copy is being checked in or received at {@code inHandAt}: the first hold waiting for it (its work, or this very
	 * copy; first in the configured queue order) takes it now, so lending sends it to the hold's pickup site instead of
	 * home. Runs in the event's transaction.
	 */
	Optional<HeldFor> claim(ItemRef copy, String inHandAt,
			Instant at);

}
