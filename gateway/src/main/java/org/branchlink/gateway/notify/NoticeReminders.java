package org.branchlink.gateway.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.platform.ClusterJobs;
import org.branchlink.site.CountySettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * The reminders made each day: loans due within {@code due-soon-days}, loans gone overdue, and tomorrow's events for
 * those registered. Each is queued once (a notice's kind and subject are unique per reader), so a run again the same
 * day — another node taking over a dead one's run — queues nothing twice.
 */
@Component
public class NoticeReminders {

	private final JdbcClient jdbc;

	private final ReaderNotices notices;

	private final EventCatalog events;

	private final CatalogCopies copies;

	private final NotifyProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	NoticeReminders(JdbcClient jdbc, ReaderNotices notices, EventCatalog events, CatalogCopies copies,
			NotifyProperties properties, Clock clock, CountySettings county) {
		this.copies = copies;
		this.jdbc = jdbc;
		this.notices = notices;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** One open loan to remind of. */
	private record OpenLoan(String key, String card, String workId, Timestamp due) {
	}

	/** Makes today's reminders; returns how many notices were queued. */
	public int remind() {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int queued = 0;
		Timestamp soon = Timestamp.from(today.plusDays(properties.dueSoonDays() + 1L).atStartOfDay(zone).toInstant());
		Timestamp now = Timestamp.from(clock.instant());
		List<OpenLoan> dueSoon = loans("due_at >= :now and due_at < :soon", now, soon);
		List<OpenLoan> overdue = loans("due_at < :now", now, soon);
		Map<String, String> titles = copies.titles(Stream.concat(dueSoon.stream(), overdue.stream())
			.map(OpenLoan::workId).collect(Collectors.toSet()));
		for (OpenLoan loan : dueSoon) {
			queued += notices.queue(loan.card(), Notice.DUE_SOON, "loan:" + loan.key() + ":" + day(loan.due()),
					List.of(titles.getOrDefault(loan.workId(), ""), day(loan.due())));
		}
		for (OpenLoan loan : overdue) {
			queued += notices.queue(loan.card(), Notice.OVERDUE, "loan:" + loan.key() + ":overdue",
					List.of(titles.getOrDefault(loan.workId(), ""), day(loan.due())));
		}
		for (CulturalEvent event : events.between(null, today.plusDays(1).atStartOfDay(zone).toInstant(),
				today.plusDays(2).atStartOfDay(zone).toInstant())) {
			List<String> cards = jdbc.sql("""
					select r.card_number from event_registration g join reader r on r.id = g.reader_id
					where g.event_id = :event and g.status = 'registered'""")
				.param("event", event.id())
				.query(String.class)
				.list();
			for (String card : cards) {
				queued += notices.queue(card, Notice.EVENT_REMINDER, "event:" + event.id() + ":reminder",
						List.of(event.title(), ReaderNotices.DAY_TIME.format(event.starts().atZone(zone)), event.place()));
			}
		}
		return queued;
	}

	private List<OpenLoan> loans(String when, Timestamp now, Timestamp soon) {
		return jdbc.sql("select loan_key, card, work_id, due_at from loan where returned_at is null and card is not null and "
				+ when)
			.param("now", now)
			.param("soon", soon)
			.query((rs, n) -> new OpenLoan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
			.list();
	}

	private String day(Timestamp at) {
		return ReaderNotices.DAY.format(at.toInstant().atZone(zone));
	}

	/** The daily run on one node (clustered Quartz). */
	@DisallowConcurrentExecution
	public static class Job extends QuartzJobBean {

		private final NoticeReminders reminders;

		public Job(NoticeReminders reminders) {
			this.reminders = reminders;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			reminders.remind();
		}

	}

	/** The job's schedule, in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail noticeReminderJob() {
			return ClusterJobs.job(Job.class, "remind", "notify");
		}

		@Bean
		Trigger noticeReminderTrigger(JobDetail noticeReminderJob, NotifyProperties properties, CountySettings county) {
			return ClusterJobs.cron(noticeReminderJob, "remind-daily", properties.reminderCron(), county);
		}

	}

}
