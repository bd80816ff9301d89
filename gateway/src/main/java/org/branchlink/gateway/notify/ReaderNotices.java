package org.branchlink.gateway.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.holds.NotificationSender;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is told to readers, queued in the transaction that caused it (a hold made ready, a place confirmed, an event
 * called off, a reminder): one notice per channel the reader chose, at most once per reader, kind and subject; the
 * sending ({@link NotificationDispatch}) comes after the commit and never holds the transaction up. A reader who chose
 * no channel is told nothing (and the log says only which notice, never who).
 */
@Component
public class ReaderNotices implements NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(ReaderNotices.class);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ReaderContacts contacts;

	private final EventCatalog events;

	private final SiteDirectory sites;

	private final JsonMapper json;

	private final ZoneId zone;

	ReaderNotices(JdbcClient jdbc, ReaderContacts contacts, EventCatalog events, SiteDirectory sites, JsonMapper json,
			CountySettings county) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.events = events;
		this.sites = sites;
		this.json = json;
		this.zone = county.zone();
	}

	@Override
	public void holdReady(String card, long holdId, String site, Instant until) {
		log.info("Notify: hold {} is ready at {} until {}", holdId, site, until);
		queue(card, Notice.HOLD_READY, "hold:" + holdId, List.of(siteName(site), DAY.format(until.atZone(zone))));
	}

	@Override
	public void eventNotice(String card, long eventId, EventNotice notice) {
		log.info("Notify: event {}: {}", eventId, notice);
		Optional<CulturalEvent> event = events.find(eventId);
		if (event.isEmpty()) {
			return;
		}
		Notice kind = notice == EventNotice.PLACE_CONFIRMED ? Notice.PLACE_CONFIRMED : Notice.EVENT_CANCELLED;
		queue(card, kind, "event:" + eventId, List.of(event.get().title(), DAY_TIME.format(event.get().starts().atZone(zone))));
	}

	/**
	 * Queues a notice for the reader of a card on each channel they chose; a notice of the same kind and subject
	 * already queued for them is not queued again.
	 *
	 * @param args the words put into the notice's text, in order
	 * @return how many were queued
	 */
	public int queue(String card, Notice kind, String subject, List<String> args) {
		Optional<Long> reader = jdbc.sql("select id from reader where card_number = :card").param("card", card)
			.query(Long.class).optional();
		return reader.map(id -> queue(id, kind, subject, args)).orElse(0);
	}

	/** Queues a notice for a reader on each channel they chose (see {@link #queue(String, Notice, String, List)}). */
	public int queue(long readerId, Notice kind, String subject, List<String> args) {
		int queued = 0;
		for (String channel : contacts.of(readerId).channels()) {
			queued += jdbc.sql("""
					insert into notification (reader_id, kind, channel, subject, payload)
					values (:reader, :kind, :channel, :subject, cast(:payload as jsonb))
					on conflict (reader_id, kind, subject, channel) do nothing""")
				.param("reader", readerId)
				.param("kind", kind.code())
				.param("channel", channel)
				.param("subject", subject)
				.param("payload", json.writeValueAsString(Map.of("args", args)))
				.update();
		}
		return queued;
	}

	/**
	 * A notice given up on after its last try: which and why, never to whom (the address stays with the reader).
	 *
	 * @param lastError why the last try failed (the reader's address is never part of it)
	 */
	public record GivenUp(long id, Notice kind, String channel, Instant createdAt, Instant deadAt, int attempts,
			String lastError) {
	}

	/** The notices given up on, newest first. */
	public List<GivenUp> givenUp(int limit) {
		return jdbc.sql("""
				select id, kind, channel, created_at, dead_at, attempts, last_error from notification
				where dead_at is not null order by dead_at desc, id desc limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new GivenUp(rs.getLong("id"), Notice.of(rs.getString("kind")), rs.getString("channel"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("dead_at").toInstant(), rs.getInt("attempts"),
					rs.getString("last_error")))
			.list();
	}

	/**
	 * Sends a notice given up on again, with all its tries (once the mail server or SMS gateway is fixed).
	 *
	 * @return false when it was not given up on
	 */
	public boolean sendAgain(long id) {
		return jdbc.sql("""
				update notification set dead_at = null, attempts = 0, next_attempt_at = null, last_error = null
				where id = :id and dead_at is not null""").param("id", id).update() == 1;
	}

	private String siteName(String siteId) {
		return sites.current().flatMap(r -> r.find(siteId)).map(s -> s.name().zh()).orElse(siteId);
	}

}
