package org.branchlink.gateway.demand;

import java.util.List;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.sync.site.SiteDirectory;
import org.branchlink.sync.site.SiteLevel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public demand page: the form (说需求) and the board of anonymised tickets with their answers. */
@Controller
class DemandPageController {

	private final DemandTickets tickets;

	private final SiteDirectory sites;

	DemandPageController(DemandTickets tickets, SiteDirectory sites) {
		this.tickets = tickets;
		this.sites = sites;
	}

	@GetMapping("/demand")
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("board", tickets.board(50));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("sites", sites.current().map(r -> r.sites().stream()
			.filter(site -> site.kind().level() != SiteLevel.MOBILE).toList()).orElse(List.of()));
		return "demand";
	}

	@PostMapping("/demand")
	String submit(@RequestParam String body, @RequestParam String siteId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String contact, RedirectAttributes redirect) {
		try {
			DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake("online", body, siteId, name, contact,
					null), null);
			redirect.addFlashAttribute("reference", ticket.reference());
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/demand";
	}

}
