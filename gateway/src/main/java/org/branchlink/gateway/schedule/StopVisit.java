package org.branchlink.gateway.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * One planned stop of a mobile unit and what came of it: awaited, made (the crew checked in at the stop with how many
 * people came) or missed (with the reason). Plain Java: the verbs check what may happen and return the new state.
 *
 * @param arrivedAt when the crew checked in ({@code null} unless made)
 * @param headCount how many people the crew served there ({@code null} unless made)
 * @param missedReason why it did not happen ({@code null} unless missed)
 */
public record StopVisit(long id, String unitId, String siteId, LocalDate day, int seq, LocalTime arrive,
		LocalTime depart, Instant arrivedAt, Integer headCount, String missedReason) {

	/** Where a stop stands. */
	public enum Outcome {
		/** Planned, nothing recorded yet. */
		AWAITED,
		/** The crew checked in. */
		MADE,
		/** It did not happen, and why is recorded. */
		MISSED
	}

	/** The most people a crew records at one stop (a typo guard). */
	static final int MAX_HEAD_COUNT = 5_000;

	public Outcome outcome() {
		if (arrivedAt != null) {
			return Outcome.MADE;
		}
		return missedReason != null ? Outcome.MISSED : Outcome.AWAITED;
	}

	/**
	 * The crew checks in: on the stop's day or later (recorded afterwards when there was no signal), never before;
	 * checking in again corrects the head count and keeps the first arrival. A missed stop that happened after all
	 * becomes made.
	 */
	StopVisit checkIn(int people, Instant at, ZoneId zone) {
		if (people < 0 || people > MAX_HEAD_COUNT) {
			throw new InvalidRequestException("mobile-head-count", MAX_HEAD_COUNT);
		}
		if (at.atZone(zone).toLocalDate().isBefore(day)) {
			throw new InvalidRequestException("mobile-too-early", day.toString());
		}
		Instant arrival = arrivedAt != null ? arrivedAt : at;
		return new StopVisit(id, unitId, siteId, day, seq, arrive, depart, arrival, people, null);
	}

	/** The stop did not happen (said on its day or after); a stop made cannot be missed. */
	StopVisit miss(String reason, LocalDate today) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("mobile-missed-reason");
		}
		if (today.isBefore(day)) {
			throw new InvalidRequestException("mobile-too-early", day.toString());
		}
		if (outcome() == Outcome.MADE) {
			throw new ConflictException("mobile-already-made");
		}
		return new StopVisit(id, unitId, siteId, day, seq, arrive, depart, null, null, reason.strip());
	}

}
