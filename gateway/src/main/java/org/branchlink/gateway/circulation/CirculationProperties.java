package org.branchlink.gateway.circulation;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lending policy ({@code branchlink.circulation.*}).
 *
 * @param categories loan terms per reader category (DOMAIN.md §4.1 step 3 lists real ones)
 * @param unknownCategory the category used for a card BranchLink does not know
 * @param floatingSites owning sites whose copies stay where they are returned
 * @param floatingKinds site kinds whose copies float (e.g. {@code reading-room})
 * @param idHashKey the key of the hash kept of ID numbers (one card per person); set it in production
 * @param sweepMillis how often events not yet applied (after a failure or a crash) are looked for
 * @param journalCardDays how long the journal keeps a reader's card on events of returned loans (late offline events
 *        are replayed with it); loans themselves are anonymised at return
 * @param intakeConcurrency batches of events applied at once (0: two per core)
 */
@ConfigurationProperties("branchlink.circulation")
public record CirculationProperties(Map<String, LoanTerms> categories, @DefaultValue("adult") String unknownCategory,
		@DefaultValue Set<String> floatingSites, @DefaultValue Set<String> floatingKinds,
		@DefaultValue("branchlink-demo-key") String idHashKey, @DefaultValue("5000") long sweepMillis,
		@DefaultValue("30") int journalCardDays, @DefaultValue("0") int intakeConcurrency) {

	public CirculationProperties {
		if (categories == null || categories.isEmpty()) {
			categories = Map.of("adult", new LoanTerms(10, 30, 1, 15), "child", new LoanTerms(5, 30, 1, 15), "senior",
					new LoanTerms(10, 45, 2, 15), "visually-impaired", new LoanTerms(10, 60, 2, 30));
		}
		if (!categories.containsKey(unknownCategory)) {
			throw new IllegalArgumentException("branchlink.circulation.unknown-category '" + unknownCategory
					+ "' is not one of the categories " + categories.keySet());
		}
	}

	public LoanTerms terms(String category) {
		LoanTerms terms = categories.get(category);
		if (terms == null) {
			throw new IllegalArgumentException("unknown reader category '" + category + "'; known: " + categories.keySet());
		}
		return terms;
	}

}
