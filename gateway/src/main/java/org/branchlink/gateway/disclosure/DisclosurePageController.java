package org.branchlink.gateway.disclosure;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff page of a site's public notices (公示): service phone, free services and hours, accessibility, and closure
 * notices posted ahead. Librarians keep their own sites'; central staff any site's.
 */
@Controller
class DisclosurePageController {

	private final SiteNotices notices;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	DisclosurePageController(SiteNotices notices, SiteDirectory sites, SiteAccess access, PageMessages pageMessages) {
		this.notices = notices;
		this.sites = sites;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	/** A refused form's fields, shown again. */
	record Draft(String phone, String freeServices, List<String> accessibility, String fromDay, String toDay,
			String reason) implements Serializable {
	}

	@GetMapping("/notices")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			@RequestParam(required = false) String site, Model model) {
		List<Site> mine = sites.current().map(registry -> registry.sites().stream()
			.filter(candidate -> access.mayActFor(authentication, candidate.id()))
			.sorted(Comparator.comparing(Site::id)).toList()).orElse(List.of());
		Site chosen = mine.stream().filter(candidate -> candidate.id().equals(site)).findFirst()
			.orElse(mine.isEmpty() ? null : mine.get(0));
		model.addAttribute("user", user);
		model.addAttribute("mySites", mine);
		model.addAttribute("site", chosen);
		model.addAttribute("facilities", Accessibility.values());
		model.addAttribute("today", notices.today());
		if (chosen != null) {
			Disclosure disclosure = notices.of(chosen.id());
			model.addAttribute("disclosure", disclosure);
			model.addAttribute("closures", notices.coming(chosen.id()));
			if (model.getAttribute("draft") == null) {
				model.addAttribute("draft", new Draft(disclosure.phone(), String.join("\n", disclosure.freeServices()),
						disclosure.accessibility().stream().map(Accessibility::code).toList(), "", "", ""));
			}
		}
		return "notices";
	}

	@PostMapping("/notices/{siteId}/disclosure")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	String disclose(@PathVariable String siteId, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String freeServices,
			@RequestParam(required = false) List<String> accessibility, Authentication authentication,
			RedirectAttributes redirect) {
		List<String> facilities = accessibility == null ? List.of() : accessibility;
		return attempt(siteId, redirect, "notices.done.disclosure",
				new Draft(phone, freeServices, facilities, "", "", ""),
				() -> notices.disclose(siteId, phone, Arrays.asList(freeServices.split("\\R")), Set.copyOf(facilities),
						authentication.getName()));
	}

	@PostMapping("/notices/{siteId}/closures")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	String announce(@PathVariable String siteId, @RequestParam(required = false) LocalDate fromDay,
			@RequestParam(required = false) LocalDate toDay, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		Disclosure standing = notices.of(siteId);
		return attempt(siteId, redirect, "notices.done.closure",
				new Draft(standing.phone(), String.join("\n", standing.freeServices()),
						standing.accessibility().stream().map(Accessibility::code).toList(),
						fromDay == null ? "" : fromDay.toString(), toDay == null ? "" : toDay.toString(), reason),
				() -> notices.announce(siteId, fromDay, toDay, reason, authentication.getName()));
	}

	@PostMapping("/notices/{siteId}/closures/{id}/withdraw")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	String withdraw(@PathVariable String siteId, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(siteId, redirect, "notices.done.withdrawn", null, () -> {
			notices.withdrawOf(siteId, id);
			return null;
		});
	}

	private String attempt(String siteId, RedirectAttributes redirect, String done, Draft draft, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", pageMessages.text(done));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			if (draft != null) {
				redirect.addFlashAttribute("draft", draft);
			}
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/notices").queryParam("site", siteId).build().encode().toUriString();
	}

}
