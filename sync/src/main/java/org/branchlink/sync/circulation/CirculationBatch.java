package org.branchlink.sync.circulation;

import java.util.List;

/**
 * Events read from one input, with what could not be read.
 *
 * @param siteId the site that sent them
 * @param source the input (file name, "api", "desk")
 * @param events the well-formed events, in input order
 * @param rejected the input refused, with reasons
 */
public record CirculationBatch(String siteId, String source, List<CirculationEvent> events, List<Refusal> rejected) {

	public int read() {
		return events.size() + rejected.size();
	}

}
