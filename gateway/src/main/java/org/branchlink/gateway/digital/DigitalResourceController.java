package org.branchlink.gateway.digital;

import java.util.List;

import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SiteAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sites' digital resources (issue 20, point 3). */
@RestController
@Tag(name = "Digital resources")
class DigitalResourceController {

	private final DigitalResources resources;

	private final SiteAccess access;

	DigitalResourceController(DigitalResources resources, SiteAccess access) {
		this.resources = resources;
		this.access = access;
	}

	@GetMapping("/api/digital-resources")
	@Public
	@Operation(summary = "Every site's listed digital resources: name, kind, address, access (open, card, onsite)")
	List<DigitalResources.Resource> listed() {
		return resources.listed();
	}

	@GetMapping("/api/sites/{siteId}/digital-resources")
	@Public
	@Operation(summary = "One site's listed digital resources")
	List<DigitalResources.Resource> ofSite(@PathVariable String siteId) {
		access.requireKnown(siteId);
		return resources.of(siteId);
	}

	@PostMapping("/api/digital-resources")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #request.siteId())")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "List a digital resource of a site", description = "Scope: the site. 409 when it lists one of that name.")
	DigitalResources.Resource add(@RequestBody DigitalResources.Request request, Authentication authentication) {
		return resources.add(request, authentication.getName());
	}

	@PostMapping("/api/digital-resources/{id}/withdraw")
	@LibrarianOrCentral
	@Operation(summary = "Withdraw a digital resource from the list", description = "Scope: its site.")
	DigitalResources.Resource withdraw(@PathVariable long id, Authentication authentication) {
		access.requireActFor(authentication, resources.resource(id).siteId());
		return resources.setActive(id, false);
	}

}
