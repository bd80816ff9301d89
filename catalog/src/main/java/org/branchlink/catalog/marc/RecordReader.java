package org.branchlink.catalog.marc;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over a source's records that reads one ahead; {@link #read()} returns null at the end. */
abstract class RecordReader implements Iterator<RawRecord> {

	private RawRecord next;

	private boolean done;

	/** The next record, read or refused; null when the source has no more. */
	protected abstract RawRecord read();

	@Override
	public final boolean hasNext() {
		if (next == null && !done) {
			next = read();
			done = next == null;
		}
		return next != null;
	}

	@Override
	public final RawRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		RawRecord record = next;
		next = null;
		return record;
	}

}
