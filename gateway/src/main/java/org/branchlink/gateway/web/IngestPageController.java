package org.branchlink.gateway.web;

import java.util.ArrayList;
import java.util.List;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.QuarantinedRecord;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The librarian's view of ingest: runs (those running with their progress) and records refused, for the sites the
 * signed-in person acts for; central staff see every site.
 */
@Controller
class IngestPageController {

	private final CatalogIngest ingest;

	private final SiteDirectory sites;

	private final SiteAccess access;

	IngestPageController(CatalogIngest ingest, SiteDirectory sites, SiteAccess access) {
		this.ingest = ingest;
		this.sites = sites;
		this.access = access;
	}

	@GetMapping("/ingest")
	@LibrarianOrCentral
	String ingest(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		List<IngestReport> runs = new ArrayList<>();
		List<QuarantinedRecord> quarantined = new ArrayList<>();
		if (user.roles().contains(Role.CENTRAL_ADMIN)) {
			runs.addAll(ingest.reports(null, 50));
			quarantined.addAll(ingest.quarantined(null, 200));
		}
		else {
			for (Site site : sites.require().sites()) {
				if (access.mayActFor(authentication, site.id())) {
					runs.addAll(ingest.reports(site.id(), 10));
					quarantined.addAll(ingest.quarantined(site.id(), 50));
				}
			}
		}
		model.addAttribute("runs", runs);
		model.addAttribute("quarantined", quarantined);
		model.addAttribute("user", user);
		return "ingest";
	}

}
