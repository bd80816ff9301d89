package org.branchlink.sync.circulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The checks every circulation event passes before it is stored: it names a copy, a time not in the future, a reader
 * for a checkout, a destination for a transit that is a site of the registry; ids are bounded. A refused event is
 * reported with its reason and the rest of the batch goes on.
 */
public final class CirculationValidator {

	/** Clocks at village sites drift: events up to this far ahead of ours are taken. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	private CirculationValidator() {
	}

	public static Optional<String> problem(CirculationEvent event, Instant now) {
		if (event.eventId() == null || event.eventId().isBlank()) {
			return Optional.of("no event id");
		}
		if (event.eventId().length() > 128) {
			return Optional.of("event id longer than 128 characters");
		}
		if (event.type() == null) {
			return Optional.of("unknown event type");
		}
		if (event.barcode() == null || event.barcode().isBlank()) {
			return Optional.of("no item barcode");
		}
		if (event.barcode().length() > 64) {
			return Optional.of("item barcode longer than 64 characters");
		}
		if (event.occurredAt() == null) {
			return Optional.of("no time");
		}
		if (event.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
			return Optional.of("time " + event.occurredAt() + " is in the future");
		}
		if ((event.type() == CirculationAction.CHECKOUT) && (event.card() == null || event.card().isBlank())) {
			return Optional.of("a checkout needs the reader's card number");
		}
		if (event.type() == CirculationAction.SEND && (event.destination() == null || event.destination().isBlank())) {
			return Optional.of("a transit needs its destination site");
		}
		return Optional.empty();
	}

	/**
	 * Keeps the valid events of a batch and adds the others to its rejections.
	 *
	 * @param isSite whether an id is a site of the registry (a transit's destination must be one)
	 */
	public static CirculationBatch validate(CirculationBatch batch, Clock clock, Predicate<String> isSite) {
		Instant now = clock.instant();
		List<CirculationEvent> valid = new ArrayList<>(batch.events().size());
		List<Refusal> rejected = new ArrayList<>(batch.rejected());
		int position = 0;
		for (CirculationEvent event : batch.events()) {
			position++;
			Optional<String> problem = problem(event, now);
			if (problem.isPresent()) {
				rejected.add(new Refusal("event " + position, event.eventId(), problem.get()));
			}
			else if (!event.siteId().equals(batch.siteId())) {
				rejected.add(new Refusal("event " + position, event.eventId(),
						"event of site " + event.siteId() + " sent for site " + batch.siteId()));
			}
			else if (event.type() == CirculationAction.SEND && !isSite.test(event.destination())) {
				rejected.add(new Refusal("event " + position, event.eventId(),
						"transit destination '" + event.destination() + "' is not a site of the registry"));
			}
			else {
				valid.add(event); // a repeated id is a duplicate, dropped when stored
			}
		}
		return new CirculationBatch(batch.siteId(), batch.source(), valid, rejected);
	}

}
