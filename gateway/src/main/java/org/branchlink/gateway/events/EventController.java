package org.branchlink.gateway.events;

import java.util.List;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.OutOfScopeException;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events: search, details, publication (form, push), registration, check-in, rating. */
@RestController
@Tag(name = "Events")
class EventController {

	private final EventSearch search;

	private final EventCatalog catalog;

	private final EventPublishing publishing;

	private final EventRegistrations registrations;

	private final EventCheckIns checkIns;

	private final ReaderRegistry readers;

	private final SiteAccess access;

	private final CountySettings county;

	EventController(EventSearch search, EventCatalog catalog, EventPublishing publishing,
			EventRegistrations registrations, EventCheckIns checkIns, ReaderRegistry readers, SiteAccess access, CountySettings county) {
		this.search = search;
		this.catalog = catalog;
		this.publishing = publishing;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.readers = readers;
		this.access = access;
		this.county = county;
	}

	@GetMapping("/api/events")
	@Public
	@Operation(summary = "Search events and mobile stops", description = "Facets: category, audience, mode (venue, "
			+ "mobile, digital), when (today, week, month, later). With lat and lon, nearest first.")
	EventSearch.Page search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> category,
			@RequestParam(required = false) List<String> audience, @RequestParam(required = false) String when,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(defaultValue = "20") int rows, @RequestParam(required = false) List<String> mode) {
		return search.search(new EventSearch.Query(q, category, audience, when, null, lat, lon, county.zone().getId(),
				Math.min(Math.max(rows, 1), 100), mode));
	}

	/** An event and its numbers (never who registered). */
	record EventDetails(CulturalEvent event, EventRegistrations.Counts counts) {
	}

	@GetMapping("/api/events/{id}")
	@Public
	@Operation(summary = "One event with its places left and participation")
	EventDetails event(@PathVariable long id) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		return new EventDetails(event, registrations.counts(id));
	}

	@PostMapping("/api/events")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish an event (staff form)", description = "Scope: the event's site.")
	CulturalEvent publish(@RequestBody EventPublishing.EventRequest request, Authentication authentication) {
		if (request.siteId() == null) {
			throw new IllegalArgumentException("an event needs the site where it takes place");
		}
		access.requireActForKnownSite(authentication, request.siteId());
		return publishing.fromForm(request);
	}

	@PostMapping("/api/events/{id}/cancel")
	@LibrarianOrCentral
	@Operation(summary = "Call an event off; its registrations are cancelled and their readers told",
			description = "Scope: the event's site.")
	EventDetails cancel(@PathVariable long id, Authentication authentication) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		access.requireActFor(authentication, event.siteId());
		catalog.cancel(id);
		return event(id);
	}

	@PostMapping(path = "/api/sites/{siteId}/events", consumes = "application/json")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','LIBRARIAN','CENTRAL_ADMIN') "
			+ "and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "A site's system pushes its events (JSON, with uid and sequence)",
			description = "Each event is stored or refused on its own. An event without siteId takes place at the "
					+ "site; one naming another site the caller may not act for refuses the whole push (403).")
	List<EventPublishing.PushResult> push(@PathVariable String siteId,
			@RequestBody List<EventPublishing.EventRequest> events, Authentication authentication) {
		access.requireKnown(siteId);
		for (EventPublishing.EventRequest event : events) {
			String at = event.siteId();
			if (at != null && !at.isBlank() && !at.equals(siteId) && !access.mayActFor(authentication, at)) {
				throw new OutOfScopeException("event '" + event.uid() + "' names site '" + at + "' but was pushed for site '"
						+ siteId + "'; a site pushes its own events");
			}
		}
		return publishing.push(siteId, events);
	}

	@PostMapping("/api/events/{id}/registrations")
	@ReaderOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register for an event: a place, or the waiting list when it is full",
			description = "409 when it started, was cancelled, or the reader holds the most registrations allowed.")
	EventRegistrations.RegistrationView register(@PathVariable long id, Authentication authentication) {
		return registrations.register(reader(authentication), id);
	}

	@GetMapping("/api/me/registrations")
	@ReaderOnly
	@Operation(summary = "My registrations")
	List<EventRegistrations.RegistrationView> mine(Authentication authentication) {
		return registrations.of(reader(authentication));
	}

	@PostMapping("/api/me/registrations/{id}/cancel")
	@ReaderOnly
	@Operation(summary = "Give up my place (the first one waiting gets it)")
	EventRegistrations.RegistrationView cancelRegistration(@PathVariable long id, Authentication authentication) {
		return registrations.cancel(reader(authentication), id);
	}

	/** A participant's rating of an event. */
	record Rating(int stars, String comment) {
	}

	@PostMapping("/api/me/registrations/{id}/rating")
	@ReaderOnly
	@Operation(summary = "Rate an event I took part in (1-5)")
	EventRegistrations.RegistrationView rate(@PathVariable long id, @RequestBody Rating rating,
			Authentication authentication) {
		return registrations.rate(reader(authentication), id, rating.stars(), rating.comment());
	}

	/** @param card the reader's card; absent for a walk-in counted without a name */
	record CheckIn(String card) {
	}

	@PostMapping("/api/events/{id}/check-in")
	@LibrarianOrCentral
	@Operation(summary = "Check someone in at the event", description = "Scope: the event's site.")
	EventRegistrations.RegistrationView checkIn(@PathVariable long id, @RequestBody CheckIn checkIn,
			Authentication authentication) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		access.requireActFor(authentication, event.siteId());
		return checkIns.checkIn(id, checkIn.card());
	}

	private Reader reader(Authentication authentication) {
		return readers.byUsername(authentication.getName())
			.orElseThrow(() -> new NotFoundException("reader card for account", authentication.getName()));
	}

}
