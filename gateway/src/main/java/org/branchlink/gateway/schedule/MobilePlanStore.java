package org.branchlink.gateway.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.gateway.schedule.MobilePlan.DayRun;
import org.branchlink.gateway.schedule.MobilePlan.StopTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Plans and their visits in PostgreSQL. */
@Component
class MobilePlanStore {

	/** A stored visit with its ids and publication. */
	record Visit(long id, long planId, String unitId, String siteId, LocalDate day, int run, int seq,
			LocalTime arrive, LocalTime depart, double runKm, String status, LocalDate movedFrom,
			Long eventId, boolean byHand) {
	}

	/** A stored plan's head; {@code service} as {@link MobileService#code()}. */
	record PlanHead(long id, LocalDate periodFrom, LocalDate periodTo, int visitsPerStop, int maxGapBound, double lowerBoundKm,
			int wallMs, String service) {
	}

	private final JdbcClient jdbc;

	MobilePlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long save(MobileService service, MobilePlan plan, int wallMs) {
		long id = jdbc.sql("""
				insert into mobile_plan (service, period_from, period_to, visits_per_stop, max_gap_bound, stops, stop_visits,
				    lower_bound_km, wall_ms)
				values (:service, :from, :to, :k, :gap, :stops::text[], :visits::integer[], :bound, :wall) returning id""")
			.param("service", service.code())
			.param("visits", plan.stopVisits().isEmpty() ? null
					: "{" + String.join(",", plan.stops().stream().map(stop -> String.valueOf(plan.visitsOf(stop))).toList()) + "}")
			.param("from", Date.valueOf(plan.from()))
			.param("to", Date.valueOf(plan.to()))
			.param("k", plan.visitsPerStop())
			.param("gap", plan.maxGapBound())
			.param("stops", "{" + String.join(",", plan.stops()) + "}")
			.param("bound", km(plan.lowerBoundKm()))
			.param("wall", wallMs)
			.query(Long.class)
			.single();
		for (DayRun run : plan.runs()) {
			insert(id, run, Map.of());
		}
		for (MobilePlan.Uncovered uncovered : plan.uncovered()) {
			jdbc.sql("insert into mobile_plan_uncovered (plan_id, site_id, reason) values (:plan, :site, :reason)")
				.param("plan", id)
				.param("site", uncovered.siteId())
				.param("reason", uncovered.reason())
				.update();
		}
		return id;
	}

	/** Inserts a run's visits; returns their ids in order. */
	List<Long> insert(long planId, DayRun run, LocalDate movedFrom) {
		Map<String, LocalDate> from = new HashMap<>();
		run.siteIds().forEach(site -> from.put(site, movedFrom));
		return insert(planId, run, from);
	}

	/** Inserts a run's visits, each with the day it was moved from (none when absent); returns their ids in order. */
	List<Long> insert(long planId, DayRun run, Map<String, LocalDate> movedFrom) {
		List<Long> ids = new ArrayList<>();
		for (int seq = 0; seq < run.stops().size(); seq++) {
			StopTime stop = run.stops().get(seq);
			LocalDate moved = movedFrom.get(stop.siteId());
			ids.add(jdbc.sql("""
					insert into mobile_visit (plan_id, unit_id, site_id, day, run, seq, arrive, depart, run_km, moved_from, by_hand)
					values (:plan, :unit, :site, :day, :run, :seq, :arrive, :depart, :km, :moved, :hand) returning id""")
				.param("plan", planId)
				.param("unit", run.unitId())
				.param("site", stop.siteId())
				.param("day", Date.valueOf(run.day()))
				.param("run", run.run())
				.param("seq", seq)
				.param("arrive", Time.valueOf(stop.arrive()))
				.param("depart", Time.valueOf(stop.depart()))
				.param("km", km(run.km()))
				.param("moved", moved == null ? null : Date.valueOf(moved))
				.param("hand", stop.byHand())
				.query(Long.class)
				.single());
		}
		return ids;
	}

	Optional<PlanHead> head(long planId) {
		return jdbc.sql("""
				select id, period_from, period_to, visits_per_stop, max_gap_bound, lower_bound_km, wall_ms, service
				from mobile_plan where id = :id""")
			.param("id", planId)
			.query(PlanHead.class)
			.optional();
	}

