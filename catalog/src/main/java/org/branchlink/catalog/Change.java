package org.branchlink.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A work or an event as a harvester sees it: what it is, when it last changed and whether it is gone.
 *
 * @param kind a work or an event
 * @param id the work's id ({@code w…}) or the event's number
 * @param changedAt its last change, in microseconds (PostgreSQL's precision)
 * @param deleted whether it is gone: a work without records, a cancelled event
 * @param sites the sites holding the work (none for an event or a deleted work)
 * @param townships the townships of those sites
 */
public record Change(Kind kind, String id, Instant changedAt, boolean deleted, List<String> sites,
		List<String> townships) {

	public Change {
		sites = List.copyOf(sites);
		townships = List.copyOf(townships);
	}

	/** Where the change sits in the order of a list: by time, then works before events, then by id. */
	public Position position() {
		return new Position(changedAt, kind, id);
	}

	/** What changed; the order of the constants is the order of a list at one instant. */
	public enum Kind {

		WORK, EVENT

	}

	/**
	 * A place in a list of changes: the list goes on after it.
	 *
	 * @param changedAt the last change listed
	 * @param kind its kind
	 * @param id its id
	 */
	public record Position(Instant changedAt, Kind kind, String id) {
	}

}
