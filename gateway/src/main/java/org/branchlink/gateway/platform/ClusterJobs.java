package org.branchlink.gateway.platform;

import java.util.TimeZone;

import org.branchlink.site.CountySettings;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The shape of the gateway's clustered Quartz jobs (each firing runs on one node): a job is durable and asks for
 * recovery — when the node running it dies, another runs it again (2 × check-in interval + 7.5 s later at most; see
 * guide-operator.md), so each job's work must be safe to run again; its cron trigger lies in the county's zone, and a
 * firing missed while no node ran is fired once at the next start.
 */
public final class ClusterJobs {

	private ClusterJobs() {
	}

	/** A durable, recoverable job {@code group.name}. */
	public static JobDetail job(Class<? extends Job> type, String name, String group) {
		return JobBuilder.newJob(type).withIdentity(name, group).storeDurably().requestRecovery(true).build();
	}

	/** The job's trigger {@code name} (in the job's group) on a Quartz cron expression in the county's zone. */
	public static Trigger cron(JobDetail job, String name, String cron, CountySettings county) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(name, job.getKey().getGroup())
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(county.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

}
