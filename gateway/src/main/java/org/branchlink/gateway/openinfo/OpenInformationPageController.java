package org.branchlink.gateway.openinfo;

import java.io.Serializable;
import java.time.LocalDate;

import org.branchlink.gateway.disclosure.SiteNotices;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public page of open information (公开信息): published service reports and survey results, the public feedback
 * meetings with what residents raised and what was done, and closures announced; central staff record a meeting here.
 */
@Controller
class OpenInformationPageController {

	private final Publications publications;

	private final SiteNotices notices;

	private final PageMessages pageMessages;

	private final ServiceCatalog catalog;

	OpenInformationPageController(Publications publications, SiteNotices notices, PageMessages pageMessages,
			ServiceCatalog catalog) {
		this.catalog = catalog;
		this.publications = publications;
		this.notices = notices;
		this.pageMessages = pageMessages;
	}

	/** A refused meeting record's fields, shown again. */
	record Draft(String heldOn, String place, String attendance, String raised, String answered) implements Serializable {
	}

	@GetMapping("/open")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("reports", publications.published(Publications.Kind.REPORT));
		model.addAttribute("surveys", publications.published(Publications.Kind.SURVEY));
		model.addAttribute("releases", publications.releases());
		model.addAttribute("closures", notices.comingEverywhere(30));
		model.addAttribute("central", user != null && user.roles().contains(Role.CENTRAL_ADMIN));
		LocalDate today = notices.today();
		model.addAttribute("today", today);
		model.addAttribute("heldThisYear", publications.heldIn(today.getYear()));
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("", "", "", "", ""));
		}
		return "open";
	}

	/** The county's service catalogue with where the county stands this year on what is measured. */
	@GetMapping("/open/catalog")
	@Public
	String catalog(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("entries", catalog.entries(notices.today()));
		return "service-catalog";
	}

	@PostMapping("/open/releases")
	@CentralAdminOnly
	String record(@RequestParam(required = false) LocalDate heldOn, @RequestParam(defaultValue = "") String place,
			@RequestParam(required = false) Integer attendance, @RequestParam(defaultValue = "") String raised,
			@RequestParam(defaultValue = "") String answered, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) {
		try {
			publications.record(new Publications.ReleaseRequest(heldOn, place, attendance, raised, answered),
					user.getUsername());
			redirect.addFlashAttribute("notice", pageMessages.text("open.release.recorded"));
			return "redirect:/open#record-release";
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("draft", new Draft(heldOn == null ? "" : heldOn.toString(), place,
					attendance == null ? "" : attendance.toString(), raised, answered));
			return "redirect:/open#record-release";
		}
	}

}
