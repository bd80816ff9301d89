package org.branchlink.gateway.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a site discloses to the public (免费开放公示): its service phone, its free services with their hours (one line
 * each, as the site words them), and its barrier-free facilities.
 *
 * @param updatedAt when it last changed ({@code null}: never disclosed)
 */
public record Disclosure(String siteId, String phone, List<String> freeServices, Set<Accessibility> accessibility,
		Instant updatedAt) {

	/** Nothing disclosed yet. */
	static Disclosure none(String siteId) {
		return new Disclosure(siteId, "", List.of(), Set.of(), null);
	}

	/** Disclosed in full with the site's opening hours: a phone, at least one free service, and hours. */
	public boolean complete(boolean siteHasHours) {
		return siteHasHours && !phone.isBlank() && !freeServices.isEmpty();
	}

}
