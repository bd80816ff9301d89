package org.branchlink.gateway.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Librarians' transfers (create, ship, receive) and, for central staff, approval and the overdue-transit dashboard. */
@Controller
class TransferPageController {

	private final StockTransfers transfers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final SiteChoices choices;

	TransferPageController(StockTransfers transfers, SiteDirectory sites, SiteAccess access, PageMessages pageMessages,
			SiteChoices choices) {
		this.choices = choices;
		this.pageMessages = pageMessages;
		this.transfers = transfers;
		this.sites = sites;
		this.access = access;
	}

	@GetMapping("/transfers")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		List<Site> mine = sites.require().sites().stream().filter(s -> access.mayActFor(authentication, s.id())).toList();
		model.addAttribute("user", user);
		model.addAttribute("mine", mine);
		model.addAttribute("all", sites.require().sites());
		model.addAttribute("groups", choices.groups());
		model.addAttribute("transfers", transfers.open(mine.stream().map(Site::id).toList()));
		model.addAttribute("central", user.roles().contains(Role.CENTRAL_ADMIN));
		model.addAttribute("overdue", user.roles().contains(Role.CENTRAL_ADMIN) ? transfers.overdue() : List.of());
		return "transfers";
	}

	/** One transfer: its steps and its packing list, printable; for the sites at either end and central staff. */
	@GetMapping("/transfers/{id}")
	@LibrarianOrCentral
	String detail(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			Model model) {
		StockTransfers.Details details = transfers.details(id);
		String from = details.view().fromSite();
		access.requireActFor(authentication, access.mayActFor(authentication, from) ? from : details.view().toSite());
		model.addAttribute("user", user);
		model.addAttribute("t", details.view());
		model.addAttribute("steps", details.transfer());
		model.addAttribute("lines", details.lines());
		model.addAttribute("central", user.roles().contains(Role.CENTRAL_ADMIN));
		model.addAttribute("mayShip", access.mayActFor(authentication, from));
		model.addAttribute("mayReceive", access.mayActFor(authentication, details.view().toSite()));
		return "transfer";
	}

	@PostMapping("/transfers")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #fromSite)")
	String create(@RequestParam String fromSite, @RequestParam String toSite, @RequestParam String barcodes,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			StockTransfers.Outcome outcome = transfers.createAll(authentication.getName(), fromSite, toSite, lines(barcodes));
			redirect.addFlashAttribute("notice", pageMessages.text("transfers.created", outcome.transfer().id(),
					outcome.transfer().copies()));
			return "redirect:/transfers/" + outcome.transfer().id();
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("barcodesError", true);
			redirect.addFlashAttribute("typed", Map.of("fromSite", fromSite, "toSite", toSite, "barcodes", barcodes));
			return "redirect:/transfers";
		}
	}

	@PostMapping("/transfers/{id}/approve")
	@CentralAdminOnly
	String approve(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		return act(id, "transfers.approved", redirect, () -> transfers.approve(id, user.getUsername()));
	}

	@PostMapping("/transfers/{id}/ship")
	@LibrarianOrCentral
	String ship(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, transfers.view(id).fromSite());
		return act(id, "transfers.shipped.done", redirect, () -> transfers.ship(id, authentication.getName()));
	}

	@PostMapping("/transfers/{id}/receive")
	@LibrarianOrCentral
	String receive(@PathVariable long id, @RequestParam String barcodes, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, transfers.view(id).toSite());
		return act(id, "transfers.received", redirect, () -> transfers.receive(id, authentication.getName(), lines(barcodes)));
	}

	private String act(long id, String done, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", pageMessages.text(done, id));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/transfers/" + id;
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
	}

}
