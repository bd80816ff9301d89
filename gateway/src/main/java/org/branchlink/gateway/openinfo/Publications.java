package org.branchlink.gateway.openinfo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open information (公开信息, issue 20 point 4): central staff publish a period's service report or a survey's results
 * to the public pages (aggregates only — they carry no reader's data), withdraw them, and record each public feedback
 * meeting (seed 000: 每年度至少召开一次群众反馈发布会). Owns {@code publication} and {@code feedback_release}.
 */
@Service
public class Publications {

	/** What can be published. */
	public enum Kind {
		REPORT, SURVEY;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst().orElseThrow();
		}
	}

	/** A published report or survey. */
	public record Publication(Kind kind, String ref, String title, Instant publishedAt) {
	}

	/** A public feedback meeting as recorded. */
	public record FeedbackRelease(long id, LocalDate heldOn, String place, int attendance, String raised,
			String answered, Instant publishedAt) {
	}

	/** A meeting to record. */
	public record ReleaseRequest(LocalDate heldOn, String place, Integer attendance, String raised, String answered) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	Publications(JdbcClient jdbc, Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** Publishes (or publishes again, with a new title and date). */
	@Transactional
	public void publish(Kind kind, String ref, String title, String by) {
		jdbc.sql("""
				insert into publication (kind, ref, title, published_at, published_by) values (:kind, :ref, :title, :now, :by)
				on conflict (kind, ref) do update set title = excluded.title, published_at = excluded.published_at,
				    published_by = excluded.published_by""")
			.param("kind", kind.code()).param("ref", ref).param("title", title)
			.param("now", Timestamp.from(clock.instant())).param("by", by).update();
	}

	@Transactional
	public void withdraw(Kind kind, String ref) {
		if (jdbc.sql("delete from publication where kind = :kind and ref = :ref").param("kind", kind.code())
			.param("ref", ref).update() == 0) {
			throw new NotFoundException("publication", kind.code() + " " + ref);
		}
	}

	public boolean isPublished(Kind kind, String ref) {
		return jdbc.sql("select exists (select 1 from publication where kind = :kind and ref = :ref)")
			.param("kind", kind.code()).param("ref", ref).query(Boolean.class).single();
	}

	/** What is published, newest first. */
	public List<Publication> published(Kind kind) {
		return jdbc.sql("select kind, ref, title, published_at from publication where kind = :kind order by published_at desc")
			.param("kind", kind.code())
			.query((rs, n) -> new Publication(Kind.of(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Records a feedback meeting held (not one to come): it shows on the public page at once. */
	@Transactional
	public FeedbackRelease record(ReleaseRequest request, String by) {
		if (request.heldOn() == null || request.attendance() == null || blank(request.place())
				|| blank(request.raised()) || blank(request.answered())) {
			throw new InvalidRequestException("release-incomplete");
		}
		if (request.heldOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
			throw new InvalidRequestException("release-future", request.heldOn().toString());
		}
		if (request.attendance() < 0) {
			throw new InvalidRequestException("release-attendance");
		}
		TextLimits.require("place", request.place(), TextLimits.TITLE);
		TextLimits.require("raised", request.raised(), TextLimits.TEXT);
		TextLimits.require("answered", request.answered(), TextLimits.TEXT);
		long id = jdbc.sql("""
				insert into feedback_release (held_on, place, attendance, raised, answered, published_at, published_by)
				values (:day, :place, :n, :raised, :answered, :now, :by) returning id""")
			.param("day", Date.valueOf(request.heldOn())).param("place", request.place().strip())
			.param("n", request.attendance()).param("raised", request.raised().strip())
			.param("answered", request.answered().strip()).param("now", Timestamp.from(clock.instant()))
			.param("by", by).query(Long.class).single();
		return releases().stream().filter(release -> release.id() == id).findFirst().orElseThrow();
	}

	/** The feedback meetings, latest first. */
	public List<FeedbackRelease> releases() {
		return jdbc.sql("""
				select id, held_on, place, attendance, raised, answered, published_at from feedback_release
				order by held_on desc, id desc""")
			.query(FeedbackRelease.class).list();
	}

	/** Whether a meeting was held in the year (the seed's at-least-once-a-year). */
	public boolean heldIn(int year) {
		return jdbc.sql("select exists (select 1 from feedback_release where extract(year from held_on) = :year)")
			.param("year", year).query(Boolean.class).single();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
