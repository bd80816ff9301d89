package org.branchlink.gateway.supervision;

import org.branchlink.gateway.platform.ClusterJobs;
import org.branchlink.site.CountySettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every morning (clustered Quartz: one node) rectification items past their deadline are escalated to the site above. */
@DisallowConcurrentExecution
public class SupervisionJob extends QuartzJobBean {

	private final Supervision supervision;

	public SupervisionJob(Supervision supervision) {
		this.supervision = supervision;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		supervision.escalateOverdue(supervision.today());
	}

	/** The job's schedule: its trigger in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail supervisionJob() {
			return ClusterJobs.job(SupervisionJob.class, "escalate", "supervision");
		}

		@Bean
		Trigger supervisionTrigger(JobDetail supervisionJob,
				@Value("${branchlink.supervision.sweep-cron:0 10 7 * * ?}") String cron, CountySettings county) {
			return ClusterJobs.cron(supervisionJob, "escalate-daily", cron, county);
		}

	}

}
