package org.branchlink.gateway.events;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.ServiceMode;

/**
 * The staff event form as typed: kept as text where a person may mistype, so that a refused form comes back filled in
 * with each problem beside its field. The poster's file comes beside the form (a browser never sends a file back);
 * {@code imageAlt} is its text and {@code removeImage} takes the current one away.
 */
record EventForm(String title, String category, String siteId, String place, String starts, Integer minutes,
		Integer capacity, List<String> audience, Boolean accessible, BigDecimal fee, String description,
		String imageAlt, Boolean removeImage, String mode, String onlineUrl) implements Serializable {

	private static final long serialVersionUID = 1L;

	EventForm {
		title = title == null ? "" : title.strip();
		place = place == null ? "" : place.strip();
		starts = starts == null ? "" : starts.strip();
		description = description == null ? "" : description.strip();
		audience = audience == null ? List.of() : List.copyOf(audience);
		accessible = Boolean.TRUE.equals(accessible);
		imageAlt = imageAlt == null ? "" : imageAlt.strip();
		removeImage = Boolean.TRUE.equals(removeImage);
		mode = mode == null || mode.isBlank() ? ServiceMode.VENUE.code() : mode.strip();
		onlineUrl = onlineUrl == null ? "" : onlineUrl.strip();
	}

	static EventForm blank(String siteId) {
		return new EventForm("", EventCategory.values()[0].code(), siteId, "", "", 90, null, List.of(), false,
				BigDecimal.ZERO, "", "", false, ServiceMode.VENUE.code(), "");
	}

	static EventForm of(CulturalEvent event, ZoneId zone, String imageAlt) {
		return new EventForm(event.title(), event.category().code(), event.siteId(), event.place(),
				LocalDateTime.ofInstant(event.starts(), zone).truncatedTo(ChronoUnit.MINUTES).toString(),
				(int) ChronoUnit.MINUTES.between(event.starts(), event.ends()), event.capacity(),
				event.audience().stream().map(Audience::code).sorted().toList(), event.accessible(), event.feeYuan(),
				event.description(), imageAlt, false, event.mode().code(), event.onlineUrl() == null ? "" : event.onlineUrl());
	}

	/** The start as typed, or null when it is missing or no date and time. */
	LocalDateTime start() {
		try {
			return starts.isEmpty() ? null : LocalDateTime.parse(starts);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Each field's problem as a bundle key; empty when the form may be published. */
	Map<String, String> problems(LocalDateTime now) {
		Map<String, String> problems = new TreeMap<>();
		if (title.isEmpty()) {
			problems.put("title", "events.form.required");
		}
		if (EventCategory.parse(category).isEmpty()) {
			problems.put("category", "events.form.required");
		}
		if (siteId == null || siteId.isBlank()) {
			problems.put("siteId", "events.form.required");
		}
		LocalDateTime start = start();
		if (start == null) {
			problems.put("starts", "events.form.required");
		}
		else if (start.isBefore(now)) {
			problems.put("starts", "refusal.event-in-past");
		}
		if (minutes == null || minutes < 10) {
			problems.put("minutes", "events.form.minutes.invalid");
		}
		if (capacity != null && capacity < 1) {
			problems.put("capacity", "events.form.capacity.invalid");
		}
		if (fee != null && fee.signum() < 0) {
			problems.put("fee", "events.form.fee.invalid");
		}
		if (ServiceMode.parse(mode).isEmpty()) {
			problems.put("mode", "events.form.required");
		}
		else if (ServiceMode.parse(mode).get() == ServiceMode.DIGITAL && onlineUrl.isEmpty()) {
			problems.put("onlineUrl", "events.form.online.required");
		}
		if (!onlineUrl.isEmpty() && !onlineUrl.matches("(?i)https?://[^\\s<>\"]+")) {
			problems.put("onlineUrl", "events.form.online.invalid");
		}
		return problems;
	}

	EventPublishing.EventRequest request(String uid, int sequence, ZoneId zone) {
		LocalDateTime start = start();
		return new EventPublishing.EventRequest(uid, sequence, category, title, description, siteId, place,
				start.atZone(zone).toOffsetDateTime(), start.plusMinutes(minutes).atZone(zone).toOffsetDateTime(),
				// an address only for an online event: switched to a venue, the old address goes with the mode
				capacity, audience, accessible, fee, false, mode,
				ServiceMode.parse(mode).orElse(ServiceMode.VENUE) == ServiceMode.DIGITAL ? onlineUrl : null);
	}

}
