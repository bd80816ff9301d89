package org.branchlink.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.QuarantinedRecord;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The librarian's view of ingest: runs (those running with their progress) and records refused, for the sites the
 * signed-in person acts for, each refusal's reason in the page's language; central staff see every site and upload a
 * site's file (MARC as ISO 2709 or MARCXML, or a CSV/XLSX inventory) from the page. Librarians do not upload: the
 * ingest API takes files from central staff and the sites' own systems only.
 */
@Controller
class IngestPageController {

	private final CatalogIngest ingest;

	private final SiteCatalogIngest files;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	IngestPageController(CatalogIngest ingest, SiteCatalogIngest files, SiteDirectory sites, SiteAccess access,
			PageMessages pageMessages) {
		this.ingest = ingest;
		this.files = files;
		this.sites = sites;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	@GetMapping("/ingest")
	@LibrarianOrCentral
	String ingest(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		List<IngestReport> runs = new ArrayList<>();
		List<QuarantinedRecord> quarantined = new ArrayList<>();
		boolean central = user.roles().contains(Role.CENTRAL_ADMIN);
		if (central) {
			runs.addAll(ingest.reports(null, 50));
			quarantined.addAll(ingest.quarantined(null, 200));
			model.addAttribute("sites", sites.require().sites());
		}
		else {
			for (Site site : sites.require().sites()) {
				if (access.mayActFor(authentication, site.id())) {
					runs.addAll(ingest.reports(site.id(), 10));
					quarantined.addAll(ingest.quarantined(site.id(), 50));
				}
			}
		}
		model.addAttribute("central", central);
		model.addAttribute("runs", runs);
		model.addAttribute("quarantined", quarantined);
		model.addAttribute("user", user);
		return "ingest";
	}

	/** A site's file uploaded by central staff: ingested at once, answered with the run's counts. */
	@PostMapping("/ingest/upload")
	@CentralAdminOnly
	String upload(@RequestParam(defaultValue = "") String site, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "incremental") String mode, RedirectAttributes redirect) throws IOException {
		redirect.addFlashAttribute("uploadSite", site);
		if (sites.require().find(site).isEmpty()) {
			return refuse(redirect, "siteError", "ingest.upload.noSite");
		}
		if (file == null || file.isEmpty()) {
			return refuse(redirect, "fileError", "ingest.upload.noFile");
		}
		IngestMode ingestMode = "full".equals(mode) ? IngestMode.FULL : IngestMode.INCREMENTAL;
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
				: file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			IngestReport report = files.ingestFile(site, name, in, null, ingestMode);
			redirect.addFlashAttribute("notice", pageMessages.text("ingest.upload.done", name,
					pageMessages.text("ingest.mode." + ingestMode.name().toLowerCase(Locale.ROOT)), report.read(), report.added(),
					report.updated(), report.deleted(), report.quarantined()));
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage() == null ? "" : ex.getMessage();
			return refuse(redirect, "fileError", message.startsWith("the first row names no title column")
					? "ingest.upload.noTitleColumn" : "ingest.upload.unreadable");
		}
		return "redirect:/ingest";
	}

	private String refuse(RedirectAttributes redirect, String field, String key) {
		redirect.addFlashAttribute(field, true);
		redirect.addFlashAttribute("refused", pageMessages.text(key));
		return "redirect:/ingest";
	}

}