	/** Every active plan, earliest first. */
	List<PlanHead> active() {
		return jdbc.sql("""
				select id, period_from, period_to, visits_per_stop, max_gap_bound, lower_bound_km, wall_ms, service
				from mobile_plan where status = 'active' order by period_from, service""")
			.query(PlanHead.class)
			.list();
	}

	/** Active plans whose period overlaps [from, to], earliest first. */
	List<PlanHead> active(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, period_from, period_to, visits_per_stop, max_gap_bound, lower_bound_km, wall_ms, service
				from mobile_plan where status = 'active' and period_from <= :to and period_to >= :from
				order by period_from, service""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(PlanHead.class)
			.list();
	}

	List<Visit> visits(long planId) {
		return jdbc.sql("""
				select id, plan_id, unit_id, site_id, day, run, seq, arrive, depart, run_km, status, moved_from, event_id,
				    by_hand
				from mobile_visit where plan_id = :plan and status = 'planned' order by day, unit_id, seq""")
			.param("plan", planId)
			.query(Visit.class)
			.list();
	}

	/** The plan as the planner sees it, from its planned visits. */
	MobilePlan plan(PlanHead head, List<String> stops) {
		Map<String, List<Visit>> byRun = new LinkedHashMap<>();
		for (Visit visit : visits(head.id())) {
			byRun.computeIfAbsent(visit.unitId() + "@" + visit.day(), key -> new ArrayList<>()).add(visit);
		}
		List<DayRun> runs = new ArrayList<>();
		byRun.values().forEach(visits -> runs.add(new DayRun(visits.get(0).unitId(), visits.get(0).day(),
				visits.get(0).run(), visits.stream().map(v -> new StopTime(v.siteId(), v.arrive(), v.depart(), v.byHand())).toList(),
				visits.get(0).runKm())));
		List<MobilePlan.Uncovered> uncovered = jdbc.sql(
				"select site_id, reason from mobile_plan_uncovered where plan_id = :plan")
			.param("plan", head.id())
			.query(MobilePlan.Uncovered.class)
			.list();
		Map<String, Integer> stopVisits = new HashMap<>();
		List<Map<String, Object>> needed = jdbc.sql("""
				select s.site, s.visits from mobile_plan p, unnest(p.stops, p.stop_visits) as s (site, visits)
				where p.id = :plan and p.stop_visits is not null""")
			.param("plan", head.id())
			.query()
			.listOfRows();
		needed.forEach(row -> stopVisits.put((String) row.get("site"), ((Number) row.get("visits")).intValue()));
		return new MobilePlan(head.periodFrom(), head.periodTo(), head.visitsPerStop(), head.maxGapBound(), stops, runs, uncovered,
				head.lowerBoundKm(), stopVisits);
	}

	/** Locks an active plan against other changes until the transaction ends; false when it is not active. */
	boolean lockActive(long planId) {
		return jdbc.sql("select status from mobile_plan where id = :id for update")
			.param("id", planId)
			.query(String.class)
			.optional()
			.filter("active"::equals)
			.isPresent();
	}

	/** A planned visit of a plan, if it still is one. */
	Optional<Visit> plannedVisit(long planId, long visitId) {
		return jdbc.sql("""
				select id, plan_id, unit_id, site_id, day, run, seq, arrive, depart, run_km, status, moved_from, event_id,
				    by_hand
				from mobile_visit where id = :id and plan_id = :plan and status = 'planned'""")
			.param("id", visitId)
			.param("plan", planId)
			.query(Visit.class)
			.optional();
	}

	List<String> stopsOf(long planId) {
		return jdbc.sql("select unnest(stops) from mobile_plan where id = :id").param("id", planId).query(String.class).list();
	}

	void cancelVisit(long visitId) {
		jdbc.sql("update mobile_visit set status = 'cancelled' where id = :id").param("id", visitId).update();
	}

	void published(long visitId, long eventId) {
		jdbc.sql("update mobile_visit set event_id = :event where id = :id")
			.param("id", visitId)
			.param("event", eventId)
			.update();
	}

