package org.branchlink.gateway.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person, with the sites they work for (empty for readers and central staff). */
public class BranchLinkUser extends User {

	private final String displayName;

	private final Set<Role> roles;

	private final Set<String> siteIds;

	BranchLinkUser(String username, String passwordHash, boolean enabled, String displayName, Set<Role> roles,
			Set<String> siteIds) {
		super(username, passwordHash, enabled, true, true, true, authorities(roles));
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.siteIds = Set.copyOf(siteIds);
	}

	private static Collection<? extends GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public Set<String> siteIds() {
		return siteIds;
	}

}
