package org.branchlink.gateway.reader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.branchlink.gateway.circulation.CirculationProperties;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.OutOfScopeException;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration and lookup of readers. The card number is random with a check digit ({@link CardNumber}); the ID
 * number, when given, is checked (GB 11643) and kept only as a keyed hash so one person cannot hold two cards. Readers
 * under 14 need a guardian's name and consent. A card may be linked to a reader's sign-in account, never to a staff,
 * central or site-system account.
 */
@Component
public class ReaderRegistry {

	private final JdbcClient jdbc;

	private final CirculationProperties properties;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	private final AccountStore accounts;

	private final ApplicationEventPublisher events;

	ReaderRegistry(JdbcClient jdbc, CirculationProperties properties, SiteDirectory sites, Clock clock,
			CountySettings county, AccountStore accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.accounts = accounts;
		this.properties = properties;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** Today in the county. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * A registration.
	 *
	 * @param name name (required)
	 * @param birthDate date of birth (required)
	 * @param category reader category (default adult, child under 14)
	 * @param homeSite the registering site (required)
	 * @param idNumber resident ID number, optional; never stored in clear
	 * @param keepHistory keep loan history after return
	 * @param guardianName the consenting guardian (required under 14)
	 * @param guardianConsent the guardian consented (required under 14)
	 * @param username an existing sign-in account to link, optional
	 */
	public record Registration(String name, LocalDate birthDate, String category, String homeSite, String idNumber,
			Boolean keepHistory, String guardianName, Boolean guardianConsent, String username) {
	}

	@Transactional
	public Reader register(Registration r) {
		if (r.name() == null || r.name().isBlank()) {
			throw new IllegalArgumentException("a reader needs a name");
		}
		TextLimits.require("name", r.name(), TextLimits.NAME);
		TextLimits.require("guardianName", r.guardianName(), TextLimits.NAME);
		LocalDate today = today();
		if (r.birthDate() == null || r.birthDate().isAfter(today)) {
			throw new IllegalArgumentException("a reader needs a date of birth, not in the future");
		}
		if (r.homeSite() == null || sites.require().find(r.homeSite()).isEmpty()) {
			throw new IllegalArgumentException("unknown home site '" + r.homeSite() + "'");
		}
		boolean minor = new Reader(0, "", r.name(), r.birthDate(), "", "", false, null).isSensitive(today);
		String category = r.category() != null && !r.category().isBlank() ? r.category() : minor ? "child" : "adult";
		properties.terms(category);
		if (minor && (r.guardianName() == null || r.guardianName().isBlank() || !Boolean.TRUE.equals(r.guardianConsent()))) {
			throw new IllegalArgumentException("a reader under " + Reader.SENSITIVE_UNDER
					+ " needs a guardian's name and consent (PIPL Art. 31)");
		}
		String idHash = null;
		if (r.idNumber() != null && !r.idNumber().isBlank()) {
			String id = IdNumber.normalize(r.idNumber())
				.orElseThrow(() -> new IllegalArgumentException("the ID number is not valid (GB 11643 check failed)"));
			if (!IdNumber.birthDate(id).orElseThrow().equals(r.birthDate())) {
				throw new IllegalArgumentException("the date of birth does not match the ID number");
			}
			idHash = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, properties.idHashKey()).hmacHex(id);
		}
		refuseWhenStaffAccount(r.username());
		String card = unusedCardNumber();
		try {
			long id = jdbc.sql("""
					insert into reader (card_number, name, birth_date, category, home_site, keep_history, id_hash,
					    guardian_name, guardian_consent_at, username)
					values (:card, :name, :birth, :category, :site, :keep, :hash, :guardian,
					    case when :consent then now() end, :username) returning id""")
				.param("card", card)
				.param("name", r.name().strip())
				.param("birth", r.birthDate())
				.param("category", category)
				.param("site", r.homeSite())
				.param("keep", Boolean.TRUE.equals(r.keepHistory()))
				.param("hash", idHash)
				.param("guardian", minor ? r.guardianName().strip() : null)
				.param("consent", minor)
				.param("username", r.username())
				.query(Long.class)
				.single();
			known.invalidate(card);
			events.publishEvent(new ReadersChanged());
			return new Reader(id, card, r.name().strip(), r.birthDate(), category, r.homeSite(),
					Boolean.TRUE.equals(r.keepHistory()), minor ? r.guardianName().strip() : null);
		}
		catch (DuplicateKeyException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("username")) {
				throw new ConflictException("account-taken");
			}
			throw new ConflictException("card-exists");
		}
	}

	/** A staff account signing in as a reader would carry its staff roles into the reader's pages and loans. */
	private void refuseWhenStaffAccount(String username) {
		if (username == null) {
			return;
		}
		Set<Role> roles = accounts.rolesOf(username);
		if (roles.contains(Role.LIBRARIAN) || roles.contains(Role.CENTRAL_ADMIN) || roles.contains(Role.SITE_SYSTEM)) {
			throw new OutOfScopeException("account '" + username + "' is a staff or site-system account; a reader card "
					+ "is linked to a reader's own account only");
		}
	}

	/** A random card number no reader has (ten random digits: a repeat is rare, and then another is drawn). */
	private String unusedCardNumber() {
		while (true) {
			String card = CardNumber.issue();
			if (!jdbc.sql("select exists (select 1 from reader where card_number = :card)").param("card", card)
				.query(Boolean.class).single()) {
				return card;
			}
		}
	}

	/**
	 * {@link #byCard} for a card number typed or scanned at a desk.
	 *
	 * @throws IllegalArgumentException when its check digit is wrong (mistyped or misread), without looking it up
	 */
	public Optional<Reader> byTypedCard(String typed) {
		String card = CardNumber.typed(typed).orElseThrow(() -> new IllegalArgumentException(
				"'" + typed + "' is not a reader card number: its check digit is wrong (mistyped or misread?)"));
		return byCard(card);
	}

	public Optional<Reader> byCard(String card) {
		if (card == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from reader where card_number = :card").param("card", card).query(ReaderRegistry::map).optional();
	}

	public Optional<Reader> byId(long id) {
		return jdbc.sql("select * from reader where id = :id").param("id", id).query(ReaderRegistry::map).optional();
	}

	public Optional<Reader> byUsername(String username) {
		return jdbc.sql("select * from reader where username = :u").param("u", username).query(ReaderRegistry::map).optional();
	}

	/** The reader chooses whether loans are kept in their history after return. */
	public void keepHistory(long readerId, boolean keep) {
		jdbc.sql("update reader set keep_history = :keep where id = :id").param("keep", keep).param("id", readerId).update();
		known.invalidateAll();
		events.publishEvent(new ReadersChanged());
	}

	/**
	 * A reader was registered or changed on this node: other nodes drop the readers they remember (no card or name
	 * travels; see {@link #forget()}).
	 */
	public record ReadersChanged() {
	}

	/** Drops the readers this node remembers; the next lookup of each asks the database. */
	public void forget() {
		known.invalidateAll();
	}

	private final Cache<String, Optional<Reader>> known = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(100_000)
		.build();

	/**
	 * {@link #byCard}, remembered for 30 s: applying circulation events asks for the same readers' terms many times a
	 * second. Changes made on any node of the cluster are seen at once (the cluster tells every node to {@link #forget()});
	 * the 30 s bound the rest.
	 */
	public Optional<Reader> byCardRemembered(String card) {
		return card == null ? Optional.empty() : known.get(card, this::byCard);
	}

	private static Reader map(ResultSet rs, int row) throws SQLException {
		return new Reader(rs.getLong("id"), rs.getString("card_number"), rs.getString("name"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("category"), rs.getString("home_site"),
				rs.getBoolean("keep_history"), rs.getString("guardian_name"));
	}

}
