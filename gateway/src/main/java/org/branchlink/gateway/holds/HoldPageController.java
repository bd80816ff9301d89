package org.branchlink.gateway.holds;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reader's reserve button (on a work's page) and "my holds". */
@Controller
class HoldPageController {

	private final HoldQueue holds;

	private final ReaderRegistry readers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final HoldShelf shelf;

	private final PageMessages pageMessages;

	HoldPageController(HoldQueue holds, ReaderRegistry readers, SiteDirectory sites,
			SiteAccess access, HoldShelf shelf, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.holds = holds;
		this.readers = readers;
		this.sites = sites;
		this.access = access;
		this.shelf = shelf;
	}

	@PostMapping("/holds")
	@ReaderOnly
	String place(@RequestParam String workId, @RequestParam String pickupSite,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		Reader reader = readers.byUsername(user.getUsername()).orElse(null);
		if (reader == null) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card"));
			return "redirect:/my/holds";
		}
		try {
			redirect.addFlashAttribute("placed", holds.place(reader, workId, null, pickupSite));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/my/holds";
	}

	@GetMapping("/my/holds")
	@ReaderOnly
	String mine(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			model.addAttribute("reader", reader);
			model.addAttribute("holds", holds.holdsOf(reader.cardNumber()));
		});
		model.addAttribute("siteNames", sites.byId());
		return "holds";
	}

	/** The librarian's pull list: copies on this site's shelves wanted by holds, each with its transit slip. */
	@GetMapping("/holds/pull")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String pull(@RequestParam String site, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		access.requireKnown(site);
		model.addAttribute("user", user);
		model.addAttribute("site", site);
		model.addAttribute("items", shelf.pullList(site));
		model.addAttribute("siteNames", sites.byId());
		return "pull";
	}


	@PostMapping("/my/holds/{id}/cancel")
	@ReaderOnly
	String cancel(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			try {
				holds.cancel(reader, id);
			}
			catch (IllegalArgumentException ex) {
				redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			}
		});
		return "redirect:/my/holds";
	}

}
