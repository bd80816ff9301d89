package org.branchlink.gateway.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.menu.MenuFigures;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.gateway.metrics.ReportXlsx;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.outbound.ReportDrops;
import org.branchlink.sync.outbound.ReportPosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reporting upward on time (seed 001: 按时上报): each reporting target gets the figures of every period it takes once
 * the period has ended — the service measures, the events of the period and, for a quarter, the narrative of its work
 * (工作动态) — and again each day until it accepts them; every try is logged with what the target answered, and the
 * on-time rate (periods accepted by their due day, of those due) is a figure of the reports.
 */
@Service
public class ReportSubmissions {

	private static final Logger log = LoggerFactory.getLogger(ReportSubmissions.class);

	private final JdbcClient jdbc;

	private final ServiceMetrics metrics;

	private final EventCatalog events;

	private final ReportPosts posts;

	private final ReportDrops drops;

	private final MenuFigures menu;

	private final SiteDirectory sites;

	private final ReportingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId zone;

	ReportSubmissions(JdbcClient jdbc, ServiceMetrics metrics, EventCatalog events, ReportPosts posts, ReportDrops drops,
			MenuFigures menu, SiteDirectory sites, ReportingProperties properties, JsonMapper json, Clock clock,
			CountySettings county) {
		this.drops = drops;
		this.menu = menu;
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.events = events;
		this.posts = posts;
		this.sites = sites;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** One try at sending a period's report to a target, and what came of it. */
	public record Submission(long id, String targetId, String period, String format, Instant submittedAt,
			boolean accepted, int status, String reason, LocalDate dueOn, boolean onTime, String submittedBy) {
	}

	public List<ReportingProperties.Target> targets() {
		return properties.targets();
	}

	public Optional<ReportingProperties.Target> target(String id) {
		return properties.targets().stream().filter(t -> t.id().equals(id)).findFirst();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The periods a target is owed on a day: the last ended month, quarter and year it takes, not yet accepted. */
	public List<ReportPeriod> due(ReportingProperties.Target target, LocalDate today) {
		List<ReportPeriod> due = new ArrayList<>();
		for (ReportPeriod period : lastEnded(target, today)) {
			if (!accepted(target.id(), period.code())) {
				due.add(period);
			}
		}
		return due;
	}

	/** Sends every target what it is owed; the daily job's work. Returns the submissions made. */
	public List<Submission> submitDue(List<ReportingProperties.Target> targets, LocalDate today, String by) {
		List<Submission> made = new ArrayList<>();
		for (ReportingProperties.Target target : targets) {
			for (ReportPeriod period : due(target, today)) {
				made.add(submit(target, period, by));
			}
		}
		return made;
	}

	/** Sends a period's report to a target now and logs what it answered. */
	public Submission submit(ReportingProperties.Target target, ReportPeriod period, String by) {
		String federation = sites.require().federation().id();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Idempotency-Key", federation + "-" + target.id() + "-" + period.code());
		headers.put("X-BranchLink-Period", period.code());
		if (target.token() != null && !target.token().isBlank()) {
			headers.put("Authorization", "Bearer " + target.token());
		}
		byte[] body = body(target.format(), period, federation);
		ReportPosts.Answer answer = target.isDrop()
				? drops.put(target.drop(), fileName(federation, target, period), body)
				: posts.post(target.url().toString(), target.format().mediaType(), headers, body);
		Instant at = clock.instant();
		LocalDate dueOn = period.to().plusDays(target.dueDays());
		boolean onTime = answer.accepted() && !at.atZone(zone).toLocalDate().isAfter(dueOn);
		long id = jdbc.sql("""
				insert into report_submission (target_id, period, format, submitted_at, accepted, status, reason, due_on,
				    on_time, submitted_by)
				values (:target, :period, :format, :at, :accepted, :status, :reason, :due, :onTime, :by) returning id""")
			.param("target", target.id())
			.param("period", period.code())
			.param("format", target.format().code())
			.param("at", Timestamp.from(at))
			.param("accepted", answer.accepted())
			.param("status", answer.status())
			.param("reason", answer.reason())
			.param("due", Date.valueOf(dueOn))
			.param("onTime", onTime)
			.param("by", by)
			.query(Long.class)
			.single();
		log.info("Report {} to {}: {} ({})", period.code(), target.id(), answer.accepted() ? "accepted" : "not accepted",
				answer.status());
		return new Submission(id, target.id(), period.code(), target.format().code(), at, answer.accepted(),
				answer.status(), answer.reason(), dueOn, onTime, by);
	}

	/** The latest submissions, newest first. */
	public List<Submission> latest(int limit) {
		return jdbc.sql("select * from report_submission order by submitted_at desc, id desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Submission(rs.getLong("id"), rs.getString("target_id"), rs.getString("period"),
					rs.getString("format"), rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("accepted"),
					rs.getInt("status"), rs.getString("reason"), rs.getDate("due_on").toLocalDate(),
					rs.getBoolean("on_time"), rs.getString("submitted_by")))
			.list();
	}

	/**
	 * The on-time rate of the reports due in [from, to] (due days already passed): the share of (target, period) the
	 * target accepted by its due day. Null when none was due.
	 */
	public Double onTimeRate(LocalDate from, LocalDate to) {
		return onTimeRate(properties.targets(), from, to);
	}

	Double onTimeRate(List<ReportingProperties.Target> targets, LocalDate from, LocalDate to) {
		LocalDate today = today();
		int due = 0;
		int onTime = 0;
		for (ReportingProperties.Target target : targets) {
			for (ReportPeriod period : periodsDueBetween(target, from, to.isAfter(today) ? today : to)) {
				due++;
				onTime += Boolean.TRUE.equals(jdbc.sql("""
						select exists (select 1 from report_submission where target_id = :t and period = :p and on_time)""")
					.param("t", target.id()).param("p", period.code()).query(Boolean.class).single()) ? 1 : 0;
			}
		}
		return due == 0 ? null : (double) onTime / due;
	}

	/** The narrative of a period's work (工作动态), empty when none was written. */
	public String narrative(String period) {
		return jdbc.sql("select body from report_narrative where period = :p").param("p", period).query(String.class)
			.optional().orElse("");
	}

	public void writeNarrative(String period, String body, String by) {
		jdbc.sql("""
				insert into report_narrative (period, body, updated_by, updated_at) values (:p, :body, :by, :at)
				on conflict (period) do update set body = excluded.body, updated_by = excluded.updated_by,
				    updated_at = excluded.updated_at""")
			.param("p", period).param("body", body.strip()).param("by", by).param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private boolean accepted(String target, String period) {
		return jdbc.sql("select exists (select 1 from report_submission where target_id = :t and period = :p and accepted)")
			.param("t", target).param("p", period).query(Boolean.class).single();
	}

	private static List<ReportPeriod> lastEnded(ReportingProperties.Target target, LocalDate today) {
		List<ReportPeriod> periods = new ArrayList<>();
		if (target.periods().contains("monthly")) {
			periods.add(ReportPeriod.monthOf(today).previous());
		}
		if (target.periods().contains("quarterly")) {
			periods.add(quarterOf(today).previous());
		}
		if (target.periods().contains("annual")) {
			periods.add(ReportPeriod.parse(Integer.toString(today.getYear() - 1)));
		}
		return periods;
	}

	/** Every period of the target whose due day falls in [from, to]. */
	private static List<ReportPeriod> periodsDueBetween(ReportingProperties.Target target, LocalDate from, LocalDate to) {
		List<ReportPeriod> due = new ArrayList<>();
		for (LocalDate day = from.minusDays(target.dueDays()).minusYears(1).withDayOfMonth(1); !day.isAfter(to);
				day = day.plusMonths(1)) {
			List<ReportPeriod> candidates = new ArrayList<>();
			if (target.periods().contains("monthly")) {
				candidates.add(ReportPeriod.monthOf(day));
			}
			if (target.periods().contains("quarterly")) {
				candidates.add(quarterOf(day));
			}
			if (target.periods().contains("annual")) {
				candidates.add(ReportPeriod.parse(Integer.toString(day.getYear())));
			}
			for (ReportPeriod period : candidates) {
				LocalDate dueOn = period.to().plusDays(target.dueDays());
				if (!dueOn.isBefore(from) && !dueOn.isAfter(to)
						&& due.stream().noneMatch(p -> p.code().equals(period.code()))) {
					due.add(period);
				}
			}
		}
		return due;
	}

	private static ReportPeriod quarterOf(LocalDate day) {
		return ReportPeriod.parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
	}

	/**
	 * The name of a period's report in a target's drop: the same for every try, so a report sent again replaces the
	 * file ({@code <federation>-<target>-<period>.json|xlsx}).
	 */
	static String fileName(String federation, ReportingProperties.Target target, ReportPeriod period) {
		return federation + "-" + target.id() + "-" + period.code() + "." + target.format().code();
	}

	/** The report as the target takes it. */
	byte[] body(ReportingProperties.Format format, ReportPeriod period, String federation) {
		ServiceMetrics.Report report = metrics.report(period.from(), period.to());
		List<CulturalEvent> held = events.startingIn(period.from().atStartOfDay(zone).toInstant(),
				period.to().plusDays(1).atStartOfDay(zone).toInstant());
		MenuFigures.Stats ordered = menu.stats(period.from(), period.to());
		String narrative = narrative(period.code());
		if (format == ReportingProperties.Format.XLSX) {
			return ReportXlsx.workbook(List.of(ReportXlsx.figures(report, period.code()),
					new ReportXlsx.Sheet("events", List.of("id", "site", "title", "kind", "category", "starts", "ends",
							"capacity", "cancelled"), held.stream().map(e -> (List<Object>) new ArrayList<Object>(event(e).values())).toList()),
					new ReportXlsx.Sheet("menu", List.of("item", "title", "provider", "orders", "delivered", "participants",
							"average_rating"), ordered.items().stream().map(ReportSubmissions::menuLine).toList()),
					new ReportXlsx.Sheet("narrative", List.of("period", "narrative"),
							narrative.isBlank() ? List.of() : List.of(List.of(period.code(), narrative)))));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("federation", federation);
		document.put("period", period.code());
		document.put("kind", period.kind());
		document.put("from", period.from().toString());
		document.put("to", period.to().toString());
		document.put("generatedAt", clock.instant().toString());
		document.put("figures", report);
		document.put("events", held.stream().map(ReportSubmissions::event).toList());
		document.put("menu", ordered);
		document.put("narrative", narrative.isBlank() ? null : narrative);
		return json.writeValueAsBytes(document);
	}

	private static List<Object> menuLine(MenuFigures.ItemStats item) {
		List<Object> line = new ArrayList<>();
		line.add(item.itemId());
		line.add(item.title());
		line.add(item.providerSite());
		line.add(item.orders());
		line.add(item.delivered());
		line.add(item.participants());
		line.add(item.averageRating());
		return line;
	}

	private static Map<String, Object> event(CulturalEvent e) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", e.id());
		event.put("site", e.siteId());
		event.put("title", e.title());
		event.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
		event.put("category", e.category().code());
		event.put("starts", e.starts().toString());
		event.put("ends", e.ends().toString());
		event.put("capacity", e.capacity());
		event.put("cancelled", e.cancelled());
		return event;
	}

}
