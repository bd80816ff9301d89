package org.branchlink.gateway.demand;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Demand tickets: the public form and board, staff intake, classification and answers. */
@RestController
@Tag(name = "Demand tickets")
class DemandController {

	private final DemandTickets tickets;

	private final SiteAccess access;

	private final SiteDirectory sites;

	DemandController(DemandTickets tickets, SiteAccess access, SiteDirectory sites) {
		this.tickets = tickets;
		this.access = access;
		this.sites = sites;
	}

	/** What a resident sends: the need, the site it concerns, optionally a name and a way to reply. */
	record PublicRequest(String body, String siteId, String name, String contact) {
	}

	/** The answer a resident gets: the ticket's reference to follow it on the board. */
	record Receipt(String reference, LocalDate receivedDay) {
	}

	@PostMapping("/api/demand")
	@Public
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A resident states a need (online channel)", description = "Name and contact are optional and "
			+ "never shown on the board; the need (at most 2,000 characters) is shown, masked, once a librarian "
			+ "approved it.")
	Receipt submit(@RequestBody PublicRequest request) {
		DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake("online", request.body(),
				request.siteId(), request.name(), request.contact(), null), null);
		return new Receipt(ticket.reference(), ticket.receivedDay());
	}

	@GetMapping("/api/demand/board")
	@Public
	@Operation(summary = "The public board: tickets and their published answers, anonymised")
	List<DemandTickets.BoardEntry> board(@RequestParam(defaultValue = "50") int limit) {
		return tickets.board(Math.min(Math.max(limit, 1), 200));
	}

	@PostMapping("/api/demand/tickets")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Staff record a ticket from another channel (phone, suggestion box, door-to-door visit, "
			+ "forum, survey)", description = "Scope: the ticket's site.")
	DemandTickets.Ticket record(@RequestBody DemandTickets.Intake intake, Authentication authentication) {
		access.requireActForKnownSite(authentication, String.valueOf(intake.siteId()));
		return tickets.register(intake, authentication.getName());
	}

	@GetMapping("/api/demand/tickets")
	@LibrarianOrCentral
	@Operation(summary = "Tickets of the sites one acts for (and those escalated to them)")
	List<DemandTickets.Ticket> list(Authentication authentication) {
		List<String> mine = sites.require().sites().stream().map(Site::id)
			.filter(id -> access.mayActFor(authentication, id)).toList();
		return tickets.of(mine);
	}

	@PostMapping("/api/demand/tickets/{id}/classify")
	@LibrarianOrCentral
	@Operation(summary = "Classify on the five axes and choose the disposition (handle: deadline in 10 working days)",
			description = "Scope: the ticket's site.")
	DemandTickets.Ticket classify(@PathVariable long id, @RequestBody DemandTickets.Classification classification,
			Authentication authentication) {
		access.requireActFor(authentication, tickets.ticket(id).siteId());
		return tickets.classify(id, classification, authentication.getName());
	}

	/** @param publish show it on the public board; @param text the librarian's wording (masked again), else the masked text */
	record Review(boolean publish, String text) {
	}

	@PostMapping("/api/demand/tickets/{id}/review")
	@LibrarianOrCentral
	@Operation(summary = "Approve (publish) or withhold what the public board shows of a ticket",
			description = "Scope: the ticket's site. The board shows only approved tickets, their text masked (phone, "
					+ "ID and WeChat numbers, e-mail, addresses, names); a new wording is masked again.")
	DemandTickets.Ticket review(@PathVariable long id, @RequestBody Review review, Authentication authentication) {
		access.requireActFor(authentication, tickets.ticket(id).siteId());
		return tickets.review(id, review.publish(), review.text(), authentication.getName());
	}

	/** The answer to a ticket, and whether it goes on the public board. */
	record Answer(String answer, boolean publish) {
	}

	@PostMapping("/api/demand/tickets/{id}/answer")
	@LibrarianOrCentral
	@Operation(summary = "Answer a ticket, on the public board or to the submitter only",
			description = "Scope: the ticket's site or the site it was escalated to.")
	DemandTickets.Ticket answer(@PathVariable long id, @RequestBody Answer answer, Authentication authentication) {
		DemandTickets.Ticket ticket = tickets.ticket(id);
		if (!access.mayActFor(authentication, ticket.siteId())) {
			access.requireActFor(authentication, String.valueOf(ticket.escalatedTo()));
		}
		return tickets.answer(id, answer.answer(), answer.publish(), authentication.getName());
	}

}
