package org.branchlink.sync.circulation;

import java.util.List;

/**
 * Where the circulation routes hand events over: the application's lending service implements it. Accepting stores
 * the events durably and drops duplicates; applying changes the copies' state in per-copy order.
 */
public interface CirculationIntake {

	/** Stores the new events of a validated batch; returns those not seen before. */
	Accepted accept(CirculationBatch batch);

	/** Applies accepted events to the copies and returns the batch's report. */
	IntakeReport apply(Accepted accepted);

	/**
	 * Accepts and then applies a batch. An implementation may store and apply a small batch in one transaction (one
	 * commit instead of two on a kiosk's or desk's single loan), as long as an event that fails to apply stays stored.
	 */
	default IntakeReport intake(CirculationBatch batch) {
		return apply(accept(batch));
	}

	/**
	 * @param batch the validated batch
	 * @param fresh its events stored by this call, each with its journal id
	 * @param duplicates events that were already stored
	 */
	record Accepted(CirculationBatch batch, List<JournalEntry> fresh, int duplicates) {
	}

	/**
	 * @param id the event's id in the journal
	 * @param event the event
	 */
	record JournalEntry(long id, CirculationEvent event) {
	}

}
