package org.branchlink.sync.circulation;

import java.io.Serializable;

/**
 * Input that was not accepted, and why.
 *
 * @param position where in the input (line 12, event 3)
 * @param eventId the event's id when it had one
 * @param reason why it was refused
 */
public record Refusal(String position, String eventId, String reason) implements Serializable {

	private static final long serialVersionUID = 1L;

}
