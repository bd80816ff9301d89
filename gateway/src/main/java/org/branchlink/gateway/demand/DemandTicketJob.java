package org.branchlink.gateway.demand;

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

/** Every working morning (clustered Quartz: one node) the demand tickets' reminders and escalations. */
@DisallowConcurrentExecution
public class DemandTicketJob extends QuartzJobBean {

	private final DemandTickets tickets;

	public DemandTicketJob(DemandTickets tickets) {
		this.tickets = tickets;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		tickets.sweep(tickets.today());
	}

	/** The job's schedule: its trigger in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail demandTicketJob() {
			return ClusterJobs.job(DemandTicketJob.class, "sweep", "demand");
		}

		@Bean
		Trigger demandTicketTrigger(JobDetail demandTicketJob,
				@Value("${branchlink.demand.sweep-cron:0 0 7 * * ?}") String cron, CountySettings county) {
			return ClusterJobs.cron(demandTicketJob, "sweep-daily", cron, county);
		}

	}

}
