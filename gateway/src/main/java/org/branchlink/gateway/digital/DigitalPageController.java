package org.branchlink.gateway.digital;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;

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
 * Digital services for residents (数字服务): every site's digital resources with how to get in, and the way to the
 * catalogue's online works; the staff of a site list their resources here and withdraw them.
 */
@Controller
class DigitalPageController {

	private final DigitalResources resources;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	DigitalPageController(DigitalResources resources, SiteAccess access, PageMessages pageMessages) {
		this.resources = resources;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	/** A refused resource's fields, shown again. */
	record Draft(String siteId, String name, String kind, String url, String description, String access)
			implements Serializable {
	}

	@GetMapping("/digital")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		model.addAttribute("bySite", resources.listed().stream().collect(Collectors.groupingBy(DigitalResources.Resource::siteId,
				LinkedHashMap::new, Collectors.toList())));
		boolean staff = user != null && (user.roles().contains(Role.LIBRARIAN) || user.roles().contains(Role.CENTRAL_ADMIN));
		Set<String> mine = staff ? access.sitesFor(authentication) : Set.of();
		model.addAttribute("staff", staff);
		model.addAttribute("mine", resources.ofSites(mine));
		model.addAttribute("sites", mine.stream().sorted(Comparator.naturalOrder()).toList());
		model.addAttribute("kinds", DigitalResources.Kind.values());
		model.addAttribute("accesses", DigitalResources.Access.values());
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("", "", "ebooks", "https://", "", "open"));
		}
		return "digital";
	}

	@PostMapping("/digital/resources")
	@LibrarianOrCentral
	String add(@RequestParam(defaultValue = "") String siteId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String access,
			Authentication authentication, RedirectAttributes redirect) {
		this.access.requireActForKnownSite(authentication, siteId);
		if (!pageMessages.attempt(redirect, "digital.done.added", () -> resources.add(new DigitalResources.Request(siteId, name,
				kind, url, description, access), authentication.getName()))) {
			redirect.addFlashAttribute("draft", new Draft(siteId, name, kind, url, description, access));
		}
		return "redirect:/digital#manage";
	}

	@PostMapping("/digital/resources/{id}/active")
	@LibrarianOrCentral
	String active(@PathVariable long id, @RequestParam boolean active, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, resources.resource(id).siteId());
		pageMessages.attempt(redirect, active ? "digital.done.listed" : "digital.done.withdrawn",
				() -> resources.setActive(id, active));
		return "redirect:/digital#manage";
	}

}
