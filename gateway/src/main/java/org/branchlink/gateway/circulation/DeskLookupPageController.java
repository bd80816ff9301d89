package org.branchlink.gateway.circulation;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.web.PageMessages;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the desk looks up besides its scans: a reader without their card (by name or card number, in a POST body so no
 * name reaches a URL or an access log; every search audited with its count, never its text), chosen into the desk
 * panel as a card scan would; and a copy by barcode, with its history.
 */
@Controller
class DeskLookupPageController {

	private final ReaderLookup lookup;

	private final CopyHistory copies;

	private final Audit audit;

	private final PageMessages pageMessages;

	DeskLookupPageController(ReaderLookup lookup, CopyHistory copies, Audit audit, PageMessages pageMessages) {
		this.lookup = lookup;
		this.copies = copies;
		this.audit = audit;
		this.pageMessages = pageMessages;
	}

	/** Readers by name, whole card number or its last digits: at most 20, shown on the desk to choose from. */
	@PostMapping("/circulation/readers")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String search(@RequestParam String site, @RequestParam(defaultValue = "") String q, Authentication authentication,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("mode", "lookup");
		if (q.isBlank()) {
			redirect.addFlashAttribute("refused", pageMessages.text("desk.lookup.empty"));
			redirect.addFlashAttribute("lookupError", true);
			return desk(site);
		}
		ReaderLookup.Found found = lookup.search(q);
		audit.record(authentication, Audit.READER_LOOKUP,
				Map.of("site", site, "by", found.by(), "results", found.matches().size(), "more", found.more()));
		redirect.addFlashAttribute("lookupQuery", q.strip());
		redirect.addFlashAttribute("found", found);
		if (found.matches().isEmpty()) {
			redirect.addFlashAttribute("refused", pageMessages.text("desk.lookup.none"));
			redirect.addFlashAttribute("lookupError", true);
		}
		else {
			redirect.addFlashAttribute("notice", pageMessages.text(found.more() ? "desk.lookup.more" : "desk.lookup.found",
					found.matches().size()));
		}
		return desk(site);
	}

	/** A reader chosen from the search: their panel takes the desk as their card's scan would. */
	@PostMapping("/circulation/readers/choose")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String choose(@RequestParam String site, @RequestParam long reader, HttpSession session, RedirectAttributes redirect) {
		lookup.cardOf(reader).ifPresentOrElse(card -> session.setAttribute(CirculationPageController.DESK_READER, card),
				() -> redirect.addFlashAttribute("refused", pageMessages.text("refusal.unknown-card")));
		return desk(site);
	}

	/** The copy form's answer: the copy's page. */
	@GetMapping("/circulation/copies")
	@LibrarianOrCentral
	String find(@RequestParam(defaultValue = "") String barcode, @RequestParam(required = false) String site) {
		return "redirect:" + UriComponentsBuilder.fromPath("/circulation/copies/{barcode}")
			.queryParamIfPresent("site", Optional.ofNullable(site))
			.buildAndExpand(barcode.strip().isEmpty() ? "-" : barcode.strip())
			.encode()
			.toUriString();
	}

	/** A copy: title, call number, home, where it is, its state, the queue for its title, and its history. */
	@GetMapping("/circulation/copies/{barcode}")
	@LibrarianOrCentral
	String copy(@PathVariable String barcode, @RequestParam(required = false) String site,
			@AuthenticationPrincipal BranchLinkUser user, HttpServletResponse response, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("barcode", barcode.strip());
		model.addAttribute("site", site);
		copies.find(barcode).ifPresentOrElse(file -> model.addAttribute("file", file), () -> {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("copyError", pageMessages.text("refusal.unknown-copy", barcode.strip()));
		});
		return "copy";
	}

	private static String desk(String site) {
		return "redirect:" + UriComponentsBuilder.fromPath("/circulation").queryParam("site", site).encode().toUriString();
	}

}
