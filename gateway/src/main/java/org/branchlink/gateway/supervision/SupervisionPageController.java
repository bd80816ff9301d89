package org.branchlink.gateway.supervision;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

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
 * The supervision page (督查整改): central staff record inspections and spot checks with their rectification items and
 * re-inspect what sites report done; librarians see their sites' items (and those escalated to them) and report each
 * done with what they did.
 */
@Controller
class SupervisionPageController {

	private final Supervision supervision;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	SupervisionPageController(Supervision supervision, SiteDirectory sites, SiteAccess access, PageMessages pageMessages) {
		this.supervision = supervision;
		this.sites = sites;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	/** A refused inspection's fields, shown again. */
	record Draft(String kind, String siteId, String inspectedOn, String inspector, String findings, List<String> items,
			List<String> owners, List<String> deadlines) implements Serializable {
	}

	@GetMapping("/supervision")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN','AUDITOR')")
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		LocalDate today = supervision.today();
		boolean central = user.roles().contains(Role.CENTRAL_ADMIN);
		// an auditor reads what central staff see (every site's items, the inspections, the year's figures), no forms
		boolean countyWide = central || user.roles().contains(Role.AUDITOR);
		model.addAttribute("user", user);
		model.addAttribute("central", central);
		model.addAttribute("countyWide", countyWide);
		model.addAttribute("today", today);
		model.addAttribute("items", supervision.items(countyWide ? sites.byId().keySet() : access.sitesFor(authentication)));
		model.addAttribute("inspections", countyWide ? supervision.inspections() : List.of());
		model.addAttribute("figures", countyWide ? supervision.figures(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)) : null);
		model.addAttribute("allSites", sites.current().map(registry -> registry.sites().stream()
			.filter(site -> site.kind().level().ordinal() <= SiteLevel.SERVICE_POINT.ordinal())
			.sorted(Comparator.comparing(Site::id)).toList()).orElse(List.of()));
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft("inspection", "", today.toString(), "", "", List.of("", "", ""),
					List.of("", "", ""), List.of("", "", "")));
		}
		return "supervision";
	}

	@PostMapping("/supervision/inspections")
	@CentralAdminOnly
	String record(@RequestParam(defaultValue = "inspection") String kind, @RequestParam(defaultValue = "") String siteId,
			@RequestParam(required = false) LocalDate inspectedOn, @RequestParam(defaultValue = "") String inspector,
			@RequestParam(defaultValue = "") String findings, @RequestParam(required = false) List<String> item,
			@RequestParam(required = false) List<String> owner, @RequestParam(required = false) List<String> deadline,
			Authentication authentication, RedirectAttributes redirect) {
		List<String> items = item == null ? List.of() : item;
		List<String> owners = owner == null ? List.of() : owner;
		List<String> deadlines = deadline == null ? List.of() : deadline;
		List<Supervision.ItemRequest> requests = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String day = i < deadlines.size() ? deadlines.get(i) : "";
			requests.add(new Supervision.ItemRequest(items.get(i), i < owners.size() ? owners.get(i) : "",
					day(day)));
		}
		return attempt(redirect, "supervision.done.recorded", new Draft(kind, siteId,
				inspectedOn == null ? "" : inspectedOn.toString(), inspector, findings, pad(items), pad(owners), pad(deadlines)),
				() -> supervision.record(new Supervision.InspectionRequest(kind, siteId, inspectedOn, inspector, findings,
						requests), authentication.getName()));
	}

	@PostMapping("/supervision/items/{id}/report")
	@LibrarianOrCentral
	String report(@PathVariable long id, @RequestParam(defaultValue = "") String report, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, supervision.item(id).siteId());
		return attempt(redirect, "supervision.done.reported", null, () -> supervision.report(id, report, authentication.getName()));
	}

	@PostMapping("/supervision/items/{id}/reinspect")
	@CentralAdminOnly
	String reinspect(@PathVariable long id, @RequestParam(defaultValue = "false") boolean passed,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) LocalDate newDeadline,
			Authentication authentication, RedirectAttributes redirect) {
		return attempt(redirect, passed ? "supervision.done.closed" : "supervision.done.reopened", null,
				() -> supervision.reinspect(id, passed, note, newDeadline, authentication.getName()));
	}

	/** A date typed in the form; {@code null} (refused as incomplete) when it is not one. */
	private static LocalDate day(String text) {
		try {
			return text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static List<String> pad(List<String> values) {
		List<String> padded = new ArrayList<>(values);
		while (padded.size() < 3) {
			padded.add("");
		}
		return padded;
	}

	private String attempt(RedirectAttributes redirect, String done, Draft draft, Supplier<?> action) {
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
		return "redirect:/supervision";
	}

}
