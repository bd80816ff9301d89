package org.branchlink.catalog.marc;

import org.marc4j.marc.Record;

/**
 * One record read from a MARC source, or the reason it could not be read.
 *
 * @param position where it starts: {@code record 12 at byte 3456} or {@code record 3 at line 40}
 * @param record the decoded record; null when {@code problem} is set
 * @param problem why the record was refused (bad leader, wrong directory, undecodable bytes…); null when it was read
 * @param raw the record's bytes as read (ISO 2709) or its text (XML), kept for the quarantine; may be truncated
 */
public record RawRecord(String position, Record record, String problem, byte[] raw) {

	static RawRecord ok(String position, Record record, byte[] raw) {
		return new RawRecord(position, record, null, raw);
	}

	static RawRecord refused(String position, String problem, byte[] raw) {
		return new RawRecord(position, null, problem, raw);
	}

	public boolean isRefused() {
		return problem != null;
	}

}
