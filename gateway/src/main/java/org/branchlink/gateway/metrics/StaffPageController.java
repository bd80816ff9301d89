package org.branchlink.gateway.metrics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
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
 * Staffing and training (人员配备与培训, issue 20 point 8): the staff of a librarian's sites with their training days of
 * the year against the standard (15 days at county level, 5 at township and village level) and their certificates,
 * those expired or expiring within {@value #EXPIRING_DAYS} days marked; staff add members, training and certificates
 * and withdraw those who left. Central staff and auditors see every site and the county's staffing check.
 */
@Controller
class StaffPageController {

	/** How many days ahead an expiring certificate is marked. */
	static final int EXPIRING_DAYS = 60;

	private final Staffing staffing;

	private final SiteAccess access;

	private final SiteDirectory sites;

	private final PageMessages pageMessages;

	private final CountySettings county;

	StaffPageController(Staffing staffing, SiteAccess access, SiteDirectory sites, PageMessages pageMessages,
			CountySettings county) {
		this.staffing = staffing;
		this.access = access;
		this.sites = sites;
		this.pageMessages = pageMessages;
		this.county = county;
	}

	/** A refused staff member's fields, shown again. */
	record Draft(String siteId, String name, String kind) implements Serializable {
	}

	@GetMapping("/staff")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN','AUDITOR')")
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		LocalDate today = LocalDate.now(county.zone());
		boolean countyWide = user.roles().contains(Role.CENTRAL_ADMIN) || user.roles().contains(Role.AUDITOR);
		Collection<String> mine = countyWide ? sites.byId().keySet() : access.sitesFor(authentication);
		List<Staffing.Member> members = staffing.members(mine, today.getYear());
		Map<Long, List<Staffing.Certificate>> certificates = staffing.certificates(members.stream().map(Staffing.Member::id)
			.toList()).stream().collect(Collectors.groupingBy(Staffing.Certificate::staffId));
		model.addAttribute("today", today);
		model.addAttribute("expiringDays", EXPIRING_DAYS);
		model.addAttribute("members", members);
		model.addAttribute("certificates", certificates);
		Set<Long> active = members.stream().filter(Staffing.Member::active).map(Staffing.Member::id).collect(Collectors.toSet());
		model.addAttribute("expiring", certificates.values().stream().flatMap(List::stream)
			.filter(c -> active.contains(c.staffId()) && (c.expired(today) || c.expiringWithin(today, EXPIRING_DAYS))).count());
		model.addAttribute("untrained", members.stream().filter(m -> m.active() && !m.trainedEnough()).count());
		model.addAttribute("check", countyWide ? staffing.check(today.getYear()) : null);
		model.addAttribute("sites", mine.stream().sorted(Comparator.naturalOrder()).toList());
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("", "", "full_time"));
		}
		return "staff";
	}

	@PostMapping("/staff")
	@LibrarianOrCentral
	String add(@RequestParam(defaultValue = "") String siteId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "full_time") String kind, Authentication authentication, RedirectAttributes redirect) {
		access.requireActForKnownSite(authentication, siteId);
		return attempt(redirect, "staff.done.added", new Draft(siteId, name, kind), null,
				() -> staffing.addStaff(new Staffing.StaffRequest(siteId, name, kind)));
	}

	@PostMapping("/staff/{id}/training")
	@LibrarianOrCentral
	String training(@PathVariable long id, @RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) BigDecimal days, @RequestParam(defaultValue = "") String topic,
			Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, staffing.siteOf(id));
		return attempt(redirect, "staff.done.training", null, id,
				() -> staffing.addTraining(id, new Staffing.TrainingRequest(day, days, topic)));
	}

	@PostMapping("/staff/{id}/certificates")
	@LibrarianOrCentral
	String certificate(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String number, @RequestParam(required = false) LocalDate issuedOn,
			@RequestParam(required = false) LocalDate expiresOn, Authentication authentication, RedirectAttributes redirect) {
		access.requireActFor(authentication, staffing.siteOf(id));
		return attempt(redirect, "staff.done.certificate", null, id,
				() -> staffing.addCertificate(id, new Staffing.CertificateRequest(name, number, issuedOn, expiresOn)));
	}

	@PostMapping("/staff/{id}/active")
	@LibrarianOrCentral
	String active(@PathVariable long id, @RequestParam boolean active, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, staffing.siteOf(id));
		return attempt(redirect, active ? "staff.done.back" : "staff.done.left", null, id, () -> staffing.setActive(id, active));
	}

	private String attempt(RedirectAttributes redirect, String done, Draft draft, Long member, Runnable action) {
		if (!pageMessages.attempt(redirect, done, action) && draft != null) {
			redirect.addFlashAttribute("draft", draft);
		}
		if (member == null) {
			return "redirect:/staff";
		}
		// the notice or refusal shows in the member's card, where the page opens
		redirect.addFlashAttribute("flashMember", member);
		return "redirect:/staff#staff-" + member;
	}

}
