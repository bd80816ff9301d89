package org.branchlink.gateway.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * A rectification item (整改事项) found at an inspection: what must change at a site, who answers for it, by when; the
 * site reports it done (整改报告), and an inspector re-inspects (复查) — passed, it is closed; failed, it is open again
 * with a new deadline. Past its deadline while open it is overdue and escalated once to the site above (督办).
 * Plain Java: the verbs check what may happen and return the new state.
 */
public record Rectification(long id, long inspectionId, String siteId, String item, String owner, LocalDate deadline,
		Status status, String closureReport, Instant reportedAt, LocalDate reinspectedOn, String reinspection,
		int rounds, String escalatedTo, Instant escalatedAt, Instant closedAt) {

	/** Where an item stands. */
	public enum Status {
		/** To be done by the deadline. */
		OPEN,
		/** The site reported it done; awaits re-inspection. */
		REPORTED,
		/** Re-inspected and passed. */
		CLOSED
	}

	/** Open (not reported) and past its deadline. */
	public boolean overdue(LocalDate today) {
		return status == Status.OPEN && deadline.isBefore(today);
	}

	/** The site reports the item done, with what it did. */
	Rectification report(String report, Instant at) {
		if (status != Status.OPEN) {
			throw new ConflictException("rectification-state", CodedRefusal.word("supervision.status." + status.name().toLowerCase(Locale.ROOT)));
		}
		if (report == null || report.isBlank()) {
			throw new InvalidRequestException("rectification-report");
		}
		return new Rectification(id, inspectionId, siteId, item, owner, deadline, Status.REPORTED, report.strip(), at,
				reinspectedOn, reinspection, rounds, escalatedTo, escalatedAt, closedAt);
	}

	/**
	 * An inspector re-inspects a reported item: passed, it is closed; failed, it is open again until the new
	 * deadline, which must be after the day of the re-inspection.
	 */
	Rectification reinspect(LocalDate on, boolean passed, String note, LocalDate newDeadline, Instant at) {
		if (status != Status.REPORTED) {
			throw new ConflictException("rectification-state", CodedRefusal.word("supervision.status." + status.name().toLowerCase(Locale.ROOT)));
		}
		if (note == null || note.isBlank()) {
			throw new InvalidRequestException("rectification-note");
		}
		if (passed) {
			return new Rectification(id, inspectionId, siteId, item, owner, deadline, Status.CLOSED, closureReport,
					reportedAt, on, note.strip(), rounds + 1, escalatedTo, escalatedAt, at);
		}
		if (newDeadline == null || !newDeadline.isAfter(on)) {
			throw new InvalidRequestException("rectification-deadline", on.toString());
		}
		return new Rectification(id, inspectionId, siteId, item, owner, newDeadline, Status.OPEN, closureReport,
				reportedAt, on, note.strip(), rounds + 1, escalatedTo, escalatedAt, null);
	}

	/** Escalated to the site above (once). */
	Rectification escalate(String to, Instant at) {
		return new Rectification(id, inspectionId, siteId, item, owner, deadline, status, closureReport, reportedAt,
				reinspectedOn, reinspection, rounds, to, at, closedAt);
	}

}
