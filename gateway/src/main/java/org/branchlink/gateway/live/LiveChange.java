package org.branchlink.gateway.live;

import java.util.LinkedHashSet;
import java.util.Set;

import org.branchlink.catalog.ItemRef;

/**
 * A change an open page may show at once, as every node hears it: a copy's new status, or a copy a hold now wants
 * pulled from a site's shelves. It names the copy (its site, barcode and work) and sites, never a reader: no card, no
 * name, no hold's reader. Published as an application event in the transaction that makes the change; {@link LiveUpdates}
 * sends it to the cluster after the commit. Not {@code Serializable} on purpose: Hazelcast then writes it in its compact
 * form (a record's fields by name, the schema sent once), not by Java serialization, which showed in the profile of a
 * busy lending desk (every loan and return is one of these).
 *
 * @param kind what changed
 * @param workId the copy's work
 * @param site the copy's owning site
 * @param barcode the copy's barcode
 * @param status the copy's status code ({@code available}, {@code on_loan} …); null for {@link Kind#PULL}
 * @param atSite where the copy is now; may be null
 * @param destination where the copy is going (in transit); may be null
 */
public record LiveChange(Kind kind, String workId, String site, String barcode, String status, String atSite,
		String destination) {

	/** What changed. */
	public enum Kind {

		/** A copy's status changed (a loan, a return, in transit, on the hold shelf …). */
		COPY,

		/** A hold took a copy that is on {@code atSite}'s shelves: that desk's pull list has one more. */
		PULL

	}

	/** A copy's new status. */
	public static LiveChange copy(ItemRef copy, String status, String atSite, String destination) {
		return new LiveChange(Kind.COPY, copy.workId(), copy.siteId(), copy.barcode(), status, atSite, destination);
	}

	/** A copy on {@code shelfSite}'s shelves to pull for a hold. */
	public static LiveChange pull(ItemRef copy, String shelfSite) {
		return new LiveChange(Kind.PULL, copy.workId(), copy.siteId(), copy.barcode(), null, shelfSite, null);
	}

	/** The sites whose desks hear of it: the owner, where the copy is, where it is going. */
	public Set<String> desks() {
		Set<String> desks = new LinkedHashSet<>();
		desks.add(site);
		if (atSite != null) {
			desks.add(atSite);
		}
		if (destination != null) {
			desks.add(destination);
		}
		return desks;
	}

	/** The change as a public page may see it: copy changes only, for the work it shows. */
	boolean isPublicFor(String work) {
		return kind == Kind.COPY && workId.equals(work);
	}

}
