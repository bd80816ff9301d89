package org.branchlink.gateway.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision (督查, issue 20 point 7; seeds 000, 002, 004): central staff record inspections and third-party spot checks
 * of a site with their findings and rectification items; the site reports each item done; an inspector re-inspects;
 * every morning the items past their deadline are escalated once to the site above. Owns {@code inspection} and
 * {@code rectification}.
 */
@Service
public class Supervision {

	/** What kind of check found the items. */
	public enum Kind {
		INSPECTION, SPOT_CHECK;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** An item to put right, as the inspection states it. */
	public record ItemRequest(String item, String owner, LocalDate deadline) {
	}

	/** An inspection to record. */
	public record InspectionRequest(String kind, String siteId, LocalDate inspectedOn, String inspector, String findings,
			List<ItemRequest> items) {
	}

	/** An inspection as recorded. */
	public record Inspection(long id, String kind, String siteId, LocalDate inspectedOn, String inspector,
			String findings) {
	}

	/** The figures over the items due in a period. */
	public record Figures(int due, int closed, int closedOnTime, int overdue, int escalated) {

		/** Items due in the period that were closed ÷ all of them. */
		@JsonProperty
		public Double rectificationRate() {
			return due == 0 ? null : (double) closed / due;
		}
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	Supervision(JdbcClient jdbc, SiteDirectory sites, Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Records an inspection with its items, all or nothing. */
	@Transactional
	public Inspection record(InspectionRequest request, String by) {
		Kind kind = request.kind() == null ? Kind.INSPECTION : switch (request.kind()) {
			case "inspection" -> Kind.INSPECTION;
			case "spot_check" -> Kind.SPOT_CHECK;
			default -> throw new InvalidRequestException("inspection-kind", request.kind());
		};
		site(request.siteId());
		if (request.inspectedOn() == null || blank(request.inspector()) || blank(request.findings())) {
			throw new InvalidRequestException("inspection-incomplete");
		}
		if (request.inspectedOn().isAfter(today())) {
			throw new InvalidRequestException("inspection-future", request.inspectedOn().toString());
		}
		TextLimits.require("inspector", request.inspector(), TextLimits.CONTACT);
		TextLimits.require("findings", request.findings(), TextLimits.TEXT);
		List<ItemRequest> items = request.items() == null ? List.of()
				: request.items().stream().filter(item -> !blank(item.item())).toList();
		for (ItemRequest item : items) {
			TextLimits.require("item", item.item(), TextLimits.MESSAGE);
			if (blank(item.owner()) || item.deadline() == null) {
				throw new InvalidRequestException("rectification-incomplete", item.item().strip());
			}
			TextLimits.require("owner", item.owner(), TextLimits.CONTACT);
			if (!item.deadline().isAfter(request.inspectedOn())) {
				throw new InvalidRequestException("rectification-deadline", request.inspectedOn().toString());
			}
		}
		long id = jdbc.sql("""
				insert into inspection (kind, site_id, inspected_on, inspector, findings, recorded_by, recorded_at)
				values (:kind, :site, :on, :inspector, :findings, :by, :now) returning id""")
			.param("kind", kind.code()).param("site", request.siteId()).param("on", Date.valueOf(request.inspectedOn()))
			.param("inspector", request.inspector().strip()).param("findings", request.findings().strip())
			.param("by", by).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		for (ItemRequest item : items) {
			jdbc.sql("""
					insert into rectification (inspection_id, site_id, item, owner, deadline, status)
					values (:inspection, :site, :item, :owner, :deadline, 'open')""")
				.param("inspection", id).param("site", request.siteId()).param("item", item.item().strip())
				.param("owner", item.owner().strip()).param("deadline", Date.valueOf(item.deadline())).update();
		}
		return inspection(id);
	}

	public Inspection inspection(long id) {
		return jdbc.sql("select id, kind, site_id, inspected_on, inspector, findings from inspection where id = :id")
			.param("id", id).query(Inspection.class).optional()
			.orElseThrow(() -> new NotFoundException("inspection", String.valueOf(id)));
	}

	/** The latest inspections, newest first. */
	public List<Inspection> inspections() {
		return jdbc.sql("select id, kind, site_id, inspected_on, inspector, findings from inspection order by inspected_on desc, id desc limit 100")
			.query(Inspection.class).list();
	}

	public Rectification item(long id) {
		return jdbc.sql(ITEMS + " where id = :id").param("id", id).query(Supervision::item).optional()
			.orElseThrow(() -> new NotFoundException("rectification item", String.valueOf(id)));
	}

	/** Items of the given sites, and those escalated to them; not closed first, the soonest deadline first. */
	public List<Rectification> items(Collection<String> siteIds) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ITEMS + " where site_id in (:sites) or escalated_to in (:sites) order by status = 'closed', deadline, id limit 500")
			.param("sites", siteIds).query(Supervision::item).list();
	}

