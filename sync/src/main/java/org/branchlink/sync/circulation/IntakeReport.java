package org.branchlink.sync.circulation;

import java.io.Serializable;
import java.util.List;

/**
 * What became of a batch of circulation events.
 *
 * @param siteId the sending site
 * @param source the input
 * @param read events read
 * @param accepted new events stored (nothing stored is ever lost)
 * @param duplicates events already stored before (same site and event id): ignored
 * @param rejected events refused
 * @param applied events applied to the copies' state by this call (the rest are applied by the recovery sweep)
 * @param reordered events that arrived after newer ones of the same copy: the copy's history was replayed in order
 * @param conflicts conflicts found (listed for the librarian)
 * @param rejections each refused event with its reason
 */
public record IntakeReport(String siteId, String source, int read, int accepted, int duplicates, int rejected,
		int applied, int reordered, int conflicts, List<Refusal> rejections) implements Serializable {

	private static final long serialVersionUID = 1L;

}
