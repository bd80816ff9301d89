package org.branchlink.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A site's system, authenticated by its API key; it acts for that one site only. */
public class SiteSystemAuthentication extends AbstractAuthenticationToken {

	private final String siteId;

	SiteSystemAuthentication(String siteId) {
		super(List.of(new SimpleGrantedAuthority(Role.SITE_SYSTEM.authority())));
		this.siteId = siteId;
		setAuthenticated(true);
	}

	public String siteId() {
		return siteId;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "site-system:" + siteId;
	}

}
