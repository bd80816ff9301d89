package org.branchlink.catalog.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A cultural event or one occurrence of a recurring one, as published: what, where, when, for whom.
 *
 * @param id the stored id; null before it is stored
 * @param source where it came from
 * @param sourceSite the site whose feed, system or staff published it
 * @param uid its id in the source (iCalendar UID; for forms and mobile stops one we make)
 * @param recurrence the occurrence's original start for an occurrence of a recurring event, empty otherwise
 * @param sequence the source's revision number (iCalendar SEQUENCE); an older revision never overwrites a newer one
 * @param kind an event, or a mobile unit's stop
 * @param category one of the seven categories
 * @param title the title
 * @param description what happens, may be empty
 * @param siteId the site where it takes place
 * @param place the room or spot at that site, may be empty
 * @param starts when it starts
 * @param ends when it ends
 * @param capacity places for registration; null when nobody needs to register
 * @param audience the special groups it is meant for
 * @param accessible whether it is accessible to wheelchair users
 * @param feeYuan its price; zero when free
 * @param cancelled whether it was called off
 * @param mode its service mode; when not given, a mobile stop's is mobile, an event with an online address is digital,
 * any other is at a venue
 * @param onlineUrl where to watch or join it online (http or https), null when it is not online
 */
public record CulturalEvent(Long id, Source source, String sourceSite, String uid, String recurrence, int sequence,
		Kind kind, EventCategory category, String title, String description, String siteId, String place,
		Instant starts, Instant ends, Integer capacity, Set<Audience> audience, boolean accessible, BigDecimal feeYuan,
		boolean cancelled, ServiceMode mode, String onlineUrl) {

	/** Where an event came from. */
	public enum Source {
		FORM, ICAL, JSON, MOBILE
	}

	/** An event proper, or a mobile unit's stop shown with the events. */
	public enum Kind {
		EVENT, MOBILE_STOP
	}

	/** An event whose mode follows from its kind (a stop is mobile, anything else at a venue), not online. */
	public CulturalEvent(Long id, Source source, String sourceSite, String uid, String recurrence, int sequence, Kind kind,
			EventCategory category, String title, String description, String siteId, String place, Instant starts,
			Instant ends, Integer capacity, Set<Audience> audience, boolean accessible, BigDecimal feeYuan, boolean cancelled) {
		this(id, source, sourceSite, uid, recurrence, sequence, kind, category, title, description, siteId, place, starts,
				ends, capacity, audience, accessible, feeYuan, cancelled, null, null);
	}

	public CulturalEvent {
		audience = audience.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(audience));
		onlineUrl = onlineUrl == null || onlineUrl.isBlank() ? null : onlineUrl.strip();
		if (onlineUrl != null && !onlineUrl.matches("(?i)https?://[^\\s<>\"]+")) {
			throw new IllegalArgumentException("an online address is an http or https URL, not " + onlineUrl);
		}
		if (mode == null) {
			mode = kind == Kind.MOBILE_STOP ? ServiceMode.MOBILE : onlineUrl != null ? ServiceMode.DIGITAL : ServiceMode.VENUE;
		}
		recurrence = recurrence == null ? "" : recurrence;
		description = description == null ? "" : description.strip();
		place = place == null ? "" : place.strip();
		feeYuan = feeYuan == null ? BigDecimal.ZERO : feeYuan.stripTrailingZeros();
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("an event needs a title");
		}
		if (starts == null || ends == null) {
			throw new IllegalArgumentException("an event needs a start and an end");
		}
		if (ends.isBefore(starts)) {
			throw new IllegalArgumentException("the event ends (" + ends + ") before it starts (" + starts + ")");
		}
		if (capacity != null && capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative");
		}
		if (feeYuan.signum() < 0) {
			throw new IllegalArgumentException("the fee must not be negative");
		}
	}

	public boolean free() {
		return feeYuan.signum() == 0;
	}

	public CulturalEvent withId(long newId) {
		return new CulturalEvent(newId, source, sourceSite, uid, recurrence, sequence, kind, category, title,
				description, siteId, place, starts, ends, capacity, audience, accessible, feeYuan, cancelled, mode, onlineUrl);
	}

	/** Whether people take part online. */
	public boolean online() {
		return mode == ServiceMode.DIGITAL;
	}

}
