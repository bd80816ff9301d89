package org.branchlink.gateway.venue;

import java.time.LocalTime;
import java.util.Locale;

import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * A room, hall or open-air stage of a site that residents and troupes may book: how many it holds, what it has, whether
 * it is step-free, whether the site approves each booking, its standard fee per hour (0: free) and its hours.
 */
public record Venue(long id, String siteId, String name, Kind kind, int capacity, String equipment, boolean accessible,
		boolean needsApproval, int feePerHour, LocalTime opensAt, LocalTime closesAt, boolean active) {

	/** What sort of place it is. */
	public enum Kind {
		/** A room: a reading room, a classroom, a rehearsal room. */
		ROOM,
		/** A hall or theatre with a stage. */
		HALL,
		/** A square or open-air stage (文化广场). */
		OUTDOOR;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code)) {
					return kind;
				}
			}
			throw new InvalidRequestException("venue-kind", String.valueOf(code));
		}
	}

	/** Hours open a day. */
	public double openHours() {
		return (closesAt.toSecondOfDay() - opensAt.toSecondOfDay()) / 3600.0;
	}

}
