package org.branchlink.gateway.venue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's registered amateur troupes and teams (issue 20, point 2): registered at a site with their leader and
 * the reader who books for them, their members, and the guidance given to them. Owns {@code amateur_troupe},
 * {@code troupe_member} and {@code troupe_guidance}.
 */
@Service
public class Troupes {

	/** A troupe to register. */
	public record Registration(String siteId, String kind, String name, String genre, String leader, String contactCard) {
	}

	/** Registered troupes, their members and guidance given in a period. */
	public record Figures(int troupes, int teams, int members, int guidance) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final ReaderRegistry readers;

	private final Clock clock;

	private final ZoneId zone;

	Troupes(JdbcClient jdbc, SiteDirectory sites, ReaderRegistry readers, Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.readers = readers;
		this.clock = clock;
		this.zone = county.zone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	@Transactional
	public AmateurTroupe register(Registration registration) {
		AmateurTroupe.Kind kind = AmateurTroupe.Kind.of(registration.kind() == null ? "troupe" : registration.kind());
		if (registration.siteId() == null || sites.require().find(registration.siteId()).isEmpty()) {
			throw new NotFoundException("site", String.valueOf(registration.siteId()));
		}
		if (blank(registration.name()) || blank(registration.genre()) || blank(registration.leader())) {
			throw new InvalidRequestException("troupe-incomplete");
		}
		TextLimits.require("name", registration.name(), TextLimits.NAME);
		TextLimits.require("genre", registration.genre(), TextLimits.NAME);
		TextLimits.require("leader", registration.leader(), TextLimits.NAME);
		String card = blank(registration.contactCard()) ? null : registration.contactCard().strip();
		if (card != null && readers.byCard(card).isEmpty()) {
			throw new InvalidRequestException("troupe-contact", card);
		}
		try {
			long id = jdbc.sql("""
					insert into amateur_troupe (site_id, kind, name, genre, leader, contact_card, registered_on)
					values (:site, :kind, :name, :genre, :leader, :card, :on) returning id""")
				.param("site", registration.siteId()).param("kind", kind.code()).param("name", registration.name().strip())
				.param("genre", registration.genre().strip()).param("leader", registration.leader().strip())
				.param("card", card).param("on", Date.valueOf(today())).query(Long.class).single();
			return troupe(id);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("troupe-name", registration.name().strip());
		}
	}

	public AmateurTroupe troupe(long id) {
		return jdbc.sql(TROUPES + " where t.id = :id").param("id", id).query(Troupes::troupe).optional()
			.orElseThrow(() -> new NotFoundException("troupe", String.valueOf(id)));
	}

	/** The troupes of the given sites, by name. */
	public List<AmateurTroupe> of(Collection<String> siteIds) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(TROUPES + " where t.site_id in (:sites) order by t.name").param("sites", siteIds)
			.query(Troupes::troupe).list();
	}

	/** Every active troupe, by name (the public list: no names of people). */
	public List<AmateurTroupe> active() {
		return jdbc.sql(TROUPES + " where t.active order by t.site_id, t.name").query(Troupes::troupe).list();
	}

	/** The active troupes a reader books for (they are its contact). */
	public List<AmateurTroupe> bookingFor(String cardNumber) {
		return jdbc.sql(TROUPES + " where t.active and t.contact_card = :card order by t.name").param("card", cardNumber)
			.query(Troupes::troupe).list();
	}

	/** Registered or withdrawn (an inactive troupe books nothing and is not listed in public). */
	@Transactional
	public AmateurTroupe setActive(long id, boolean active) {
		troupe(id);
		jdbc.sql("update amateur_troupe set active = :active where id = :id").param("id", id).param("active", active).update();
		return troupe(id);
	}

