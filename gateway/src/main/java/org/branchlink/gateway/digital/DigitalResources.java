package org.branchlink.gateway.digital;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.SiteDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digital resources each site offers (数字资源, issue 20 point 3): e-book platforms, databases, video and audio
 * collections, online courses — with their address and how a resident gets in. The catalogue's own online works (MARC
 * 856) are found by the readers' search; this is the list of what cannot be catalogued title by title. Owns
 * {@code digital_resource}.
 */
@Service
public class DigitalResources {

	/** What sort of resource. */
	public enum Kind {
		EBOOKS, DATABASE, VIDEO, AUDIO, COURSE, OTHER;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** How a resident gets in. */
	public enum Access {
		/** Anyone, from anywhere. */
		OPEN,
		/** Signing in with a library card. */
		CARD,
		/** From the site's own network (a terminal or Wi-Fi there). */
		ONSITE;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A resource to list. */
	public record Request(String siteId, String name, String kind, String url, String description, String access) {
	}

	/** A resource as listed. */
	public record Resource(long id, String siteId, String name, String kind, String url, String description, String access,
			boolean active) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final Clock clock;

	DigitalResources(JdbcClient jdbc, SiteDirectory sites, Clock clock) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.clock = clock;
	}

	@Transactional
	public Resource add(Request request, String by) {
		if (request.siteId() == null || sites.require().find(request.siteId()).isEmpty()) {
			throw new NotFoundException("site", String.valueOf(request.siteId()));
		}
		if (blank(request.name()) || blank(request.url())) {
			throw new InvalidRequestException("resource-incomplete");
		}
		String kind = code(request.kind(), "resource-kind", Arrays.stream(Kind.values()).map(Kind::code).toList());
		String access = code(request.access(), "resource-access", Arrays.stream(Access.values()).map(Access::code).toList());
		TextLimits.require("name", request.name(), TextLimits.NAME);
		TextLimits.require("url", request.url(), TextLimits.TITLE);
		TextLimits.require("description", request.description(), TextLimits.MESSAGE);
		String url = request.url().strip();
		if (!url.matches("(?i)https?://[^\\s<>\"]+")) {
			throw new InvalidRequestException("resource-url");
		}
		try {
			long id = jdbc.sql("""
					insert into digital_resource (site_id, name, kind, url, description, access, added_by, added_at)
					values (:site, :name, :kind, :url, :description, :access, :by, :now) returning id""")
				.param("site", request.siteId()).param("name", request.name().strip()).param("kind", kind).param("url", url)
				.param("description", request.description() == null ? "" : request.description().strip())
				.param("access", access).param("by", by).param("now", Timestamp.from(clock.instant()))
				.query(Long.class).single();
			return resource(id);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("resource-name", request.name().strip());
		}
	}

	public Resource resource(long id) {
		return jdbc.sql(RESOURCES + " where id = :id").param("id", id).query(Resource.class).optional()
			.orElseThrow(() -> new NotFoundException("digital resource", String.valueOf(id)));
	}

	/** Withdrawn from the list (kept for the record) or listed again. */
	@Transactional
	public Resource setActive(long id, boolean active) {
		resource(id);
		jdbc.sql("update digital_resource set active = :active where id = :id").param("id", id).param("active", active).update();
		return resource(id);
	}

	/** The listed resources of every site, by site and name (the public list). */
	public List<Resource> listed() {
		return jdbc.sql(RESOURCES + " where active order by site_id, name").query(Resource.class).list();
	}

	/** The listed resources of one site. */
	public List<Resource> of(String siteId) {
		return jdbc.sql(RESOURCES + " where active and site_id = :site order by name").param("site", siteId)
			.query(Resource.class).list();
	}

	/** Every resource of the given sites, withdrawn ones too (for their staff). */
	public List<Resource> ofSites(Collection<String> siteIds) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(RESOURCES + " where site_id in (:sites) order by site_id, name").param("sites", siteIds)
			.query(Resource.class).list();
	}

	private static final String RESOURCES = "select id, site_id, name, kind, url, description, access, active from digital_resource";

	/** The code as given, when it is one of {@code codes}. */
	private static String code(String value, String refusal, List<String> codes) {
		String code = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (!codes.contains(code)) {
			throw new InvalidRequestException(refusal, String.valueOf(value));
		}
		return code;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
