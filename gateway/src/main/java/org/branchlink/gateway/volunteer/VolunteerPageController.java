package org.branchlink.gateway.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.venue.AmateurTroupe;
import org.branchlink.gateway.venue.Troupes;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
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

/**
 * Volunteer pages for staff: the list by skill, registration, hours to log and to confirm, and a volunteer's
 * certificate of confirmed hours (printable). Each shows only the volunteers and hours of the sites the staff member
 * may act for.
 */
@Controller
class VolunteerPageController {

	private final Volunteers volunteers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final CountySettings county;

	private final VolunteerSkills skills;

	private final Troupes troupes;

	VolunteerPageController(Volunteers volunteers, SiteDirectory sites, SiteAccess access, PageMessages pageMessages,
			CountySettings county, VolunteerSkills skills, Troupes troupes) {
		this.skills = skills;
		this.troupes = troupes;
		this.pageMessages = pageMessages;
		this.county = county;
		this.access = access;
		this.volunteers = volunteers;
		this.sites = sites;
	}

	@GetMapping("/volunteers")
	@LibrarianOrCentral
	String list(@RequestParam(required = false) String skill, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("skill", skill == null ? "" : skill);
		Set<String> scope = access.sitesFor(authentication);
		model.addAttribute("volunteers", volunteers.find(skill == null ? null : skills.code(skill), scope));
		model.addAttribute("pending", volunteers.pending(scope));
		model.addAttribute("applications", volunteers.applications(scope));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("homeSites", sites.current().map(r -> r.sites().stream()
			.filter(site -> scope.contains(site.id()))
			.toList()).orElse(List.of()));
		model.addAttribute("today", LocalDate.now(county.zone()));
		// the teams volunteers of these sites may serve in, and every team's name for the list
		model.addAttribute("teams", troupes.of(scope).stream().filter(t -> t.kind() == AmateurTroupe.Kind.TEAM && t.active()).toList());
		model.addAttribute("teamNames", troupes.active().stream().collect(Collectors.toMap(AmateurTroupe::id, AmateurTroupe::name)));
		return "volunteers";
	}

	@PostMapping("/volunteers")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #homeSite)")
	String register(@RequestParam String name, @RequestParam LocalDate birthDate, @RequestParam String homeSite,
			@RequestParam(defaultValue = "") String skills, @RequestParam(defaultValue = "") String guardianName,
			@RequestParam(defaultValue = "false") boolean guardianConsent,
			Authentication authentication,
			RedirectAttributes redirect) {
		access.requireKnown(homeSite);
		try {
			volunteers.register(new Volunteers.Registration(name, birthDate, null, homeSite,
					Arrays.stream(skills.split("[,，、\\s]+")).map(this.skills::code).toList(), guardianName, guardianConsent),
					authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("volunteers.registered", name));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/volunteers";
	}

	@PostMapping("/volunteers/{id}/accept")
	@LibrarianOrCentral
	String accept(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, volunteers.homeSite(id));
		try {
			redirect.addFlashAttribute("notice", pageMessages.text("volunteers.accepted", volunteers.accept(id,
					authentication.getName()).name()));
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/volunteers";
	}

	@PostMapping("/volunteers/{id}/decline")
	@LibrarianOrCentral
	String decline(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, volunteers.homeSite(id));
		try {
			volunteers.decline(id, reason, authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("volunteers.declined"));
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/volunteers";
	}

	@PostMapping("/volunteers/{id}/hours")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	String log(@PathVariable long id, @RequestParam String siteId, @RequestParam LocalDate day,
			@RequestParam BigDecimal hours, @RequestParam(defaultValue = "") String note,
			Authentication authentication,
			RedirectAttributes redirect) {
		access.requireKnown(siteId);
		try {
			volunteers.logHours(id, siteId, null, day, hours, note, authentication.getName());
			redirect.addFlashAttribute("notice", pageMessages.text("volunteers.logged", hours));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/volunteers";
	}

	@PostMapping("/volunteer-hours/{id}/confirm")
	@LibrarianOrCentral
	String confirm(@PathVariable long id, @RequestParam(required = false) Integer rating, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, volunteers.line(id).siteId());
		pageMessages.attempt(redirect, "volunteers.confirmed", () -> volunteers.confirm(id, authentication.getName(), rating));
		return "redirect:/volunteers";
	}

	@PostMapping("/volunteers/{id}/team")
	@LibrarianOrCentral
	String team(@PathVariable long id, @RequestParam(required = false) Long teamId, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, volunteers.homeSite(id));
		if (teamId != null && !teamId.equals(volunteers.volunteer(id).teamId())) {
			access.requireActFor(authentication, troupes.troupe(teamId).siteId());
		}
		pageMessages.attempt(redirect, teamId == null ? "volunteers.team.left" : "volunteers.team.joined",
				() -> volunteers.joinTeam(id, teamId));
		return "redirect:/volunteers";
	}

	@GetMapping("/volunteers/{id}/certificate")
	@LibrarianOrCentral
	String certificate(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, Model model) {
		Volunteers.Volunteer volunteer = volunteers.volunteer(id);
		access.requireActFor(authentication, volunteer.homeSite());
		model.addAttribute("user", user);
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("lines", volunteers.lines(id).stream().filter(line -> line.confirmedBy() != null).toList());
		model.addAttribute("assignments", volunteers.assignments(id));
		model.addAttribute("issued", LocalDate.now(county.zone()));
		model.addAttribute("siteNames", sites.byId());
		return "certificate";
	}

}
