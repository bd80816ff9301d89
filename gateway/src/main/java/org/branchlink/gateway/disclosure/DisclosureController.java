package org.branchlink.gateway.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.Public;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure per site: phone, free services, accessibility, closure notices, and their figures. */
@RestController
@Tag(name = "Public disclosure")
class DisclosureController {

	private final SiteNotices notices;

	DisclosureController(SiteNotices notices) {
		this.notices = notices;
	}

	/** What a site's staff disclose. */
	record DisclosureRequest(String phone, List<String> freeServices, Set<String> accessibility) {
	}

	/** A closure notice to post. */
	record ClosureRequest(LocalDate fromDay, LocalDate toDay, String reason) {
	}

	/** A site's disclosure with its notices that are not over. */
	record SiteDisclosure(Disclosure disclosure, List<Closure> closures) {
	}

	@GetMapping("/api/sites/{siteId}/disclosure")
	@Public
	@Operation(summary = "What a site discloses (免费开放公示): service phone, free services and hours, accessibility, "
			+ "closure notices not yet over")
	SiteDisclosure disclosure(@PathVariable String siteId) {
		return new SiteDisclosure(notices.of(siteId), notices.coming(siteId));
	}

	@PutMapping("/api/sites/{siteId}/disclosure")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Replace what a site discloses", description = "Scope: the site. 400 for a phone that is not "
			+ "one, more than 30 services, an unknown facility code.")
	Disclosure disclose(@PathVariable String siteId, @RequestBody DisclosureRequest request, Authentication authentication) {
		return notices.disclose(siteId, request.phone(), request.freeServices(), request.accessibility(),
				authentication.getName());
	}

	@PostMapping("/api/sites/{siteId}/closures")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Post a closure notice (临时闭馆公告)", description = "Scope: the site. Announced in time when "
			+ "posted 7 days before the first day; 400 for days gone, an end before the start, over 366 days.")
	Closure announce(@PathVariable String siteId, @RequestBody ClosureRequest request, Authentication authentication) {
		return notices.announce(siteId, request.fromDay(), request.toDay(), request.reason(), authentication.getName());
	}

	@PostMapping("/api/sites/{siteId}/closures/{id}/withdraw")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a closure notice of the site", description = "Scope: the site.")
	void withdraw(@PathVariable String siteId, @PathVariable long id) {
		notices.withdrawOf(siteId, id);
	}

	@GetMapping("/api/disclosure/figures")
	@CentralOrAuditor
	@Operation(summary = "Sites disclosing in full, and closures of a period announced 7 days ahead")
	SiteNotices.Figures figures(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return notices.figures(from, to);
	}

}
