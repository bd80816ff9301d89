package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.Optional;

/** The policies a copy's history is replayed under. */
public interface LendingRules {

	/** Whether copies of this owning site stay where they are returned (a floating collection). */
	boolean floats(String ownerSite);

	/** The terms of the reader with this card, empty when the card is unknown. */
	Optional<ReaderTerms> reader(String card);

	/** Default terms for a card BranchLink does not know. */
	ReaderTerms unknownReader();

	/** The due date of a loan of {@code days} days starting at {@code from}: the end of that day in the county. */
	Instant due(Instant from, int days);

	/**
	 * @param category the reader's category
	 * @param terms its terms
	 */
	record ReaderTerms(String category, LoanTerms terms) {
	}

}