	/** The site reports an item done. */
	@Transactional
	public Rectification report(long id, String report, String by) {
		TextLimits.require("report", report, TextLimits.TEXT);
		return save(locked(id).report(report, clock.instant()));
	}

	/** An inspector re-inspects a reported item. */
	@Transactional
	public Rectification reinspect(long id, boolean passed, String note, LocalDate newDeadline, String by) {
		TextLimits.require("note", note, TextLimits.MESSAGE);
		return save(locked(id).reinspect(today(), passed, note, newDeadline, clock.instant()));
	}

	/** The morning sweep: open items past their deadline, not yet escalated, go to the site above (once). */
	@Transactional
	public int escalateOverdue(LocalDate today) {
		int escalated = 0;
		for (Rectification item : jdbc.sql(ITEMS + " where status = 'open' and deadline < :today and escalated_at is null for update")
			.param("today", Date.valueOf(today)).query(Supervision::item).list()) {
			String above = sites.require().find(item.siteId()).flatMap(Site::parent).orElse(item.siteId());
			save(item.escalate(above, clock.instant()));
			escalated++;
		}
		return escalated;
	}

	/** Items whose (last) deadline falls in the period: closed, closed on time (reported by the deadline), overdue. */
	public Figures figures(LocalDate from, LocalDate to) {
		List<Rectification> due = jdbc.sql(ITEMS + " where deadline between :from and :to")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Supervision::item).list();
		LocalDate today = today();
		return new Figures(due.size(), (int) due.stream().filter(i -> i.status() == Rectification.Status.CLOSED).count(),
				(int) due.stream().filter(i -> i.status() == Rectification.Status.CLOSED && i.reportedAt() != null
						&& !i.reportedAt().atZone(zone).toLocalDate().isAfter(i.deadline())).count(),
				(int) due.stream().filter(i -> i.overdue(today)).count(),
				(int) due.stream().filter(i -> i.escalatedAt() != null).count());
	}

	private Rectification locked(long id) {
		jdbc.sql("select id from rectification where id = :id for update").param("id", id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("rectification item", String.valueOf(id)));
		return item(id);
	}

	private Rectification save(Rectification item) {
		jdbc.sql("""
				update rectification set deadline = :deadline, status = :status, closure_report = :report,
				    reported_at = :reportedAt, reinspected_on = :reinspectedOn, reinspection = :reinspection, rounds = :rounds,
				    escalated_to = :escalatedTo, escalated_at = :escalatedAt, closed_at = :closedAt
				where id = :id""")
			.param("id", item.id()).param("deadline", Date.valueOf(item.deadline()))
			.param("status", item.status().name().toLowerCase(Locale.ROOT)).param("report", item.closureReport())
			.param("reportedAt", timestamp(item.reportedAt()))
			.param("reinspectedOn", item.reinspectedOn() == null ? null : Date.valueOf(item.reinspectedOn()))
			.param("reinspection", item.reinspection()).param("rounds", item.rounds())
			.param("escalatedTo", item.escalatedTo()).param("escalatedAt", timestamp(item.escalatedAt()))
			.param("closedAt", timestamp(item.closedAt()))
			.update();
		return item(item.id());
	}

	private static final String ITEMS = """
			select id, inspection_id, site_id, item, owner, deadline, status, closure_report, reported_at, reinspected_on,
			    reinspection, rounds, escalated_to, escalated_at, closed_at
			from rectification""";

	private static Rectification item(ResultSet rs, int n) throws SQLException {
		return new Rectification(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("site_id"), rs.getString("item"),
				rs.getString("owner"), rs.getDate("deadline").toLocalDate(),
				Rectification.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("closure_report"),
				instant(rs.getTimestamp("reported_at")),
				rs.getDate("reinspected_on") == null ? null : rs.getDate("reinspected_on").toLocalDate(),
				rs.getString("reinspection"), rs.getInt("rounds"), rs.getString("escalated_to"),
				instant(rs.getTimestamp("escalated_at")), instant(rs.getTimestamp("closed_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private Site site(String id) {
		return sites.require().find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("site", String.valueOf(id)));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
