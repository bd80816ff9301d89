package org.branchlink.catalog;

import java.time.Instant;

/**
 * Which changes a list holds: of which kinds, in which scope, changed in [{@code from}, {@code before}).
 *
 * @param works whether works are listed
 * @param events whether events are listed
 * @param scope works held where (ignored for events)
 * @param scopeId the site or township of {@link Scope#SITE} or {@link Scope#TOWNSHIP}; null otherwise
 * @param from the earliest change listed, inclusive; null for no bound
 * @param before the first instant no longer listed, exclusive; never null (a list stops at the moment it began, so
 * works that change while it is read are left for the next harvest instead of moving to its end)
 */
public record ChangeQuery(boolean works, boolean events, Scope scope, String scopeId, Instant from, Instant before) {

	public ChangeQuery {
		if ((scope == Scope.SITE || scope == Scope.TOWNSHIP) == (scopeId == null)) {
			throw new IllegalArgumentException("a site or township scope names one; no other scope does");
		}
	}

	/** Which works: all (deleted ones included), or those held by a site, any site, a township, any township. */
	public enum Scope {

		ALL, ANY_SITE, SITE, ANY_TOWNSHIP, TOWNSHIP

	}

}
