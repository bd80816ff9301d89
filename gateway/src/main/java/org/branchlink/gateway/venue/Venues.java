package org.branchlink.gateway.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The sites' venues (场地, issue 20 point 2): the rooms, halls and squares readers may book, with what they hold and
 * have, their hours and fee per hour, whether the site approves their bookings, and whether they are open for booking
 * or withdrawn. Owns {@code venue}; the bookings are {@link VenueBookings}'.
 */
@Service
public class Venues {

	/** A venue to add or change. */
	public record VenueRequest(String siteId, String name, String kind, Integer capacity, String equipment,
			Boolean accessible, Boolean needsApproval, Integer feePerHour, LocalTime opensAt, LocalTime closesAt) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	Venues(JdbcClient jdbc, SiteDirectory sites) {
		this.jdbc = jdbc;
		this.sites = sites;
	}

	/** Adds a venue ({@code id} null) or changes one. */
	@Transactional
	public Venue save(Long id, VenueRequest request) {
		if (request.siteId() == null || sites.require().find(request.siteId()).isEmpty()) {
			throw new NotFoundException("site", String.valueOf(request.siteId()));
		}
		Venue.Kind kind = Venue.Kind.of(request.kind() == null ? "room" : request.kind());
		if (blank(request.name()) || request.capacity() == null || request.opensAt() == null || request.closesAt() == null) {
			throw new InvalidRequestException("venue-incomplete");
		}
		TextLimits.require("name", request.name(), TextLimits.NAME);
		TextLimits.require("equipment", request.equipment(), TextLimits.TITLE);
		if (request.capacity() < 1 || request.capacity() > 10_000) {
			throw new InvalidRequestException("venue-capacity", String.valueOf(request.capacity()));
		}
		int fee = request.feePerHour() == null ? 0 : request.feePerHour();
		if (fee < 0 || fee > 100_000) {
			throw new InvalidRequestException("venue-fee", String.valueOf(fee));
		}
		if (!request.closesAt().isAfter(request.opensAt())) {
			throw new InvalidRequestException("venue-hours", request.opensAt().toString(), request.closesAt().toString());
		}
		try {
			if (id == null) {
				long created = jdbc.sql("""
						insert into venue (site_id, name, kind, capacity, equipment, accessible, needs_approval, fee_per_hour, opens_at, closes_at)
						values (:site, :name, :kind, :capacity, :equipment, :accessible, :approval, :fee, :opens, :closes) returning id""")
					.params(venueParams(request, kind, fee)).query(Long.class).single();
				return venue(created);
			}
			Venue current = venue(id);
			if (!current.siteId().equals(request.siteId())) {
				throw new InvalidRequestException("venue-site");
			}
			Map<String, Object> params = venueParams(request, kind, fee);
			params.put("id", id);
			jdbc.sql("""
					update venue set name = :name, kind = :kind, capacity = :capacity, equipment = :equipment,
					    accessible = :accessible, needs_approval = :approval, fee_per_hour = :fee, opens_at = :opens, closes_at = :closes
					where id = :id""").params(params).update();
			return venue(id);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("venue-name", request.name().strip());
		}
	}

	private static Map<String, Object> venueParams(VenueRequest request, Venue.Kind kind, int fee) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("site", request.siteId());
		params.put("name", request.name().strip());
		params.put("kind", kind.code());
		params.put("capacity", request.capacity());
		params.put("equipment", request.equipment() == null ? "" : request.equipment().strip());
		params.put("accessible", Boolean.TRUE.equals(request.accessible()));
		params.put("approval", Boolean.TRUE.equals(request.needsApproval()));
		params.put("fee", fee);
		params.put("opens", Time.valueOf(request.opensAt()));
		params.put("closes", Time.valueOf(request.closesAt()));
		return params;
	}

	/** Open for booking or withdrawn (a withdrawn venue keeps its bookings and takes no new ones). */
	@Transactional
	public Venue setActive(long id, boolean active) {
		venue(id);
		jdbc.sql("update venue set active = :active where id = :id").param("id", id).param("active", active).update();
		return venue(id);
	}

	public Venue venue(long id) {
		return jdbc.sql(VENUES + " where id = :id").param("id", id).query(Venues::venue).optional()
			.orElseThrow(() -> new NotFoundException("venue", String.valueOf(id)));
	}

	/** The venues of the given sites (all sites when empty), by site and name. */
	public List<Venue> venues(Optional<Collection<String>> siteIds) {
		if (siteIds.isPresent()) {
			return siteIds.get().isEmpty() ? List.of()
					: jdbc.sql(VENUES + " where site_id in (:sites) order by site_id, name").param("sites", siteIds.get())
						.query(Venues::venue).list();
		}
		return jdbc.sql(VENUES + " order by site_id, name").query(Venues::venue).list();
	}

	/** The venue, its row locked for this transaction: one booking of a venue at a time. */
	Venue locked(long id) {
		jdbc.sql("select id from venue where id = :id for update").param("id", id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("venue", String.valueOf(id)));
		return venue(id);
	}

	private static final String VENUES = """
			select id, site_id, name, kind, capacity, equipment, accessible, needs_approval, fee_per_hour, opens_at, closes_at, active
			from venue""";

	private static Venue venue(ResultSet rs, int n) throws SQLException {
		return new Venue(rs.getLong("id"), rs.getString("site_id"), rs.getString("name"), Venue.Kind.of(rs.getString("kind")),
				rs.getInt("capacity"), rs.getString("equipment"), rs.getBoolean("accessible"), rs.getBoolean("needs_approval"),
				rs.getInt("fee_per_hour"), rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime(),
				rs.getBoolean("active"));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}