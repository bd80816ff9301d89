package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.gateway.web.SiteLabels;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

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
 * The crew's page on the road (phone first): a unit's stops of the day in order; at each, check in with how many
 * people came, or say why it was missed. Staff of the unit's site (and central staff) only.
 */
@Controller
class MobileCheckInPageController {

	private final MobileCheckIns checkIns;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final SiteLabels labels;

	MobileCheckInPageController(MobileCheckIns checkIns, SiteDirectory sites, SiteAccess access, PageMessages pageMessages,
			SiteLabels labels) {
		this.labels = labels;
		this.checkIns = checkIns;
		this.sites = sites;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	@GetMapping("/mobile/today")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			@RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate day, Model model) {
		List<Site> units = sites.current().map(registry -> registry.sites().stream()
			.filter(site -> site.kind().level() == SiteLevel.MOBILE)
			.filter(site -> access.mayActFor(authentication, site.id()))
			.sorted(Comparator.comparing(Site::id)).toList()).orElse(List.of());
		Site chosen = units.stream().filter(site -> site.id().equals(unit)).findFirst()
			.orElse(units.isEmpty() ? null : units.get(0));
		LocalDate today = checkIns.today();
		LocalDate shown = day == null || day.isAfter(today) ? today : day;
		model.addAttribute("user", user);
		model.addAttribute("units", units);
		model.addAttribute("unit", chosen);
		model.addAttribute("day", shown);
		model.addAttribute("today", today);
		model.addAttribute("stops", chosen == null ? List.of() : checkIns.day(chosen.id(), shown));
		return "mobile-today";
	}

	@PostMapping("/mobile/stops/{id}/check-in")
	@LibrarianOrCentral
	String checkIn(@PathVariable long id, @RequestParam(required = false) Integer people,
			Authentication authentication, RedirectAttributes redirect) {
		StopVisit visit = checkIns.visit(id);
		access.requireActFor(authentication, visit.unitId());
		return attempt(visit, redirect, "mobile.done.checkIn", () -> checkIns.checkIn(id,
				people == null ? -1 : people, authentication.getName()));
	}

	@PostMapping("/mobile/stops/{id}/missed")
	@LibrarianOrCentral
	String missed(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		StopVisit visit = checkIns.visit(id);
		access.requireActFor(authentication, visit.unitId());
		return attempt(visit, redirect, "mobile.done.missed", () -> checkIns.missed(id, reason, authentication.getName()));
	}

	private String attempt(StopVisit visit, RedirectAttributes redirect, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", pageMessages.text(done, labels.name(visit.siteId())));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/mobile/today").queryParam("unit", visit.unitId())
			.queryParam("day", visit.day()).build().encode().toUriString();
	}

}
