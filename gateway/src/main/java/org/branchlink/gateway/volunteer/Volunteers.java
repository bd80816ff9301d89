package org.branchlink.gateway.volunteer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.venue.AmateurTroupe;
import org.branchlink.gateway.venue.Troupes;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cultural volunteers (DOMAIN §4.7): registered by staff with their skills (a minor only with a guardian's consent),
 * assigned to events, their hours logged and confirmed by staff of the site (confirmation by someone other than who
 * logged them); only confirmed hours count, on the volunteer's record and on the certificate. Lists are of the sites
 * given by the caller (the caller's scope): a volunteer, a minor's birth date and guardian among them, is listed to
 * the staff of their home site only.
 */
@Service
public class Volunteers {

	static final int ADULT = 18;

	/** A volunteer to register. */
	public record Registration(String name, LocalDate birthDate, String phone, String homeSite, List<String> skills,
			String guardianName, Boolean guardianConsent) {
	}

	/**
	 * A registered volunteer, with their team, the hours staff confirmed and those awaiting confirmation, and the mean of
	 * the ratings staff gave their services (null before any).
	 */
	public record Volunteer(long id, String name, LocalDate birthDate, String homeSite, List<String> skills,
			boolean minor, String guardianName, double confirmedHours, double pendingHours, Long teamId, Double rating,
			int ratings) {

		/** Service points (志愿服务积分): one for each confirmed hour. */
		@JsonProperty
		public int points() {
			return (int) Math.floor(confirmedHours);
		}

		/**
		 * The star level (星级) by confirmed hours, as the Ministry of Civil Affairs' volunteer service record rules set it:
		 * one star from 100 hours, two from 300, three from 600, four from 1,000, five from 1,500; 0 below 100.
		 */
		@JsonProperty
		public int stars() {
			int stars = 0;
			for (int threshold : STAR_HOURS) {
				if (confirmedHours >= threshold) {
					stars++;
				}
			}
			return stars;
		}
	}

	/** Confirmed hours from which a volunteer has one, two, … five stars. */
	static final int[] STAR_HOURS = { 100, 300, 600, 1000, 1500 };

	/** Hours a volunteer logged, and whether staff confirmed them. */
	public record HoursLine(long id, long volunteerId, Long eventId, String siteId, LocalDate day, double hours,
			String note, String loggedBy, String confirmedBy) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final EventCatalog events;

	private final Clock clock;

	private final Troupes troupes;

	Volunteers(JdbcClient jdbc, SiteDirectory sites, EventCatalog events, Clock clock, CountySettings county,
			Troupes troupes) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.events = events;
		this.troupes = troupes;
		this.clock = clock.withZone(county.zone());
	}

	@Transactional
	public Volunteer register(Registration r, String by) {
		return volunteer(insert(r, by, false));
	}

	/**
	 * A resident applies on the public form (issue 20, point 8): the same checks as a registration by staff (a minor
	 * needs a guardian's name and consent) and a phone to reach them; the application is inactive until the staff of
	 * its home site accept it.
	 */
	@Transactional
	public long apply(Registration r) {
		if (r.phone() == null || !MOBILE.matcher(r.phone().replace(" ", "")).matches()) {
			throw new InvalidRequestException("notify-phone");
		}
		if (r.birthDate() != null && r.birthDate().isAfter(LocalDate.now(clock))) {
			throw new InvalidRequestException("volunteer-incomplete");
		}
		TextLimits.require("guardian", r.guardianName(), TextLimits.NAME);
		return insert(new Registration(r.name(), r.birthDate(), r.phone().replace(" ", ""), r.homeSite(), r.skills(),
				r.guardianName(), r.guardianConsent()), "online", true);
	}

	/** Applications awaiting the staff of the given home sites, oldest first. */
	public List<Volunteer> applications(Collection<String> homeSites) {
		return list("where v.applied_at is not null and v.decided_at is null and v.home_site = any(:sites)",
				Map.of("sites", homeSites.toArray(String[]::new)));
	}

	/** The home site's staff accept an application: the volunteer is active. */
	@Transactional
	public Volunteer accept(long id, String by) {
		decide(id, true, null);
		return volunteer(id);
	}

	/** The home site's staff decline an application, saying why (kept for the record, never shown publicly). */
	@Transactional
	public void decline(long id, String reason, String by) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("volunteer-decline");
		}
		TextLimits.require("reason", reason, TextLimits.MESSAGE);
		decide(id, false, reason.strip());
	}

	private void decide(long id, boolean accept, String reason) {
		int changed = jdbc.sql("""
				update volunteer set decided_at = :now, active = :accept, declined_reason = :reason
				where id = :id and applied_at is not null and decided_at is null""")
			.param("id", id).param("accept", accept).param("reason", reason)
			.param("now", Timestamp.from(clock.instant())).update();
		if (changed == 0) {
			throw new NotFoundException("volunteer application", String.valueOf(id));
		}
	}

	/** The home site of a volunteer or an application. */
	public String homeSite(long id) {
		return jdbc.sql("select home_site from volunteer where id = :id").param("id", id).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("volunteer", String.valueOf(id)));
	}

	private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

	private long insert(Registration r, String by, boolean application) {
		if (r.name() == null || r.name().isBlank() || r.birthDate() == null) {
			throw new InvalidRequestException("volunteer-incomplete");
		}
		sites.require().find(String.valueOf(r.homeSite()))
			.orElseThrow(() -> new NotFoundException("site", String.valueOf(r.homeSite())));
		boolean minor = Period.between(r.birthDate(), LocalDate.now(clock)).getYears() < ADULT;
		if (minor && (r.guardianName() == null || r.guardianName().isBlank() || !Boolean.TRUE.equals(r.guardianConsent()))) {
			throw new InvalidRequestException("volunteer-guardian", ADULT);
		}
		TextLimits.require("name", r.name(), TextLimits.NAME);
		List<String> skills = r.skills() == null ? List.of() : r.skills().stream().map(String::strip)
			.filter(s -> !s.isEmpty()).distinct().toList();
		skills.forEach(skill -> TextLimits.require("skill", skill, TextLimits.NAME));
		long id = jdbc.sql("""
				insert into volunteer (name, birth_date, phone, home_site, skills, guardian_name, guardian_consent,
				    registered_by, active, applied_at)
				values (:name, :birth, :phone, :site, cast(:skills as text[]), :guardian, :consent, :by, :active, :applied)
				returning id""")
			.param("name", r.name().strip()).param("birth", Date.valueOf(r.birthDate())).param("phone", r.phone())
			.param("site", r.homeSite()).param("skills", skills.toArray(String[]::new))
			.param("guardian", minor ? r.guardianName().strip() : null).param("consent", minor)
			.param("by", by).param("active", !application)
			.param("applied", application ? Timestamp.from(clock.instant()) : null)
			.query(Long.class).single();
		return id;
	}

	/** A volunteer who may serve: not an application awaiting a decision, nor one declined. */
	private Volunteer activeVolunteer(long id) {
		return list("where v.id = :id and v.active", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("volunteer", String.valueOf(id)));
	}

	public Volunteer volunteer(long id) {
		return list("where v.id = :id", Map.of("id", id)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("volunteer", String.valueOf(id)));
	}

	/** Active volunteers whose home site is one of {@code homeSites}; those with a skill when {@code skill} is given. */
	public List<Volunteer> find(String skill, Collection<String> homeSites) {
		String[] sites = homeSites.toArray(String[]::new);
		return skill == null || skill.isBlank() ? list("where v.active and v.home_site = any(:sites)", Map.of("sites", sites))
				: list("where v.active and v.home_site = any(:sites) and :skill = any(v.skills)",
						Map.of("sites", sites, "skill", skill));
	}

	/** The site where an event takes place. */
	public String eventSite(long eventId) {
		return events.find(eventId).orElseThrow(() -> new NotFoundException("event", String.valueOf(eventId))).siteId();
	}

	private List<Volunteer> list(String where, Map<String, ?> params) {
		var query = jdbc.sql("""
				select v.id, v.name, v.birth_date, v.home_site, v.skills, v.guardian_name, v.team_id,
				    coalesce(sum(h.hours) filter (where h.confirmed_at is not null), 0) as confirmed,
				    coalesce(sum(h.hours) filter (where h.confirmed_at is null), 0) as pending,
				    avg(h.rating) as rating, count(h.rating) as ratings
				from volunteer v left join volunteer_hours h on h.volunteer_id = v.id
				""" + where + " group by v.id order by v.id").params(params);
		LocalDate today = LocalDate.now(clock);
		return query.query((rs, n) -> new Volunteer(rs.getLong("id"), rs.getString("name"),
				rs.getDate("birth_date").toLocalDate(), rs.getString("home_site"),
				Arrays.asList((String[]) rs.getArray("skills").getArray()),
				Period.between(rs.getDate("birth_date").toLocalDate(), today).getYears() < ADULT,
				rs.getString("guardian_name"), rs.getDouble("confirmed"), rs.getDouble("pending"),
				rs.getObject("team_id") == null ? null : rs.getLong("team_id"),
				rs.getObject("rating") == null ? null : rs.getDouble("rating"), rs.getInt("ratings"))).list();
	}

	/** Puts a volunteer in a team (a registered team of the troupe registry), or out of any ({@code teamId} null). */
	@Transactional
	public Volunteer joinTeam(long volunteerId, Long teamId) {
		Volunteer volunteer = activeVolunteer(volunteerId);
		// the team they are in stays theirs, whatever became of it; a new one must be a registered, active team
		if (teamId != null && !teamId.equals(volunteer.teamId())) {
			AmateurTroupe team = troupes.troupe(teamId);
			if (team.kind() != AmateurTroupe.Kind.TEAM || !team.active()) {
				throw new InvalidRequestException("volunteer-team", team.name());
			}
		}
		jdbc.sql("update volunteer set team_id = :team where id = :id").param("team", teamId).param("id", volunteerId).update();
		return volunteer(volunteerId);
	}

	@Transactional
	public void assign(long volunteerId, long eventId, String role, String by) {
		activeVolunteer(volunteerId);
		events.find(eventId).orElseThrow(() -> new NotFoundException("event", String.valueOf(eventId)));
		int added = jdbc.sql("""
				insert into volunteer_assignment (volunteer_id, event_id, role, assigned_by)
				values (:volunteer, :event, :role, :by) on conflict do nothing""")
			.param("volunteer", volunteerId).param("event", eventId)
			.param("role", role == null || role.isBlank() ? "helper" : role.strip()).param("by", by)
			.update();
		if (added == 0) {
			throw new ConflictException("volunteer-assigned");
		}
	}

	/** Events a volunteer is assigned to, with the role. */
	public List<String[]> assignments(long volunteerId) {
		Map<Long, String> roles = new HashMap<>();
		jdbc.sql("select event_id, role from volunteer_assignment where volunteer_id = :v")
			.param("v", volunteerId)
			.query((ResultSet rs) -> {
				roles.put(rs.getLong(1), rs.getString(2));
			});
		return events.find(roles.keySet()).stream()
			.sorted(Comparator.comparing(CulturalEvent::starts))
			.map(e -> new String[] { Long.toString(e.id()), e.title(), roles.get(e.id()) })
			.toList();
	}

	/** Logs hours of service at a site (of an event or not); they count once staff confirm them. */
	@Transactional
	public long logHours(long volunteerId, String siteId, Long eventId, LocalDate day, BigDecimal hours, String note,
			String by) {
		activeVolunteer(volunteerId);
		if (day == null || hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
			throw new InvalidRequestException("hours-range");
		}
		if (day.isAfter(LocalDate.now(clock))) {
			throw new InvalidRequestException("hours-in-future");
		}
		String site = eventId == null ? siteId
				: events.find(eventId).orElseThrow(() -> new NotFoundException("event", String.valueOf(eventId))).siteId();
		sites.require().find(String.valueOf(site)).orElseThrow(() -> new NotFoundException("site", String.valueOf(site)));
		return jdbc.sql("""
				insert into volunteer_hours (volunteer_id, event_id, site_id, day, hours, note, logged_by)
				values (:v, :event, :site, :day, :hours, :note, :by) returning id""")
			.param("v", volunteerId).param("event", eventId).param("site", site).param("day", Date.valueOf(day))
			.param("hours", hours).param("note", note == null ? "" : note.strip()).param("by", by)
			.query(Long.class).single();
	}

	public HoursLine line(long hoursId) {
		return jdbc.sql("""
				select id, volunteer_id, event_id, site_id, day, hours, note, logged_by, confirmed_by
				from volunteer_hours where id = :id""")
			.param("id", hoursId).query(HoursLine.class).optional()
			.orElseThrow(() -> new NotFoundException("volunteer hours", String.valueOf(hoursId)));
	}

	public List<HoursLine> lines(long volunteerId) {
		return jdbc.sql("""
				select id, volunteer_id, event_id, site_id, day, hours, note, logged_by, confirmed_by
				from volunteer_hours where volunteer_id = :v order by day, id""")
			.param("v", volunteerId).query(HoursLine.class).list();
	}

	/** Hours logged at one of {@code sites} and not yet confirmed, oldest first. */
	public List<HoursLine> pending(Collection<String> sites) {
		return jdbc.sql("""
				select id, volunteer_id, event_id, site_id, day, hours, note, logged_by, confirmed_by
				from volunteer_hours where confirmed_at is null and site_id = any(:sites) order by day, id limit 200""")
			.param("sites", sites.toArray(String[]::new))
			.query(HoursLine.class).list();
	}

	/** Staff confirm logged hours; not the same person who logged them. */
	@Transactional
	public HoursLine confirm(long hoursId, String by) {
		return confirm(hoursId, by, null);
	}

	/** Staff confirm logged hours and rate the service (1–5, or null for no rating). */
	@Transactional
	public HoursLine confirm(long hoursId, String by, Integer rating) {
		if (rating != null && (rating < 1 || rating > 5)) {
			throw new InvalidRequestException("hours-rating", String.valueOf(rating));
		}
		HoursLine line = line(hoursId);
		if (line.confirmedBy() != null) {
			throw new ConflictException("hours-confirmed");
		}
		if (line.loggedBy().equals(by)) {
			throw new ConflictException("hours-confirm-self");
		}
		jdbc.sql("update volunteer_hours set confirmed_by = :by, confirmed_at = :now, rating = :rating where id = :id")
			.param("by", by).param("now", Timestamp.from(clock.instant())).param("rating", rating).param("id", hoursId).update();
		return line(hoursId);
	}

}
