package org.branchlink.gateway.notify;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.branchlink.gateway.platform.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How each reader wants to be told: an e-mail address, a mobile number, and the channels chosen. Personal data: read
 * by the reader's own page and by the sending only.
 */
@Component
public class ReaderContacts {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	/** A mainland mobile number: 11 digits starting with 1. */
	private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

	private final JdbcClient jdbc;

	private final Clock clock;

	ReaderContacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A reader's contact.
	 *
	 * @param email the e-mail address, or null
	 * @param phone the mobile number, or null
	 * @param channels the channels chosen ({@code email}, {@code sms}, {@code wechat})
	 * <p>Serializable: a refused form is carried back in the session's flash, and sessions live in Hazelcast.
	 */
	public record Contact(String email, String phone, Set<String> channels) implements Serializable {

		private static final long serialVersionUID = 1L;

		public static final Contact NONE = new Contact(null, null, Set.of());

		/** Where a channel reaches the reader; empty when it cannot. */
		Optional<String> address(String channel) {
			return Optional.ofNullable(switch (channel) {
				case "email" -> email;
				case "sms", "wechat" -> phone;
				default -> null;
			}).filter(a -> !a.isBlank());
		}

	}

	public Contact of(long readerId) {
		return jdbc.sql("select email, phone, channels from reader_contact where reader_id = :id")
			.param("id", readerId)
			.query((rs, n) -> new Contact(rs.getString(1), rs.getString(2),
					Set.of((String[]) rs.getArray(3).getArray())))
			.optional()
			.orElse(Contact.NONE);
	}

	/**
	 * Saves what the reader chose; a channel chosen without its address, or an address that is not one, is refused
	 * with the field named and nothing is changed.
	 */
	public Contact save(long readerId, String email, String phone, Set<String> channels) {
		String mail = blankToNull(email);
		String mobile = blankToNull(phone == null ? null : phone.replaceAll("[\\s-]", ""));
		if (mail != null && !EMAIL.matcher(mail).matches()) {
			throw new InvalidRequestException("notify-email");
		}
		if (mobile != null && !MOBILE.matcher(mobile).matches()) {
			throw new InvalidRequestException("notify-phone");
		}
		Set<String> chosen = new TreeSet<>(channels);
		if (!Set.of("email", "sms", "wechat").containsAll(chosen)) {
			throw new InvalidRequestException("notify-channel");
		}
		if (chosen.contains("email") && mail == null) {
			throw new InvalidRequestException("notify-email-needed");
		}
		if ((chosen.contains("sms") || chosen.contains("wechat")) && mobile == null) {
			throw new InvalidRequestException("notify-phone-needed");
		}
		jdbc.sql("""
				insert into reader_contact (reader_id, email, phone, channels, updated_at)
				values (:id, :email, :phone, :channels, :at)
				on conflict (reader_id) do update set email = excluded.email, phone = excluded.phone,
				    channels = excluded.channels, updated_at = excluded.updated_at""")
			.param("id", readerId)
			.param("email", mail)
			.param("phone", mobile)
			.param("channels", List.copyOf(chosen).toArray(String[]::new))
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return new Contact(mail, mobile, Set.copyOf(chosen));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
