package org.branchlink.gateway.demand;

import java.util.List;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public demand page: the form (说需求) and the board of anonymised tickets with their answers; and the staff page
 * where tickets are classified and answered.
 */
@Controller
class DemandPageController {

	private final DemandTickets tickets;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final ReaderRegistry readers;

	DemandPageController(DemandTickets tickets, SiteDirectory sites, SiteAccess access, PageMessages pageMessages,
			ReaderRegistry readers) {
		this.readers = readers;
		this.pageMessages = pageMessages;
		this.access = access;
		this.tickets = tickets;
		this.sites = sites;
	}

	@GetMapping("/demand")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("board", tickets.board(50));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("sites", sites.current().map(r -> r.sites().stream()
			.filter(site -> site.kind().level() != SiteLevel.MOBILE).toList()).orElse(List.of()));
		return "demand";
	}

	/** Staff: the tickets of their sites, to classify and answer. */
	@GetMapping("/demand/tickets")
	@LibrarianOrCentral
	String tickets(@AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("tickets", tickets.of(sites.require().sites().stream().map(Site::id)
			.filter(id -> access.mayActFor(authentication, id)).toList()));
		model.addAttribute("siteNames", sites.byId());
		return "tickets";
	}

	@PostMapping("/demand/tickets/{id}/classify")
	@LibrarianOrCentral
	String classify(@PathVariable long id, @RequestParam String subject,
			@RequestParam String initiative, @RequestParam String audience, @RequestParam(defaultValue = "") String provider,
			@RequestParam String urgency, @RequestParam String difficulty, @RequestParam String disposition,
			@RequestParam(defaultValue = "") String forwardedTo,
			Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, tickets.ticket(id).siteId());
		try {
			tickets.classify(id, new DemandTickets.Classification(subject, initiative, audience, provider, urgency,
					difficulty, disposition, forwardedTo), authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("tickets.classified", tickets.ticket(id).reference()));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/demand/tickets";
	}

	@PostMapping("/demand/tickets/{id}/review")
	@LibrarianOrCentral
	String review(@PathVariable long id,
			@RequestParam(defaultValue = "false") boolean publish, @RequestParam(defaultValue = "") String text,
			Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, tickets.ticket(id).siteId());
		try {
			tickets.review(id, publish, text, authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("tickets.reviewed", tickets.ticket(id).reference()));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/demand/tickets";
	}

	@PostMapping("/demand/tickets/{id}/answer")
	@LibrarianOrCentral
	String answer(@PathVariable long id, @RequestParam String answer,
			@RequestParam(defaultValue = "false") boolean publish,
			Authentication authentication, RedirectAttributes redirect) {
		DemandTickets.Ticket ticket = tickets.ticket(id);
		if (!access.mayActFor(authentication, ticket.siteId())) {
			access.requireActFor(authentication, String.valueOf(ticket.escalatedTo()));
		}
		try {
			tickets.answer(id, answer, publish, authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("tickets.answered", tickets.ticket(id).reference()));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/demand/tickets";
	}

	@PostMapping("/demand")
	@Public
	String submit(@RequestParam String body, @RequestParam String siteId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String contact, Authentication authentication, RedirectAttributes redirect) {
		try {
			// a signed-in reader's need is theirs: the answer reaches them by the channels they chose
			Long reader = authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
					: readers.byUsername(authentication.getName()).map(Reader::id).orElse(null);
			DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake("online", body, siteId, name, contact,
					null, reader), null);
			redirect.addFlashAttribute("reference", ticket.reference());
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/demand";
	}

}
