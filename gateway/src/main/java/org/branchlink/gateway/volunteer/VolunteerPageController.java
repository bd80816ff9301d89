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

/** Volunteer pages for staff: the list by skill, and a volunteer's certificate of confirmed hours (printable). */
@Controller
class VolunteerPageController {

	private final Volunteers volunteers;

	private final SiteDirectory sites;

	VolunteerPageController(Volunteers volunteers, SiteDirectory sites) {
		this.volunteers = volunteers;
		this.sites = sites;
	}

	@GetMapping("/volunteers")
	String list(@RequestParam(required = false) String skill, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("skill", skill == null ? "" : skill);
		model.addAttribute("volunteers", volunteers.find(skill));
		model.addAttribute("siteNames", sites.byId());
		return "volunteers";
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
