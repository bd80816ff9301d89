package org.branchlink.gateway.notify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.branchlink.sync.outbound.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the queued notices, every {@code branchlink.notify.period} on every node (route {@code notifications}): a node
 * claims a batch (skipping rows another node holds, and leasing them for two minutes), sends each through its channel
 * in the words of the bundles, and marks it sent; a failed send waits its back-off and is tried again, up to
 * {@code max-attempts}. A reader's address is read at sending, so a change of address counts at once; the log names the
 * notice and the channel, never the reader or the address.
 */
@Component
class NotificationDispatch extends RouteBuilder {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatch.class);

	private static final TypeReference<Map<String, List<String>>> PAYLOAD = new TypeReference<>() {
	};

	private static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final ReaderContacts contacts;

	private final Map<String, NoticeChannel> channels;

	private final MessageSource messages;

	private final NotifyProperties properties;

	private final JsonMapper json;

	NotificationDispatch(JdbcClient jdbc, ReaderContacts contacts, List<NoticeChannel> channels, MessageSource messages,
			NotifyProperties properties, JsonMapper json) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.channels = channels.stream().collect(Collectors.toMap(NoticeChannel::code, Function.identity()));
		this.messages = messages;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public void configure() {
		from("timer:notifications?period=" + properties.period().toMillis() + "&delay=" + properties.period().toMillis())
			.routeId("notifications")
			.process(exchange -> exchange.getIn().setBody(sendDue()))
			.id("send-due")
			.filter(body().isGreaterThan(0))
			.log("Notices sent: ${body}")
			.id("notices-log");
	}

	/** A notice claimed for sending. */
	private record Pending(long id, long readerId, Notice kind, String channel, List<String> args, int attempts) {
	}

	/** Sends what is due; returns how many went out. */
	int sendDue() {
		List<Pending> claimed = jdbc.sql("""
				update notification set next_attempt_at = clock_timestamp() + interval '2 minutes'
				where id in (select id from notification where sent_at is null and dead_at is null
				               and (next_attempt_at is null or next_attempt_at <= clock_timestamp())
				             order by id limit :batch for update skip locked)
				returning id, reader_id, kind, channel, payload, attempts""")
			.param("batch", BATCH)
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("reader_id"), Notice.of(rs.getString("kind")),
					rs.getString("channel"), json.readValue(rs.getString("payload"), PAYLOAD).get("args"),
					rs.getInt("attempts")))
			.list();
		int sent = 0;
		for (Pending notice : claimed) {
			sent += send(notice) ? 1 : 0;
		}
		return sent;
	}

	private boolean send(Pending notice) {
		NoticeChannel channel = channels.get(notice.channel());
		String address = contacts.of(notice.readerId()).address(notice.channel()).orElse(null);
		try {
			if (channel == null || !channel.available()) {
				throw new IllegalStateException("channel " + notice.channel() + " is not set up");
			}
			if (address == null) {
				throw new IllegalStateException("the reader has no address for " + notice.channel());
			}
			Object[] args = notice.args().toArray();
			channel.send(address, messages.getMessage("notify." + notice.kind().code() + ".subject", args, Locale.CHINA),
					messages.getMessage("notify." + notice.kind().code() + ".text", args, Locale.CHINA));
			jdbc.sql("update notification set sent_at = clock_timestamp(), attempts = attempts + 1, last_error = null "
					+ "where id = :id").param("id", notice.id()).update();
			return true;
		}
		catch (Exception ex) {
			int attempts = notice.attempts() + 1;
			boolean dead = attempts >= properties.maxAttempts();
			// the reason goes on a staff page and in the log: never the reader's address
			String why = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (address != null && !address.isBlank()) {
				why = why.replace(address, "***");
			}
			jdbc.sql("""
					update notification set attempts = :attempts, last_error = :why,
					    next_attempt_at = clock_timestamp() + cast(:wait as interval),
					    dead_at = case when :dead then clock_timestamp() end
					where id = :id""")
				.param("attempts", attempts)
				.param("why", why.length() > 500 ? why.substring(0, 500) : why)
				.param("wait", new BackOff(properties.firstRetry(), properties.maxRetry()).after(attempts).toMillis() + " milliseconds")
				.param("dead", dead)
				.param("id", notice.id())
				.update();
			log.warn("Notice {} ({}, {}) not sent, try {}{}: {}", notice.id(), notice.kind().code(), notice.channel(),
					attempts, dead ? ", given up" : "", ex.getClass().getSimpleName());
			return false;
		}
	}

}
