package org.branchlink.gateway.demand;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.branchlink.gateway.calendar.WorkingCalendar;
import org.branchlink.gateway.notify.Notice;
import org.branchlink.gateway.notify.ReaderNotices;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demand tickets (seed 000, DOMAIN §4.5): registered from six channels, classified on five axes, given one of four
 * dispositions. A directly handled ticket must be answered within {@value #WORKING_DAYS} working days of the day it
 * was received (the day itself not counted, holidays skipped, 调休 weekend days counted); the daily sweep reminds the
 * site on working day {@value #REMIND_ON} and, once the deadline has passed unanswered, marks the breach and escalates
 * the ticket to the parent site. The public board shows tickets without who sent them, personal data masked
 * ({@link PersonalDataMask}), once a librarian approved them ({@link #review}) or at once with
 * {@code branchlink.demand.auto-publish}; it is read from memory for {@code branchlink.demand.board-cache}.
 */
@Service
public class DemandTickets {

	private static final Logger log = LoggerFactory.getLogger(DemandTickets.class);

	static final int WORKING_DAYS = 10;

	static final int REMIND_ON = 7;

	static final Set<String> CHANNELS = Set.of("online", "phone", "suggestion_box", "door_visit", "forum", "survey");

	static final Set<String> DISPOSITIONS = Set.of("escalate", "handle", "project", "decline");

	/**
	 * A new ticket; {@code receivedAt} for tickets transcribed later (a suggestion box emptied monthly).
	 *
	 * @param readerId the reader who stated it signed in (told by their notice channels when it is answered), or null
	 */
	public record Intake(String channel, String body, String siteId, String submitterName, String submitterContact,
			Instant receivedAt, Long readerId) {

		/** A need stated by someone not signed in, or transcribed by staff. */
		public Intake(String channel, String body, String siteId, String submitterName, String submitterContact,
				Instant receivedAt) {
			this(channel, body, siteId, submitterName, submitterContact, receivedAt, null);
		}

	}

	/**
	 * The five axes and the disposition.
	 *
	 * @param subject individual or group (需求主体)
	 * @param initiative active request or passive solicitation (需求程度)
	 * @param audience general public or a special group (服务对象)
	 * @param provider which body must supply it (供给主体): a site id or a named body
	 * @param urgency low, normal, high (时效)
	 * @param difficulty easy, moderate, hard (难度)
	 * @param disposition escalate, handle, project, decline
	 * @param forwardedTo for escalate: the level or body it goes to
	 */
	public record Classification(String subject, String initiative, String audience, String provider, String urgency,
			String difficulty, String disposition, String forwardedTo) {
	}

	/** A ticket as staff see it (submitter details included only here). */
	public record Ticket(long id, String reference, String channel, String body, String siteId, String submitterName,
			String submitterContact, Instant receivedAt, LocalDate receivedDay, String subject, String initiative,
			String audience, String provider, String urgency, String difficulty, String disposition, String forwardedTo,
			LocalDate deadline, Instant remindedAt, Instant breachedAt, String escalatedTo, String answer,
			Instant answeredAt, boolean published, String boardText, String boardState) {
	}

	/** A ticket on the public board: no submitter, personal data masked, approved by a librarian. */
	public record BoardEntry(String reference, String channel, String siteId, LocalDate receivedDay, String body,
			String disposition, LocalDate deadline, String answer, LocalDate answeredDay, Boolean onTime) {
	}

	/** What a sweep did. */
	public record Sweep(int reminded, int breached) {
	}

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	private final DemandProperties properties;

	private final ReaderNotices notices;

	/** An answer in a notice: its first this many characters (a text message stays short). */
	private static final int ANSWER_IN_NOTICE = 120;

	/** The public board by its length, kept for {@code branchlink.demand.board-cache}. */
	private final Cache<Integer, List<BoardEntry>> boards;

	DemandTickets(JdbcClient jdbc, WorkingCalendar calendar, SiteDirectory sites, Clock clock, CountySettings county,
			DemandProperties properties, ReaderNotices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
		this.properties = properties;
		this.boards = Caffeine.newBuilder().expireAfterWrite(properties.boardCache()).maximumSize(16).build();
	}

	@Transactional
	public Ticket register(Intake intake, String recordedBy) {
		if (intake.channel() == null || !CHANNELS.contains(intake.channel())) {
			throw new IllegalArgumentException("unknown channel '" + intake.channel() + "'; one of " + CHANNELS);
		}
		if (intake.body() == null || intake.body().isBlank()) {
			throw new IllegalArgumentException("a ticket needs what is asked for");
		}
		TextLimits.require("body", intake.body(), TextLimits.MESSAGE);
		TextLimits.require("name", intake.submitterName(), TextLimits.NAME);
		TextLimits.require("contact", intake.submitterContact(), TextLimits.CONTACT);
		site(intake.siteId());
		Instant received = intake.receivedAt() == null ? clock.instant() : intake.receivedAt();
		if (received.isAfter(clock.instant().plusSeconds(600))) {
			throw new IllegalArgumentException("a ticket cannot be received in the future (" + received + ")");
		}
		long id = jdbc.sql("""
				insert into demand_ticket (channel, body, site_id, submitter_name, submitter_contact, received_at,
				    received_day, recorded_by, board_text, board_state, reader_id)
				values (:channel, :body, :site, :name, :contact, :at, :day, :by, :boardText, :boardState, :reader)
				returning id""")
			.param("reader", intake.readerId())
			.param("boardText", PersonalDataMask.mask(intake.body().strip(), intake.submitterName()))
			.param("boardState", properties.autoPublish() ? "published" : "pending")
			.param("channel", intake.channel())
			.param("body", intake.body().strip())
			.param("site", intake.siteId())
			.param("name", blankToNull(intake.submitterName()))
			.param("contact", blankToNull(intake.submitterContact()))
			.param("at", Timestamp.from(received))
			.param("day", Date.valueOf(received.atZone(zone).toLocalDate()))
			.param("by", recordedBy)
			.query(Long.class)
			.single();
		if (properties.autoPublish()) {
			boards.invalidateAll();
		}
		return ticket(id);
	}

	/**
	 * A librarian's review of what the public board shows of a ticket: published (the masked text, or the librarian's
	 * own wording of it, masked again) or withheld.
	 */
	@Transactional
	public Ticket review(long id, boolean publish, String text, String by) {
		Ticket ticket = ticket(id);
		TextLimits.require("text", text, TextLimits.MESSAGE);
		String shown = text == null || text.isBlank() ? ticket.boardText()
				: PersonalDataMask.mask(text.strip(), ticket.submitterName());
		jdbc.sql("""
				update demand_ticket set board_text = :text, board_state = :state, board_reviewed_by = :by,
				    board_reviewed_at = :now where id = :id""")
			.param("text", shown).param("state", publish ? "published" : "withheld").param("by", by)
			.param("now", Timestamp.from(clock.instant())).param("id", id)
			.update();
		boards.invalidateAll();
		return ticket(id);
	}

	/** Classifies a ticket; a directly handled one gets its deadline, 10 working days after the day it came in. */
	@Transactional
	public Ticket classify(long id, Classification c, String by) {
		Ticket ticket = ticket(id);
		if (ticket.answeredAt() != null) {
			throw new ConflictException("ticket-answered", ticket.reference());
		}
		check("subject", c.subject(), Set.of("individual", "group"));
		check("initiative", c.initiative(), Set.of("active", "passive"));
		check("audience", c.audience(), Set.of("general", "special_group"));
		check("urgency", c.urgency(), Set.of("low", "normal", "high"));
		check("difficulty", c.difficulty(), Set.of("easy", "moderate", "hard"));
		check("disposition", c.disposition(), DISPOSITIONS);
		if (c.disposition().equals("escalate") && (c.forwardedTo() == null || c.forwardedTo().isBlank())) {
			throw new IllegalArgumentException("an escalated ticket names where it goes (forwardedTo)");
		}
		LocalDate deadline = c.disposition().equals("handle") ? calendar.plusWorkingDays(ticket.receivedDay(), WORKING_DAYS)
				: null;
		jdbc.sql("""
				update demand_ticket set subject = :subject, initiative = :initiative, audience = :audience,
				    provider = :provider, urgency = :urgency, difficulty = :difficulty, disposition = :disposition,
				    forwarded_to = :forwarded, deadline = :deadline, classified_at = :now, classified_by = :by
				where id = :id""")
			.param("subject", c.subject()).param("initiative", c.initiative()).param("audience", c.audience())
			.param("provider", blankToNull(c.provider())).param("urgency", c.urgency()).param("difficulty", c.difficulty())
			.param("disposition", c.disposition()).param("forwarded", blankToNull(c.forwardedTo()))
			.param("deadline", deadline == null ? null : Date.valueOf(deadline))
			.param("now", Timestamp.from(clock.instant())).param("by", by).param("id", id)
			.update();
		return ticket(id);
	}

	/** The answer (the result, the forwarding, the project or the explanation), published on the board or not. */
	@Transactional
	public Ticket answer(long id, String answer, boolean publish, String by) {
		Ticket ticket = ticket(id);
		if (ticket.disposition() == null) {
			throw new ConflictException("ticket-unclassified", ticket.reference());
		}
		if (answer == null || answer.isBlank()) {
			throw new IllegalArgumentException("an answer needs its text");
		}
		TextLimits.require("answer", answer, TextLimits.TEXT);
		jdbc.sql("""
				update demand_ticket set answer = :answer, answered_at = :now, answered_by = :by, published = :publish
				where id = :id""")
			.param("answer", answer.strip()).param("now", Timestamp.from(clock.instant())).param("by", by)
			.param("publish", publish).param("id", id)
			.update();
		boards.invalidateAll();
		// the reader who stated it signed in is told, in this transaction's outbox (sent after the commit)
		jdbc.sql("select reader_id from demand_ticket where id = :id and reader_id is not null").param("id", id)
			.query(Long.class).optional().ifPresent(reader -> notices.queue(reader, Notice.TICKET_ANSWERED,
					"ticket:" + id, List.of(ticket.reference(), summary(answer.strip()))));
		return ticket(id);
	}

	/**
	 * The daily sweep (Quartz): directly handled tickets still unanswered are reminded from working day 7 on (once),
	 * and escalated to the parent of their site once the deadline has passed (once).
	 */
	@Transactional
	public Sweep sweep(LocalDate today) {
		int reminded = 0, breached = 0;
		for (Ticket ticket : jdbc.sql(SELECT + " where disposition = 'handle' and answered_at is null"
				+ " and (reminded_at is null or breached_at is null) order by id")
			.query(Ticket.class).list()) {
			int elapsed = calendar.workingDaysBetween(ticket.receivedDay(), today);
			if (ticket.remindedAt() == null && elapsed >= REMIND_ON) {
				jdbc.sql("update demand_ticket set reminded_at = :now where id = :id")
					.param("now", Timestamp.from(clock.instant())).param("id", ticket.id()).update();
				log.info("Demand ticket {} at {}: working day {} of {}, reminder sent", ticket.reference(), ticket.siteId(),
						elapsed, WORKING_DAYS);
				reminded++;
			}
			if (ticket.breachedAt() == null && today.isAfter(ticket.deadline())) {
				String parent = sites.require().find(ticket.siteId()).flatMap(Site::parent).orElse(ticket.siteId());
				jdbc.sql("update demand_ticket set breached_at = :now, escalated_to = :parent where id = :id")
					.param("now", Timestamp.from(clock.instant())).param("parent", parent).param("id", ticket.id()).update();
				log.warn("Demand ticket {} at {} missed its deadline {}: escalated to {}", ticket.reference(),
						ticket.siteId(), ticket.deadline(), parent);
				breached++;
			}
		}
		return new Sweep(reminded, breached);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private static String summary(String answer) {
		return answer.codePointCount(0, answer.length()) <= ANSWER_IN_NOTICE ? answer
				: answer.substring(0, answer.offsetByCodePoints(0, ANSWER_IN_NOTICE)) + "…";
	}

	public Ticket ticket(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Ticket.class).optional()
			.orElseThrow(() -> new NotFoundException("demand ticket", String.valueOf(id)));
	}

	/** Tickets of these sites (or escalated to them), newest first. */
	public List<Ticket> of(Collection<String> siteIds) {
		return jdbc.sql(SELECT + " where site_id = any(:sites) or escalated_to = any(:sites) order by id desc limit 500")
			.param("sites", siteIds.toArray(String[]::new))
			.query(Ticket.class).list();
	}

	/** The public board: the latest approved tickets, masked; answers shown where published. */
	public List<BoardEntry> board(int limit) {
		return boards.get(limit, this::readBoard);
	}

	private List<BoardEntry> readBoard(int limit) {
		return jdbc.sql(SELECT + " where board_state = 'published' order by id desc limit :limit").param("limit", limit)
			.query(Ticket.class).list().stream()
			.map(t -> new BoardEntry(t.reference(), t.channel(), t.siteId(), t.receivedDay(), t.boardText(),
					t.disposition(), t.deadline(), t.published() ? PersonalDataMask.mask(t.answer(), t.submitterName()) : null,
					t.answeredAt() == null ? null : t.answeredAt().atZone(zone).toLocalDate(),
					t.deadline() == null || t.answeredAt() == null ? null
							: !t.answeredAt().atZone(zone).toLocalDate().isAfter(t.deadline())))
			.toList();
	}

	private static final String SELECT = """
			select id, 'D' || extract(year from received_day)::int || '-' || lpad(id::text, 6, '0') as reference, channel,
			    body, site_id, submitter_name, submitter_contact, received_at, received_day, subject, initiative, audience,
			    provider, urgency, difficulty, disposition, forwarded_to, deadline, reminded_at, breached_at,
			    escalated_to, answer, answered_at, published, board_text, board_state
			from demand_ticket""";

	private Site site(String id) {
		return sites.require().find(id == null ? "" : id)
			.orElseThrow(() -> new NotFoundException("site", String.valueOf(id)));
	}

	private static void check(String axis, String value, Set<String> allowed) {
		if (value == null || !allowed.contains(value)) {
			throw new IllegalArgumentException(axis + " must be one of " + allowed.stream().sorted().toList()
					+ (value == null ? "" : ", not '" + value + "'"));
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
