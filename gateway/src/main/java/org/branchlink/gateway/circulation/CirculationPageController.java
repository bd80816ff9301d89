package org.branchlink.gateway.circulation;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.circulation.CirculationBatchReader;
import org.branchlink.sync.circulation.IntakeReport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The circulation desk for sites without an ILS (scan the card, scan the copy), offline batch upload and the conflict
 * list. A reader's "my loans" is {@link MyLoansPageController}.
 */
@Controller
class CirculationPageController {

	private final LendingDesk desk;

	private final CirculationQueries queries;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final ReaderRegistry readers;

	private final CountySettings county;

	private final PageMessages pageMessages;

	CirculationPageController(LendingDesk desk, CirculationQueries queries, SiteDirectory sites, SiteAccess access,
			ReaderRegistry readers, CountySettings county, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.desk = desk;
		this.queries = queries;
		this.sites = sites;
		this.access = access;
		this.readers = readers;
		this.county = county;
	}

	@GetMapping("/circulation")
	@LibrarianOrCentral
	String desk(@RequestParam(required = false) String site, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, Model model) {
		List<Site> mine = sites.require().sites().stream().filter(s -> access.mayActFor(authentication, s.id())).toList();
		String current = site != null && access.mayActFor(authentication, site) ? site
				: mine.stream().map(Site::id).filter(user.siteIds()::contains).findFirst()
					.orElse(mine.isEmpty() ? "" : mine.get(0).id());
		model.addAttribute("user", user);
		model.addAttribute("sites", mine);
		model.addAttribute("site", current);
		model.addAttribute("conflicts", queries.openConflicts(mine.stream().map(Site::id).toList(), 100));
		return "circulation";
	}

	@PostMapping("/circulation/checkout")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String checkout(@RequestParam String site, @RequestParam String card, @RequestParam String barcode,
			RedirectAttributes redirect) {
		return act(site, barcode, redirect, () -> desk.checkout(site, card, barcode));
	}

	@PostMapping("/circulation/checkin")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String checkin(@RequestParam String site, @RequestParam String barcode, RedirectAttributes redirect) {
		return act(site, barcode, redirect, () -> desk.checkin(site, barcode));
	}

	@PostMapping("/circulation/receive")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String receive(@RequestParam String site, @RequestParam String barcode, RedirectAttributes redirect) {
		return act(site, barcode, redirect, () -> desk.receive(site, barcode));
	}

	@PostMapping("/circulation/batch")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String batch(@RequestParam String site, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (var in = file.getInputStream()) {
			redirect.addFlashAttribute("report", desk.submit(CirculationBatchReader.read(site, name, in, county.zone())));
		}
		return "redirect:/circulation?site=" + site;
	}

	@PostMapping("/circulation/conflicts/{id}/resolve")
	@LibrarianOrCentral
	String resolve(@PathVariable long id, @RequestParam String site, Authentication authentication) {
		queries.conflict(id).ifPresent(conflict -> {
			access.requireActFor(authentication, conflict.siteId());
			queries.resolve(id, authentication.getName());
		});
		return "redirect:/circulation?site=" + site;
	}

	private String act(String site, String barcode, RedirectAttributes redirect, Supplier<IntakeReport> action) {
		try {
			IntakeReport report = action.get();
			redirect.addFlashAttribute("report", report);
			queries.copy(barcode.strip()).ifPresent(copy -> redirect.addFlashAttribute("copy", copy));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/circulation?site=" + site;
	}

}
