package org.branchlink.gateway.circulation;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.branchlink.gateway.reader.CardNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk's reader search, for a reader without their card: by a whole card number, by the last digits of one, or by
 * name (a part of it). Readers borrow anywhere, so every site's readers are found; a match shows only what the desk
 * panel shows (name, the tail of the card, home site). The reader table keeps no phone number, so there is no search
 * by phone.
 */
@Component
public class ReaderLookup {

	/** At most this many matches are shown; more ask for a narrower query. */
	public static final int LIMIT = 20;

	private static final Pattern CARD_TAIL = Pattern.compile("(?i)(BL)?\\d{4,}");

	private final JdbcClient jdbc;

	ReaderLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A reader found.
	 *
	 * @param id the reader's internal id (what choosing them sends, never the card number)
	 * @param name their name
	 * @param cardTail the last four characters of their card, after an ellipsis
	 * @param homeSite the site where they registered
	 */
	public record Match(long id, String name, String cardTail, String homeSite) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * What a search found.
	 *
	 * @param by how the query was read: {@code card}, {@code card-tail} or {@code name}
	 * @param matches at most {@link #LIMIT} readers, by name
	 * @param more whether more readers matched than are shown
	 */
	public record Found(String by, List<Match> matches, boolean more) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	/** The readers matching {@code query} (not blank). */
	public Found search(String query) {
		String q = query.strip();
		Optional<String> card = CardNumber.typed(q);
		if (card.isPresent()) {
			return found("card", "r.card_number = :q", card.get());
		}
		if (CARD_TAIL.matcher(q).matches()) {
			return found("card-tail", "r.card_number like :q", "%" + q.replaceFirst("(?i)^BL", ""));
		}
		return found("name", "r.name ilike :q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
	}

	private Found found(String by, String condition, String value) {
		List<Match> matches = jdbc.sql("select r.id, r.name, r.card_number, r.home_site from reader r where " + condition
				+ " order by r.name, r.id limit " + (LIMIT + 1))
			.param("q", value)
			.query((rs, n) -> new Match(rs.getLong(1), rs.getString(2), tail(rs.getString(3)), rs.getString(4)))
			.list();
		return new Found(by, matches.stream().limit(LIMIT).toList(), matches.size() > LIMIT);
	}

	/** The card of the reader with this id. */
	public Optional<String> cardOf(long readerId) {
		return jdbc.sql("select card_number from reader where id = :id").param("id", readerId).query(String.class).optional();
	}

	/** A card shown by its last four characters only. */
	public static String tail(String card) {
		return card == null ? "" : "…" + card.substring(Math.max(0, card.length() - 4));
	}

}
