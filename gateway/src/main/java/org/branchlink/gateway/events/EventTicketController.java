package org.branchlink.gateway.events;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A registration's ticket: the event, its time and place, and a QR code to show at the door. The code holds a signed
 * token ({@link EventTickets}), never the card number or the name, and is its own image drawn for the signed-in reader
 * who registered; anyone else's registration, and one cancelled, has no ticket (404).
 */
@Controller
class EventTicketController {

	private final EventRegistrations registrations;

	private final EventCatalog catalog;

	private final ReaderRegistry readers;

	private final EventTickets tickets;

	EventTicketController(EventRegistrations registrations, EventCatalog catalog, ReaderRegistry readers,
			EventTickets tickets) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.readers = readers;
		this.tickets = tickets;
	}

	@GetMapping("/my/registrations/{id}/ticket")
	@ReaderOnly
	String ticket(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		EventRegistrations.RegistrationView registration = own(user, id);
		CulturalEvent event = catalog.find(registration.eventId())
			.orElseThrow(() -> new NotFoundException("event", String.valueOf(registration.eventId())));
		model.addAttribute("user", user);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		return "ticket";
	}

	@GetMapping(path = "/my/registrations/{id}/ticket.svg", produces = "image/svg+xml")
	@ReaderOnly
	ResponseEntity<String> code(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user) {
		EventRegistrations.RegistrationView registration = own(user, id);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrSvg.of(tickets.token(registration.id(), registration.eventId())));
	}

	/** The signed-in reader's registration with a ticket (registered, or attended), else not found. */
	private EventRegistrations.RegistrationView own(BranchLinkUser user, long id) {
		Reader reader = readers.byUsername(user.getUsername())
			.orElseThrow(() -> new NotFoundException("registration", String.valueOf(id)));
		return registrations.of(reader)
			.stream()
			.filter(r -> r.id() == id && ("registered".equals(r.status()) || "attended".equals(r.status())))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("registration", String.valueOf(id)));
	}

}
