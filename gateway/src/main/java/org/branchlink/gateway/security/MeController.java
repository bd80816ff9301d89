package org.branchlink.gateway.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as BranchLink sees them. */
@RestController
@Tag(name = "Me")
class MeController {

	/** Who is signed in: their name, roles and sites. */
	record Me(String name, List<String> roles, List<String> sites) {
	}

	@GetMapping("/api/me")
	@PreAuthorize("hasAnyRole('READER','LIBRARIAN','CENTRAL_ADMIN','SITE_SYSTEM','AUDITOR')")
	@Operation(summary = "The signed-in caller's roles and sites")
	Me me(Authentication authentication) {
		if (authentication instanceof SiteSystemAuthentication system) {
			return new Me("site-system:" + system.siteId(), List.of(Role.SITE_SYSTEM.name()), List.of(system.siteId()));
		}
		BranchLinkUser user = (BranchLinkUser) authentication.getPrincipal();
		return new Me(user.displayName(), user.roles().stream().map(Role::name).sorted().toList(),
				user.siteIds().stream().sorted().toList());
	}

}
