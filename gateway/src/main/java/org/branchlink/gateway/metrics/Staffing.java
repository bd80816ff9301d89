package org.branchlink.gateway.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staffing and training against seed 001: every township station has at least {@value #TOWNSHIP_FULL_TIME}
 * full-time staff, every village centre at least {@value #VILLAGE_PART_TIME} part-time (or full-time) one; county
 * staff train {@value #COUNTY_TRAINING_DAYS} days a year, township and village staff {@value #LOCAL_TRAINING_DAYS}.
 */
@Service
public class Staffing {

	static final int TOWNSHIP_FULL_TIME = 2;

	static final int VILLAGE_PART_TIME = 1;

	static final int COUNTY_TRAINING_DAYS = 15;

	static final int LOCAL_TRAINING_DAYS = 5;

	/** A staff member to register at a site. */
	public record StaffRequest(String siteId, String name, String kind) {
	}

	/** A training a staff member took: the day, its length in days, its topic. */
	public record TrainingRequest(LocalDate day, BigDecimal days, String topic) {
	}

	/** A site short of staff: what it has and what it needs. */
	public record StaffShortfall(String siteId, String kind, int fullTime, int partTime, String needs) {
	}

	/** A staff member short of training in a year. */
	public record TrainingShortfall(long staffId, String siteId, double days, int required) {
	}

	/** A year's staffing and training checked against the county's standards. */
	public record Check(int year, int sitesChecked, List<StaffShortfall> staffing, int staffChecked,
			List<TrainingShortfall> training) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	Staffing(JdbcClient jdbc, SiteDirectory sites) {
		this.jdbc = jdbc;
		this.sites = sites;
	}

	/** A certificate a staff member holds; {@code expiresOn} null when it does not expire. */
	public record CertificateRequest(String name, String number, LocalDate issuedOn, LocalDate expiresOn) {
	}

	/** A staff member with the training days of a year and what the standard asks of them. */
	public record Member(long id, String siteId, String name, String kind, boolean active, double trainingDays,
			int requiredDays) {

		@JsonProperty
		public boolean trainedEnough() {
			return trainingDays >= requiredDays;
		}
	}

	/** A certificate held. */
	public record Certificate(long id, long staffId, String name, String number, LocalDate issuedOn, LocalDate expiresOn) {

		/** Expired before {@code today}. */
		public boolean expired(LocalDate today) {
			return expiresOn != null && expiresOn.isBefore(today);
		}

		/** Valid today and expiring within {@code days}. */
		public boolean expiringWithin(LocalDate today, int days) {
			return expiresOn != null && !expired(today) && !expiresOn.isAfter(today.plusDays(days));
		}
	}

	@Transactional
	public long addStaff(StaffRequest request) {
		if (!"full_time".equals(request.kind()) && !"part_time".equals(request.kind())) {
			throw new InvalidRequestException("staff-kind", String.valueOf(request.kind()));
		}
		if (request.name() == null || request.name().isBlank()) {
			throw new InvalidRequestException("staff-name");
		}
		TextLimits.require("name", request.name(), TextLimits.NAME);
		sites.require().find(String.valueOf(request.siteId()))
			.orElseThrow(() -> new NotFoundException("site", String.valueOf(request.siteId())));
		return jdbc.sql("insert into staff_member (site_id, name, kind) values (:site, :name, :kind) returning id")
			.param("site", request.siteId()).param("name", request.name().strip()).param("kind", request.kind())
			.query(Long.class).single();
	}

	public String siteOf(long staffId) {
		return jdbc.sql("select site_id from staff_member where id = :id").param("id", staffId).query(String.class)
			.optional().orElseThrow(() -> new NotFoundException("staff member", String.valueOf(staffId)));
	}

	@Transactional
	public void addTraining(long staffId, TrainingRequest request) {
		siteOf(staffId);
		if (request.day() == null || request.days() == null || request.days().signum() <= 0 || request.topic() == null
				|| request.topic().isBlank()) {
			throw new InvalidRequestException("training-incomplete");
		}
		if (request.days().compareTo(BigDecimal.valueOf(366)) > 0) {
			throw new InvalidRequestException("training-days", request.days().toPlainString());
		}
		TextLimits.require("topic", request.topic(), TextLimits.TITLE);
		jdbc.sql("insert into training_record (staff_id, day, days, topic) values (:staff, :day, :days, :topic)")
			.param("staff", staffId).param("day", Date.valueOf(request.day())).param("days", request.days())
			.param("topic", request.topic().strip()).update();
	}

	/** Withdraws a staff member who left (kept for the record; no longer counted) or counts them again. */
	@Transactional
	public void setActive(long staffId, boolean active) {
		siteOf(staffId);
		jdbc.sql("update staff_member set active = :active where id = :id").param("id", staffId).param("active", active).update();
	}

	/** Records a certificate a staff member holds. */
	@Transactional
	public Certificate addCertificate(long staffId, CertificateRequest request) {
		siteOf(staffId);
		if (request.name() == null || request.name().isBlank() || request.issuedOn() == null) {
			throw new InvalidRequestException("certificate-incomplete");
		}
		TextLimits.require("name", request.name(), TextLimits.TITLE);
		TextLimits.require("number", request.number(), TextLimits.NAME);
		if (request.expiresOn() != null && !request.expiresOn().isAfter(request.issuedOn())) {
			throw new InvalidRequestException("certificate-expiry", request.issuedOn().toString());
		}
		long id = jdbc.sql("""
				insert into staff_certificate (staff_id, name, number, issued_on, expires_on)
				values (:staff, :name, :number, :issued, :expires) returning id""")
			.param("staff", staffId).param("name", request.name().strip())
			.param("number", request.number() == null ? "" : request.number().strip())
			.param("issued", Date.valueOf(request.issuedOn()))
			.param("expires", request.expiresOn() == null ? null : Date.valueOf(request.expiresOn()))
			.query(Long.class).single();
		return jdbc.sql(CERTIFICATES + " where id = :id").param("id", id).query(Certificate.class).single();
	}

	/** The staff of the given sites (active first, by site and name), with their training days in the year. */
	public List<Member> members(Collection<String> siteIds, int year) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		Map<String, Site> byId = sites.byId();
		return jdbc.sql("""
				select s.id, s.site_id, s.name, s.kind, s.active, coalesce(sum(t.days), 0) as days from staff_member s
				left join training_record t on t.staff_id = s.id and extract(year from t.day) = :year
				where s.site_id in (:sites) group by s.id order by not s.active, s.site_id, s.name""")
			.param("year", year).param("sites", siteIds)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("site_id"), rs.getString("name"), rs.getString("kind"),
					rs.getBoolean("active"), rs.getDouble("days"), requiredDays(byId.get(rs.getString("site_id")))))
			.list();
	}

	/** The certificates of the given staff members, by expiry (soonest first, those that never expire last). */
	public List<Certificate> certificates(Collection<Long> staffIds) {
		if (staffIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CERTIFICATES + " where staff_id in (:staff) order by expires_on nulls last, id").param("staff", staffIds)
			.query(Certificate.class).list();
	}

	private static final String CERTIFICATES = "select id, staff_id, name, number, issued_on, expires_on from staff_certificate";

	private static int requiredDays(Site site) {
		return site != null && site.kind().level() == SiteLevel.CENTRAL ? COUNTY_TRAINING_DAYS : LOCAL_TRAINING_DAYS;
	}

	/** The staffing and training checks for a year. */
	public Check check(int year) {
		Map<String, int[]> counts = jdbc.sql("""
				select site_id, count(*) filter (where kind = 'full_time'), count(*) filter (where kind = 'part_time')
				from staff_member where active group by site_id""")
			.query((rs, n) -> Map.entry(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<StaffShortfall> staffing = new ArrayList<>();
		int checked = 0;
		for (Site site : sites.require().sites()) {
			int[] c = counts.getOrDefault(site.id(), new int[2]);
			if (site.kind() == SiteKind.TOWNSHIP_STATION) {
				checked++;
				if (c[0] < TOWNSHIP_FULL_TIME) {
					staffing.add(new StaffShortfall(site.id(), site.kind().code(), c[0], c[1],
							TOWNSHIP_FULL_TIME + " full-time"));
				}
			}
			else if (site.kind() == SiteKind.VILLAGE_CENTER || site.kind() == SiteKind.COMMUNITY_CENTER) {
				checked++;
				if (c[0] + c[1] < VILLAGE_PART_TIME) {
					staffing.add(new StaffShortfall(site.id(), site.kind().code(), c[0], c[1], VILLAGE_PART_TIME + " part-time"));
				}
			}
		}
		Map<String, Site> byId = sites.byId();
		List<TrainingShortfall> training = new ArrayList<>();
		List<Object[]> staff = jdbc.sql("""
				select s.id, s.site_id, coalesce(sum(t.days), 0) from staff_member s
				left join training_record t on t.staff_id = s.id and extract(year from t.day) = :year
				where s.active group by s.id order by s.id""")
			.param("year", year)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getDouble(3) })
			.list();
		for (Object[] row : staff) {
			int required = requiredDays(byId.get((String) row[1]));
			if ((Double) row[2] < required) {
				training.add(new TrainingShortfall((Long) row[0], (String) row[1], (Double) row[2], required));
			}
		}
		return new Check(year, checked, staffing, staff.size(), training);
	}

}
