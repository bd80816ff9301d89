package org.branchlink.catalog.record;

/** A record that cannot enter the catalogue as it is (no title, no id); it goes to the quarantine with this reason. */
public class InvalidRecordException extends RuntimeException {

	public InvalidRecordException(String reason) {
		super(reason);
	}

}