	@Transactional
	public AmateurTroupe.Member addMember(long troupeId, String name, String part) {
		troupe(troupeId);
		if (blank(name)) {
			throw new InvalidRequestException("troupe-member");
		}
		TextLimits.require("name", name, TextLimits.NAME);
		TextLimits.require("part", part, TextLimits.NAME);
		long id = jdbc.sql("insert into troupe_member (troupe_id, name, part, joined_on) values (:troupe, :name, :part, :on) returning id")
			.param("troupe", troupeId).param("name", name.strip()).param("part", part == null ? "" : part.strip())
			.param("on", Date.valueOf(today())).query(Long.class).single();
		return members(troupeId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public void removeMember(long troupeId, long memberId) {
		if (jdbc.sql("delete from troupe_member where id = :id and troupe_id = :troupe").param("id", memberId)
			.param("troupe", troupeId).update() == 0) {
			throw new NotFoundException("troupe member", String.valueOf(memberId));
		}
	}

	public List<AmateurTroupe.Member> members(long troupeId) {
		return jdbc.sql("select id, troupe_id, name, part, joined_on from troupe_member where troupe_id = :troupe order by id")
			.param("troupe", troupeId).query(AmateurTroupe.Member.class).list();
	}

	/** Records guidance or training given to the troupe, on a day not after today. */
	@Transactional
	public AmateurTroupe.Guidance guide(long troupeId, LocalDate givenOn, String guide, String content, String by) {
		troupe(troupeId);
		if (givenOn == null || blank(guide) || blank(content)) {
			throw new InvalidRequestException("troupe-guidance");
		}
		if (givenOn.isAfter(today())) {
			throw new InvalidRequestException("troupe-guidance-future", givenOn.toString());
		}
		TextLimits.require("guide", guide, TextLimits.NAME);
		TextLimits.require("content", content, TextLimits.MESSAGE);
		long id = jdbc.sql("""
				insert into troupe_guidance (troupe_id, given_on, guide, content, recorded_by)
				values (:troupe, :on, :guide, :content, :by) returning id""")
			.param("troupe", troupeId).param("on", Date.valueOf(givenOn)).param("guide", guide.strip())
			.param("content", content.strip()).param("by", by).query(Long.class).single();
		return guidance(troupeId).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
	}

	/** The guidance given to a troupe, newest first. */
	public List<AmateurTroupe.Guidance> guidance(long troupeId) {
		return jdbc.sql("select id, troupe_id, given_on, guide, content from troupe_guidance where troupe_id = :troupe order by given_on desc, id desc")
			.param("troupe", troupeId).query(AmateurTroupe.Guidance.class).list();
	}

	/** Active troupes and teams of the sites, their members, and guidance given to them from {@code from} to {@code to}. */
	public Figures figures(Optional<Collection<String>> siteIds, LocalDate from, LocalDate to) {
		if (siteIds.isPresent() && siteIds.get().isEmpty()) {
			return new Figures(0, 0, 0, 0);
		}
		String scope = siteIds.isPresent() ? " and t.site_id in (:sites)" : "";
		var counts = jdbc.sql("select count(*) filter (where t.kind = 'troupe') as troupes,"
				+ " count(*) filter (where t.kind = 'team') as teams, coalesce(sum(" + MEMBERS + "), 0) as members,"
				+ " coalesce(sum((select count(*) from troupe_guidance g where g.troupe_id = t.id"
				+ " and g.given_on between :from and :to)), 0) as guidance from amateur_troupe t where t.active" + scope);
		counts = counts.param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
		if (siteIds.isPresent()) {
			counts = counts.param("sites", siteIds.get());
		}
		return counts.query((rs, n) -> new Figures(rs.getInt("troupes"), rs.getInt("teams"), rs.getInt("members"),
				rs.getInt("guidance"))).single();
	}

	/**
	 * A troupe's members: those registered with it, and for a team also the active volunteers who joined it (the
	 * volunteers' page sets {@code volunteer.team_id}).
	 */
	private static final String MEMBERS = """
			((select count(*) from troupe_member m where m.troupe_id = t.id)
			    + (select count(*) from volunteer v where v.team_id = t.id and v.active))""";

	private static final String TROUPES = "select t.id, t.site_id, t.kind, t.name, t.genre, t.leader, t.contact_card,"
			+ " t.registered_on, t.active, " + MEMBERS + " as members from amateur_troupe t";

	private static AmateurTroupe troupe(ResultSet rs, int n) throws SQLException {
		return new AmateurTroupe(rs.getLong("id"), rs.getString("site_id"), AmateurTroupe.Kind.of(rs.getString("kind")),
				rs.getString("name"), rs.getString("genre"), rs.getString("leader"), rs.getString("contact_card"),
				rs.getDate("registered_on").toLocalDate(), rs.getBoolean("active"), rs.getInt("members"));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
