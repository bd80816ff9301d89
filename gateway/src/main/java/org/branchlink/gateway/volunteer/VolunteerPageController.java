package org.branchlink.gateway.volunteer;

import java.time.LocalDate;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.sync.site.SiteDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Volunteer pages for staff: the list by skill, registration, hours to log and to confirm, and a volunteer's
 * certificate of confirmed hours (printable).
 */
@Controller
class VolunteerPageController {

	private final Volunteers volunteers;

	private final SiteDirectory sites;

	private final org.branchlink.gateway.security.SiteAccess access;

	VolunteerPageController(Volunteers volunteers, SiteDirectory sites, org.branchlink.gateway.security.SiteAccess access) {
		this.access = access;
		this.volunteers = volunteers;
		this.sites = sites;
	}

	@GetMapping("/volunteers")
	String list(@RequestParam(required = false) String skill, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("skill", skill == null ? "" : skill);
		model.addAttribute("volunteers", volunteers.find(skill));
		model.addAttribute("pending", volunteers.pending());
		model.addAttribute("siteNames", sites.byId());
		return "volunteers";
	}

	@org.springframework.web.bind.annotation.PostMapping("/volunteers")
	String register(@RequestParam String name, @RequestParam LocalDate birthDate, @RequestParam String homeSite,
			@RequestParam(defaultValue = "") String skills, @RequestParam(defaultValue = "") String guardianName,
			@RequestParam(defaultValue = "false") boolean guardianConsent,
			org.springframework.security.core.Authentication authentication,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		access.requireActForKnownSite(authentication, homeSite);
		try {
			volunteers.register(new Volunteers.Registration(name, birthDate, null, homeSite,
					java.util.Arrays.asList(skills.split("[,，、\\s]+")), guardianName, guardianConsent),
					authentication.getName());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/volunteers";
	}

	@org.springframework.web.bind.annotation.PostMapping("/volunteers/{id}/hours")
	String log(@PathVariable long id, @RequestParam String siteId, @RequestParam LocalDate day,
			@RequestParam java.math.BigDecimal hours, @RequestParam(defaultValue = "") String note,
			org.springframework.security.core.Authentication authentication,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		access.requireActForKnownSite(authentication, siteId);
		try {
			volunteers.logHours(id, siteId, null, day, hours, note, authentication.getName());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/volunteers";
	}

	@org.springframework.web.bind.annotation.PostMapping("/volunteer-hours/{id}/confirm")
	String confirm(@PathVariable long id, org.springframework.security.core.Authentication authentication,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		access.requireActFor(authentication, volunteers.line(id).siteId());
		try {
			volunteers.confirm(id, authentication.getName());
		}
		catch (org.branchlink.gateway.platform.ConflictException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/volunteers";
	}

	@GetMapping("/volunteers/{id}/certificate")
	String certificate(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("volunteer", volunteers.volunteer(id));
		model.addAttribute("lines", volunteers.lines(id).stream().filter(line -> line.confirmedBy() != null).toList());
		model.addAttribute("assignments", volunteers.assignments(id));
		model.addAttribute("issued", LocalDate.now());
		model.addAttribute("siteNames", sites.byId());
		return "certificate";
	}

}
