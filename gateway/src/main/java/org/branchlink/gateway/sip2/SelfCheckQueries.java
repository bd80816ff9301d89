package org.branchlink.gateway.sip2;

import java.util.Optional;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.gateway.holds.HoldStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** What kiosks' answers read beyond lending's own queries: a copy's title, a work's hold queue, a reader's password. */
@Component
class SelfCheckQueries {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final CatalogCopies catalog;

	private final HoldStore holds;

	SelfCheckQueries(JdbcClient jdbc, PasswordEncoder passwords, CatalogCopies catalog, HoldStore holds) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.catalog = catalog;
		this.holds = holds;
	}

	/** Whether the password is the one of the sign-in account linked to this reader's card (false without one). */
	boolean readerPassword(String card, String password) {
		return jdbc.sql("""
				select a.password_hash from reader r join account a on a.username = r.username
				where r.card_number = :card and a.enabled""")
			.param("card", card)
			.query(String.class)
			.optional()
			.map(hash -> passwords.matches(password, hash))
			.orElse(false);
	}

	/** The title of the record a copy belongs to (at its owning site). */
	Optional<String> title(String siteId, String barcode) {
		return catalog.describe(siteId, barcode).map(CatalogCopies.CopyDetails::title);
	}

	/** Holds on a work not yet collected, cancelled or expired: its queue. */
	int holdQueue(String workId) {
		return holds.queueLength(workId);
	}

	/** A hold's place in its work's queue of waiting holds (1 = next); 0 when it is no longer waiting. */
	int queuePosition(long holdId) {
		return holds.queuePosition(holdId);
	}

	/** Whether the journal holds this event already (a request sent again). */
	boolean received(String siteId, String eventId) {
		return jdbc.sql("select exists (select 1 from circulation_event where site_id = :site and event_id = :event)")
			.param("site", siteId)
			.param("event", eventId)
			.query(Boolean.class)
			.single();
	}

}
