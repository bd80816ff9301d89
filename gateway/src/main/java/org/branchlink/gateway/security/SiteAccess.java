package org.branchlink.gateway.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether someone may act for a site: central staff for every site; a librarian for the sites they work for and every
 * site below them (a township station's librarian also serves its villages); a site's system for its own site.
 */
@Component
public class SiteAccess {

	private final SiteDirectory sites;

	SiteAccess(SiteDirectory sites) {
		this.sites = sites;
	}

	public boolean mayActFor(Authentication authentication, String siteId) {
		if (authentication == null) {
			return false;
		}
		if (authentication instanceof SiteSystemAuthentication system) {
			return system.siteId().equals(siteId);
		}
		if (!(authentication.getPrincipal() instanceof BranchLinkUser user)) {
			return false;
		}
		if (user.roles().contains(Role.CENTRAL_ADMIN)) {
			return true;
		}
		return user.roles().contains(Role.LIBRARIAN) && sites.current()
			.map(registry -> registry.ancestry(siteId).stream().map(Site::id).anyMatch(user.siteIds()::contains))
			.orElse(false);
	}

	/** The ids of the registry's sites {@link #mayActFor} allows (empty for anyone else, and before a registry). */
	public Set<String> sitesFor(Authentication authentication) {
		return sites.current().map(registry -> registry.sites().stream().map(Site::id)
			.filter(id -> mayActFor(authentication, id))
			.collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
	}

	/**
	 * {@link #requireActFor}, and the site must be in the registry.
	 *
	 * @throws org.branchlink.sync.ingest.SiteCatalogIngest.UnknownSiteException when it is not (a 404 problem detail)
	 */
	public void requireActForKnownSite(Authentication authentication, String siteId) {
		requireActFor(authentication, siteId);
		requireKnown(siteId);
	}

	/**
	 * The site must be in the registry: for a handler whose rule checks {@link #mayActFor} first, so that, as with
	 * {@link #requireActForKnownSite}, one who may not act for the site hears 403 and only central staff hear 404.
	 *
	 * @throws org.branchlink.sync.ingest.SiteCatalogIngest.UnknownSiteException when it is not (a 404 problem detail)
	 */
	public void requireKnown(String siteId) {
		if (sites.require().find(siteId).isEmpty()) {
			throw new SiteCatalogIngest.UnknownSiteException(siteId);
		}
	}

	/** @throws AccessDeniedException when {@link #mayActFor} is false; answered as a 403 problem detail */
	public void requireActFor(Authentication authentication, String siteId) {
		if (!mayActFor(authentication, siteId)) {
			throw new AccessDeniedException("not allowed to act for site " + siteId);
		}
	}

}
