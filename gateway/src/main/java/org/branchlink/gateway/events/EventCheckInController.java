package org.branchlink.gateway.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Check-in at the door, from the event's registrants page: a 2D scanner types the ticket's QR content (its signed
 * token, {@link EventTickets}) and Enter, or staff type a reader's card number. A token must verify and name a
 * registration of this event; the answer (the name the registrants list shows, or the reason in the page's language)
 * comes back beside the field, which keeps the focus for the next scan. Every scan is audited without the token or
 * the card number.
 */
@Controller
class EventCheckInController {

	private static final String TOKEN_PREFIX = "BLT1.";

	private final EventCatalog catalog;

	private final EventCheckIns checkIns;

	private final EventRegistrants registrants;

	private final EventTickets tickets;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final Audit audit;

	EventCheckInController(EventCatalog catalog, EventCheckIns checkIns, EventRegistrants registrants,
			EventTickets tickets, SiteAccess access, PageMessages pageMessages, Audit audit) {
		this.catalog = catalog;
		this.checkIns = checkIns;
		this.registrants = registrants;
		this.tickets = tickets;
		this.access = access;
		this.pageMessages = pageMessages;
		this.audit = audit;
	}

	@PostMapping("/events/{id}/scan")
	@LibrarianOrCentral
	String scan(@PathVariable long id, @RequestParam(defaultValue = "") String code, Authentication authentication,
			RedirectAttributes redirect) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		access.requireActFor(authentication, event.siteId());
		String scanned = code.strip();
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("event", id);
		audited.put("by", scanned.startsWith(TOKEN_PREFIX) ? "ticket" : "card");
		if (scanned.isEmpty()) {
			redirect.addFlashAttribute("scanRefused", pageMessages.text("events.scan.empty"));
			return back(id);
		}
		try {
			EventRegistrations.RegistrationView attended = scanned.startsWith(TOKEN_PREFIX)
					? byTicket(id, scanned) : byCard(id, scanned);
			audited.put("registration", attended.id());
			audited.put("outcome", "attended");
			String name = registrants.one(attended.id()).map(EventRegistrants.Registrant::name).orElse(null);
			redirect.addFlashAttribute("scanned", name == null ? pageMessages.text("events.scan.walkIn")
					: pageMessages.text("events.scan.done", name));
		}
		catch (ConflictException ex) {
			audited.put("outcome", ex.code());
			redirect.addFlashAttribute("scanRefused", pageMessages.refusal(ex));
		}
		audit.record(authentication, Audit.EVENT_CHECK_IN, audited);
		return back(id);
	}

	/** Checks in the registration a genuine token names; a token altered, made up or of no registration is refused. */
	private EventRegistrations.RegistrationView byTicket(long eventId, String token) {
		Optional<Long> registration = tickets.verify(token);
		if (registration.isEmpty()) {
			throw new ConflictException("ticket-invalid");
		}
		try {
			return checkIns.checkInTicket(eventId, registration.get());
		}
		catch (NotFoundException ex) {
			throw new ConflictException("ticket-invalid");
		}
	}

	private EventRegistrations.RegistrationView byCard(long eventId, String card) {
		try {
			return checkIns.checkIn(eventId, card);
		}
		catch (NotFoundException ex) {
			throw new ConflictException("scan-unknown");
		}
		catch (IllegalArgumentException ex) {
			throw new ConflictException("scan-misread");
		}
	}

	private static String back(long id) {
		return "redirect:/events/" + id + "/registrants";
	}

}
