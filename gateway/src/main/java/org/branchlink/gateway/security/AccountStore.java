package org.branchlink.gateway.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.digest.DigestUtils;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and API keys in PostgreSQL. */
@Component
public class AccountStore implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	AccountStore(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
	}

	/**
	 * An account was created or changed (password, roles, sites): the sessions it has open, on any node, end, so the
	 * next request signs in again with what the account is now.
	 *
	 * @param username the account
	 */
	public record AccountChanged(String username) {
	}

	/** An API key was added, changed or revoked on this node: other nodes drop their cached keys. */
	public record ApiKeysChanged() {
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select * from account where username = :username")
			.param("username", username)
			.query((rs, row) -> new BranchLinkUser(rs.getString("username"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), rs.getString("display_name"), roles((String[]) rs.getArray("roles").getArray()),
					sitesOf(username)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/** The roles of an account; empty when there is no such account. */
	public Set<Role> rolesOf(String username) {
		return jdbc.sql("select roles from account where username = :username")
			.param("username", username)
			.query((rs, row) -> roles((String[]) rs.getArray("roles").getArray()))
			.optional()
			.orElse(Set.of());
	}

	private Set<String> sitesOf(String username) {
		return new HashSet<>(jdbc.sql("select site_id from account_site where username = :username")
			.param("username", username)
			.query(String.class)
			.list());
	}

	private boolean unchanged(String username, String rawPassword, String displayName, Set<Role> roles,
			Set<String> siteIds) {
		return jdbc.sql("select password_hash, display_name, roles from account where username = :u")
			.param("u", username)
			.query((rs, n) -> passwords.matches(rawPassword, rs.getString(1)) && displayName.equals(rs.getString(2))
					&& roles.equals(roles((String[]) rs.getArray(3).getArray())))
			.optional()
			.orElse(false)
				&& Set.copyOf(siteIds).equals(Set.copyOf(jdbc.sql("select site_id from account_site where username = :u")
					.param("u", username).query(String.class).list()));
	}

	private static Set<Role> roles(String[] names) {
		return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	/**
	 * Creates or replaces an account. Saved as it already is (a node starting with the demo county saves its accounts
	 * again), nothing is written and its sessions go on; changed, its sessions end on every node.
	 */
	@Transactional
	public void save(String username, String rawPassword, String displayName, Set<Role> roles, Set<String> siteIds) {
		if (unchanged(username, rawPassword, displayName, roles, siteIds)) {
			return;
		}
		jdbc.sql("""
				insert into account (username, password_hash, display_name, roles) values (:u, :p, :d, :r)
				on conflict (username) do update set password_hash = excluded.password_hash,
				    display_name = excluded.display_name, roles = excluded.roles""")
			.param("u", username)
			.param("p", passwords.encode(rawPassword))
			.param("d", displayName)
			.param("r", roles.stream().map(Role::name).sorted().toArray(String[]::new))
			.update();
		jdbc.sql("delete from account_site where username = :u").param("u", username).update();
		for (String site : siteIds) {
			jdbc.sql("insert into account_site (username, site_id) values (:u, :s)").param("u", username).param("s", site).update();
		}
		events.publishEvent(new AccountChanged(username));
	}

	/** Registers an API key for a site's system; only its SHA-256 is kept. */
	public void saveApiKey(String key, String siteId, String label) {
		knownKeys.invalidateAll();
		jdbc.sql("""
				insert into api_key (key_sha256, site_id, label) values (:h, :s, :l)
				on conflict (key_sha256) do update set site_id = excluded.site_id, label = excluded.label, revoked_at = null""")
			.param("h", DigestUtils.sha256Hex(key))
			.param("s", siteId)
			.param("l", label)
			.update();
		events.publishEvent(new ApiKeysChanged());
	}

	/** Revokes an API key: refused from now on, by every node (see {@link #forgetApiKeys()}). */
	public void revokeApiKey(String key) {
		jdbc.sql("update api_key set revoked_at = now() where key_sha256 = :h and revoked_at is null")
			.param("h", DigestUtils.sha256Hex(key))
			.update();
		knownKeys.invalidateAll();
		events.publishEvent(new ApiKeysChanged());
	}

	/** Drops the keys this node keeps; the next call of each key asks the database. */
	public void forgetApiKeys() {
		knownKeys.invalidateAll();
	}

	/**
	 * Sites' systems call many times a second: a key's site is kept 30 s. A change on any node of the cluster reaches
	 * every node's cache at once through the cluster ({@code ClusterChanges}); the 30 s bound the rest.
	 */
	private final Cache<String, Optional<String>> knownKeys = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(10_000)
		.build();

	/** The site a valid, unrevoked API key belongs to. */
	public Optional<String> siteOfApiKey(String key) {
		return knownKeys.get(DigestUtils.sha256Hex(key),
				hash -> jdbc.sql("select site_id from api_key where key_sha256 = :h and revoked_at is null")
					.param("h", hash)
					.query(String.class)
					.optional());
	}


}
