package org.branchlink.gateway.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.ServiceMode;
import org.branchlink.gateway.platform.TextLimits;

import org.springframework.stereotype.Service;

/**
 * Events entered by staff on the form or pushed as JSON by a site's system, checked and handed to the catalogue. A
 * push names its own {@code uid} and {@code sequence}, so sending the same event again updates it and an older
 * revision arriving late changes nothing.
 */
@Service
public class EventPublishing {

	/**
	 * An event as staff or a site's system describe it.
	 *
	 * @param uid the sender's id for it (pushes); forms get one made up
	 * @param sequence the sender's revision, 0 when absent
	 * @param category one of the seven categories, by code or Chinese name
	 * @param audience audience codes or Chinese names
	 * @param capacity places for registration; absent when nobody needs to register
	 * @param cancelled true to call it off
	 * @param mode {@code venue}, {@code mobile} or {@code digital}; absent: digital with an online address, else at a venue
	 * @param onlineUrl where to take part online (http or https), absent when not online
	 */
	public record EventRequest(String uid, Integer sequence, String category, String title, String description,
			String siteId, String place, OffsetDateTime starts, OffsetDateTime ends, Integer capacity,
			List<String> audience, Boolean accessible, BigDecimal feeYuan, Boolean cancelled, String mode, String onlineUrl) {

		/** An event at a venue, not online. */
		public EventRequest(String uid, Integer sequence, String category, String title, String description, String siteId,
				String place, OffsetDateTime starts, OffsetDateTime ends, Integer capacity, List<String> audience,
				Boolean accessible, BigDecimal feeYuan, Boolean cancelled) {
			this(uid, sequence, category, title, description, siteId, place, starts, ends, capacity, audience, accessible,
					feeYuan, cancelled, null, null);
		}

		/** This event at another site. */
		public EventRequest withSiteId(String otherSite) {
			return new EventRequest(uid, sequence, category, title, description, otherSite, place, starts, ends, capacity,
					audience, accessible, feeYuan, cancelled, mode, onlineUrl);
		}

	}

	/** What a pushed event did: its uid, the stored id and the change, or why it was refused. */
	public record PushResult(String uid, Long id, String change, String error) {
	}

	private final EventCatalog catalog;

	EventPublishing(EventCatalog catalog) {
		this.catalog = catalog;
	}

	/** A staff member's event from the form (source FORM, published by the event's own site). */
	public CulturalEvent fromForm(EventRequest request) {
		CulturalEvent event = toEvent(request, CulturalEvent.Source.FORM, request.siteId(),
				"form-" + UUID.randomUUID());
		return catalog.publish(event).event();
	}

	/** A staff member's change to a form event: its next revision, with the same source, site of record and uid. */
	public CulturalEvent revise(CulturalEvent old, EventRequest request) {
		return catalog.publish(toEvent(request, old.source(), old.sourceSite(), old.uid())).event();
	}

	/** A site system's events: each is stored or refused on its own, so one bad event loses none of the others. */
	public List<PushResult> push(String siteId, List<EventRequest> requests) {
		return requests.stream().map(request -> {
			try {
				if (request.uid() == null || request.uid().isBlank()) {
					throw new IllegalArgumentException("a pushed event needs its uid");
				}
				EventCatalog.Stored stored = catalog.publish(toEvent(atSiteUnlessNamed(request, siteId),
						CulturalEvent.Source.JSON, siteId, request.uid().strip()));
				return new PushResult(request.uid(), stored.event().id(), stored.change().name().toLowerCase(), null);
			}
			catch (IllegalArgumentException ex) {
				return new PushResult(request.uid(), null, "refused", ex.getMessage());
			}
		}).toList();
	}

	/** A pushed event that names no site takes place at the site that pushed it. */
	private static EventRequest atSiteUnlessNamed(EventRequest request, String siteId) {
		return request.siteId() != null && !request.siteId().isBlank() ? request : request.withSiteId(siteId);
	}

	static CulturalEvent toEvent(EventRequest request, CulturalEvent.Source source, String sourceSite, String uid) {
		EventCategory category = EventCategory.parse(request.category())
			.orElseThrow(() -> new IllegalArgumentException("unknown category '" + request.category() + "'; one of "
					+ Arrays.stream(EventCategory.values()).map(EventCategory::code).toList()));
		if (request.siteId() == null || request.siteId().isBlank()) {
			throw new IllegalArgumentException("an event needs the site where it takes place");
		}
		TextLimits.require("title", request.title(), TextLimits.TITLE);
		TextLimits.require("description", request.description(), TextLimits.TEXT);
		TextLimits.require("place", request.place(), TextLimits.TITLE);
		if (request.starts() == null || request.ends() == null) {
			throw new IllegalArgumentException("an event needs a start and an end (ISO 8601 with offset)");
		}
		Set<Audience> audience = EnumSet.noneOf(Audience.class);
		for (String code : request.audience() == null ? List.<String>of() : request.audience()) {
			audience.add(Audience.parse(code).orElseThrow(() -> new IllegalArgumentException("unknown audience '" + code
					+ "'; one of " + Arrays.stream(Audience.values()).map(Audience::code).toList())));
		}
		ServiceMode mode = request.mode() == null || request.mode().isBlank() ? null : ServiceMode.parse(request.mode())
			.orElseThrow(() -> new IllegalArgumentException("unknown mode '" + request.mode() + "'; one of "
					+ Arrays.stream(ServiceMode.values()).map(ServiceMode::code).toList()));
		if (mode == ServiceMode.DIGITAL && (request.onlineUrl() == null || request.onlineUrl().isBlank())) {
			throw new IllegalArgumentException("an online event needs its address (onlineUrl)");
		}
		TextLimits.require("onlineUrl", request.onlineUrl(), TextLimits.TITLE);
		return new CulturalEvent(null, source, sourceSite, uid, "", request.sequence() == null ? 0 : request.sequence(),
				CulturalEvent.Kind.EVENT, category, request.title(), request.description(), request.siteId(),
				request.place(), request.starts().toInstant(), request.ends().toInstant(), request.capacity(), audience,
				Boolean.TRUE.equals(request.accessible()), request.feeYuan(), Boolean.TRUE.equals(request.cancelled()), mode,
				request.onlineUrl());
	}

}