	/** Planned visits not yet published, on days up to {@code until}. */
	List<Visit> unpublished(LocalDate from, LocalDate until) {
		return jdbc.sql("""
				select v.id, v.plan_id, v.unit_id, v.site_id, v.day, v.run, v.seq, v.arrive, v.depart, v.run_km, v.status,
				    v.moved_from, v.event_id, v.by_hand
				from mobile_visit v join mobile_plan p on p.id = v.plan_id
				where p.status = 'active' and v.status = 'planned' and v.event_id is null and v.day between :from and :until
				order by v.day, v.unit_id, v.seq""")
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query(Visit.class)
			.list();
	}

	/** The first planned bookmobile visit to a site after {@code after}, up to {@code until} (books ride with it). */
	Optional<Visit> nextVisit(String siteId, LocalDate after, LocalDate until) {
		return jdbc.sql("""
				select v.id, v.plan_id, v.unit_id, v.site_id, v.day, v.run, v.seq, v.arrive, v.depart, v.run_km, v.status,
				    v.moved_from, v.event_id, v.by_hand
				from mobile_visit v join mobile_plan p on p.id = v.plan_id
				where p.status = 'active' and p.service = 'books' and v.status = 'planned' and v.site_id = :site
				    and v.day > :after and v.day <= :until
				order by v.day, v.arrive limit 1""")
			.param("site", siteId)
			.param("after", Date.valueOf(after))
			.param("until", Date.valueOf(until))
			.query(Visit.class)
			.optional();
	}

	void outage(String unitId, LocalDate from, LocalDate to, String reason) {
		jdbc.sql("insert into unit_outage (unit_id, from_day, to_day, reason) values (:unit, :from, :to, :reason)")
			.param("unit", unitId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("reason", reason)
			.update();
	}

	private static final String STOP_VISITS = """
			select v.id, v.unit_id, v.site_id, v.day, v.seq, v.arrive, v.depart, v.arrived_at, v.head_count, v.missed_reason
			from mobile_visit v join mobile_plan p on p.id = v.plan_id
			where p.status = 'active' and v.status = 'planned'""";

	/** A unit's stops of a day in the active plans, in their order. */
	List<StopVisit> stopVisits(String unitId, LocalDate day) {
		return jdbc.sql(STOP_VISITS + " and v.unit_id = :unit and v.day = :day order by v.seq")
			.param("unit", unitId).param("day", Date.valueOf(day)).query(StopVisit.class).list();
	}

	/** Every unit's stops between two days, in order. */
	List<StopVisit> stopVisits(LocalDate from, LocalDate to) {
		return jdbc.sql(STOP_VISITS + " and v.day between :from and :to order by v.day, v.unit_id, v.seq")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(StopVisit.class).list();
	}

	Optional<StopVisit> stopVisit(long visitId) {
		return jdbc.sql(STOP_VISITS + " and v.id = :id").param("id", visitId).query(StopVisit.class).optional();
	}

	/** A stop, its row locked for the rest of the transaction. */
	Optional<StopVisit> lockStopVisit(long visitId) {
		return jdbc.sql("select id from mobile_visit where id = :id and status = 'planned' for update").param("id", visitId)
			.query(Long.class).optional()
			.flatMap(this::stopVisit);
	}

	void saveOutcome(StopVisit visit, String by) {
		jdbc.sql("""
				update mobile_visit set arrived_at = :at, head_count = :people, missed_reason = :missed, recorded_by = :by
				where id = :id""")
			.param("id", visit.id())
			.param("at", visit.arrivedAt() == null ? null : Timestamp.from(visit.arrivedAt()))
			.param("people", visit.headCount()).param("missed", visit.missedReason()).param("by", by)
			.update();
	}

	/** Serialises the counting of one site's day until the transaction ends. */
	void lockSiteDay(String siteId, LocalDate day) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "mobile-visits:" + siteId + ":" + day)
			.query((rs, n) -> 1).list();
	}

	/** The people the crews served at a site on a day, over every visit made there. */
	int peopleServed(String siteId, LocalDate day) {
		return jdbc.sql("""
				select coalesce(sum(head_count), 0) from mobile_visit
				where site_id = :site and day = :day and status = 'planned' and arrived_at is not null""")
			.param("site", siteId).param("day", Date.valueOf(day)).query(Integer.class).single();
	}

	private static BigDecimal km(double km) {
		return BigDecimal.valueOf(km).setScale(2, RoundingMode.HALF_UP);
	}

}
