package org.branchlink.gateway.sip2;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** What kiosks' answers read beyond lending's own queries: a copy's title, a work's hold queue, a reader's password. */
@Component
class SelfCheckQueries {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	SelfCheckQueries(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
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
		return jdbc.sql("""
				select r.title from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				where i.site_id = :site and i.barcode = :barcode""")
			.param("site", siteId)
			.param("barcode", barcode)
			.query(String.class)
			.optional();
	}

	/** Holds on a work not yet collected, cancelled or expired: its queue. */
	int holdQueue(String workId) {
		return jdbc.sql("select count(*) from hold where work_id = :work and closed_at is null")
			.param("work", workId)
			.query(Integer.class)
			.single();
	}

	/** A hold's place in its work's queue of waiting holds (1 = next); 0 when it is no longer waiting. */
	int queuePosition(long holdId) {
		return jdbc.sql("""
				select case when h.status <> 'waiting' then 0 else (select count(*) from hold o
				    where o.work_id = h.work_id and o.status = 'waiting' and (o.placed_at, o.id) <= (h.placed_at, h.id)) end
				from hold h where h.id = :id""")
			.param("id", holdId)
			.query(Integer.class)
			.single();
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
