package org.branchlink.gateway.volunteer;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public volunteer sign-up (志愿者招募, issue 20 point 8): a resident applies to volunteer at a site, with the
 * skills they offer and a mobile number; under 18 with a guardian's name and consent. The site's staff accept or
 * decline the application on their volunteers page. Nothing of the applicant is shown publicly.
 */
@Controller
class VolunteerSignUpPageController {

	private final Volunteers volunteers;

	private final SiteDirectory sites;

	private final PageMessages pageMessages;

	VolunteerSignUpPageController(Volunteers volunteers, SiteDirectory sites, PageMessages pageMessages) {
		this.volunteers = volunteers;
		this.sites = sites;
		this.pageMessages = pageMessages;
	}

	/** A refused application's fields, shown again. */
	record Draft(String name, String birthDate, String phone, String homeSite, List<String> skills, String guardianName)
			implements Serializable {
	}

	@GetMapping("/volunteer")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("skillCodes", VolunteerSkills.CODES);
		model.addAttribute("homeSites", sites.current().map(registry -> registry.sites().stream()
			.filter(site -> site.kind().level() != SiteLevel.MOBILE)
			.sorted(Comparator.comparing(Site::id)).toList()).orElse(List.of()));
		model.addAttribute("today", LocalDate.now());
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("", "", "", "", List.of(), ""));
		}
		return "volunteer";
	}

	@PostMapping("/volunteer")
	@Public
	String apply(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) LocalDate birthDate,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String homeSite,
			@RequestParam(required = false) List<String> skills, @RequestParam(defaultValue = "") String guardianName,
			@RequestParam(defaultValue = "false") boolean guardianConsent, RedirectAttributes redirect) {
		List<String> offered = skills == null ? List.of() : skills.stream().filter(VolunteerSkills.CODES::contains).toList();
		try {
			volunteers.apply(new Volunteers.Registration(name, birthDate, phone, homeSite, offered, guardianName,
					guardianConsent));
			redirect.addFlashAttribute("notice", pageMessages.text("volunteer.applied"));
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("draft", new Draft(name, birthDate == null ? "" : birthDate.toString(), phone,
					homeSite, offered, guardianName));
		}
		return "redirect:/volunteer";
	}

}
