package org.branchlink.gateway.sip2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.branchlink.gateway.security.SignInThrottle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Kiosk accounts for SIP2 (table {@code sip2_kiosk}): a user id and password (hashed with the platform's
 * {@link PasswordEncoder}), the site the kiosk acts for, its character set and whether it must send checksums.
 */
@Component
public class KioskAccounts {

	/** The character sets a kiosk may use. */
	public static final Charset GB18030 = Charset.forName("GB18030");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	KioskAccounts(JdbcClient jdbc, PasswordEncoder passwords, SignInThrottle throttle) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/**
	 * Creates or replaces a kiosk account.
	 *
	 * @param username the CN user id the kiosk signs in with
	 * @param rawPassword the CO password (only its hash is kept)
	 * @param siteId the site the kiosk acts for
	 * @param charset UTF-8 or GB18030
	 * @param checksumsRequired refuse its messages without AY/AZ
	 */
	public void save(String username, String rawPassword, String siteId, Charset charset, boolean checksumsRequired) {
		if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(GB18030)) {
			throw new IllegalArgumentException("a kiosk speaks UTF-8 or GB18030, not " + charset);
		}
		jdbc.sql("""
				insert into sip2_kiosk (username, password_hash, site_id, charset, checksums_required)
				values (:u, :p, :s, :c, :k)
				on conflict (username) do update set password_hash = excluded.password_hash, site_id = excluded.site_id,
				    charset = excluded.charset, checksums_required = excluded.checksums_required, enabled = true""")
			.param("u", username)
			.param("p", passwords.encode(rawPassword))
			.param("s", siteId)
			.param("c", charset.name())
			.param("k", checksumsRequired)
			.update();
	}

	/**
	 * The enabled kiosk with this user id and password; empty when either is wrong, or when the account or the
	 * client address is locked by too many failed sign-ins (counted with the platform's other sign-ins, the account as
	 * {@code sip2:<user id>}; while locked the password is not checked).
	 */
	Optional<KioskAccount> signIn(String username, String rawPassword, String clientAddress) {
		String account = "sip2:" + username;
		if (throttle.locked(account, clientAddress)) {
			return Optional.empty();
		}
		Optional<KioskAccount> signedIn = jdbc.sql("select * from sip2_kiosk where username = :u and enabled")
			.param("u", username)
			.query((rs, n) -> new Stored(rs.getString("password_hash"), new KioskAccount(rs.getString("username"),
					rs.getString("site_id"), Charset.forName(rs.getString("charset")), rs.getBoolean("checksums_required"))))
			.optional()
			.filter(stored -> passwords.matches(rawPassword, stored.hash()))
			.map(Stored::account);
		if (signedIn.isPresent()) {
			throttle.succeeded(account);
		}
		else {
			throttle.failed(account, clientAddress);
		}
		return signedIn;
	}

	/**
	 * A signed-in kiosk.
	 *
	 * @param username its user id
	 * @param siteId the site it acts for
	 * @param charset how its messages are encoded
	 * @param checksumsRequired whether messages without AY/AZ are refused
	 */
	record KioskAccount(String username, String siteId, Charset charset, boolean checksumsRequired) {
	}

	private record Stored(String hash, KioskAccount account) {
	}

}
