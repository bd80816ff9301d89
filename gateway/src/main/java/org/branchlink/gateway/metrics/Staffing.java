package org.branchlink.gateway.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

	@Transactional
	public long addStaff(StaffRequest request) {
		if (!"full_time".equals(request.kind()) && !"part_time".equals(request.kind())) {
			throw new IllegalArgumentException("kind is full_time or part_time");
		}
		if (request.name() == null || request.name().isBlank()) {
			throw new IllegalArgumentException("a staff member needs a name");
		}
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
		if (request.day() == null || request.days() == null || request.days().signum() <= 0 || request.topic() == null) {
			throw new IllegalArgumentException("a training record needs its day, a positive number of days and a topic");
		}
		jdbc.sql("insert into training_record (staff_id, day, days, topic) values (:staff, :day, :days, :topic)")
			.param("staff", staffId).param("day", Date.valueOf(request.day())).param("days", request.days())
			.param("topic", request.topic().strip()).update();
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
			Site site = byId.get((String) row[1]);
			int required = site != null && site.kind().level() == SiteLevel.CENTRAL ? COUNTY_TRAINING_DAYS
					: LOCAL_TRAINING_DAYS;
			if ((Double) row[2] < required) {
				training.add(new TrainingShortfall((Long) row[0], (String) row[1], (Double) row[2], required));
			}
		}
		return new Check(year, checked, staffing, staff.size(), training);
	}

}
