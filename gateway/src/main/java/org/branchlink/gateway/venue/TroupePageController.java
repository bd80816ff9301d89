package org.branchlink.gateway.venue;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
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
 * Troupes and teams (文艺团队): a site's staff register the troupes and teams of their sites with the leader and the
 * reader who books for them, keep their members, record the guidance and training given to them, and withdraw a troupe
 * that has stopped; central staff for every site.
 */
@Controller
class TroupePageController {

	private final Troupes troupes;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	TroupePageController(Troupes troupes, SiteAccess access, PageMessages pageMessages) {
		this.troupes = troupes;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	/** A refused registration's fields, shown again. */
	record Draft(String siteId, String kind, String name, String genre, String leader, String contactCard)
			implements Serializable {
	}

	/** A troupe with its members and its latest guidance. */
	record Shown(AmateurTroupe troupe, List<AmateurTroupe.Member> members, List<AmateurTroupe.Guidance> guidance) {
	}

	@GetMapping("/troupes")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		Set<String> mine = access.sitesFor(authentication);
		LocalDate today = troupes.today();
		Map<Long, Shown> shown = new LinkedHashMap<>();
		troupes.of(mine).forEach(t -> shown.put(t.id(), new Shown(t, troupes.members(t.id()),
				troupes.guidance(t.id()).stream().limit(5).toList())));
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		model.addAttribute("troupes", shown.values());
		model.addAttribute("figures", troupes.figures(Optional.of(mine), today.withDayOfYear(1), today));
		model.addAttribute("sites", mine.stream().sorted(Comparator.naturalOrder()).toList());
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("", "troupe", "", "", "", ""));
		}
		return "troupes";
	}

	@PostMapping("/troupes")
	@LibrarianOrCentral
	String register(@RequestParam(defaultValue = "") String siteId, @RequestParam(defaultValue = "troupe") String kind,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String genre,
			@RequestParam(defaultValue = "") String leader, @RequestParam(defaultValue = "") String contactCard,
			Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, siteId);
		return attempt(redirect, "troupes.done.registered", new Draft(siteId, kind, name, genre, leader, contactCard), null,
				() -> troupes.register(new Troupes.Registration(siteId, kind, name, genre, leader, contactCard)));
	}

	@PostMapping("/troupes/{id}/members")
	@LibrarianOrCentral
	String addMember(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String part, Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return attempt(redirect, "troupes.done.member", null, id, () -> troupes.addMember(id, name, part));
	}

	@PostMapping("/troupes/{id}/members/{member}/remove")
	@LibrarianOrCentral
	String removeMember(@PathVariable long id, @PathVariable long member, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return attempt(redirect, "troupes.done.member-removed", null, id, () -> troupes.removeMember(id, member));
	}

	@PostMapping("/troupes/{id}/guidance")
	@LibrarianOrCentral
	String guide(@PathVariable long id, @RequestParam(required = false) LocalDate givenOn,
			@RequestParam(defaultValue = "") String guide, @RequestParam(defaultValue = "") String content,
			Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return attempt(redirect, "troupes.done.guidance", null, id,
				() -> troupes.guide(id, givenOn, guide, content, authentication.getName()));
	}

	@PostMapping("/troupes/{id}/active")
	@LibrarianOrCentral
	String active(@PathVariable long id, @RequestParam boolean active, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return attempt(redirect, active ? "troupes.done.reinstated" : "troupes.done.withdrawn", null, id,
				() -> troupes.setActive(id, active));
	}

	private String attempt(RedirectAttributes redirect, String done, Draft draft, Long troupe, Runnable action) {
		if (!pageMessages.attempt(redirect, done, action) && draft != null) {
			redirect.addFlashAttribute("draft", draft);
		}
		if (troupe == null) {
			return "redirect:/troupes";
		}
		// the notice or refusal shows in the troupe's card, where the page opens
		redirect.addFlashAttribute("flashTroupe", troupe);
		return "redirect:/troupes#troupe-" + troupe;
	}

}
