package org.branchlink.gateway.reporting;

import org.branchlink.gateway.platform.ClusterJobs;
import org.branchlink.site.CountySettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Every day (clustered Quartz: on one node) each reporting target is sent the periods it is owed. A run cut short by its
 * node's death is run again by another node; a report the target already accepted is not sent again.
 */
@DisallowConcurrentExecution
public class ReportSubmissionJob extends QuartzJobBean {

	private final ReportSubmissions submissions;

	public ReportSubmissionJob(ReportSubmissions submissions) {
		this.submissions = submissions;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		submissions.submitDue(submissions.targets(), submissions.today(), "schedule");
	}

	/** The job's schedule: its trigger in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail reportSubmissionJob() {
			return ClusterJobs.job(ReportSubmissionJob.class, "submit", "reporting");
		}

		@Bean
		Trigger reportSubmissionTrigger(JobDetail reportSubmissionJob, ReportingProperties properties,
				CountySettings county) {
			return ClusterJobs.cron(reportSubmissionJob, "submit-daily", properties.cron(), county);
		}

	}

}
