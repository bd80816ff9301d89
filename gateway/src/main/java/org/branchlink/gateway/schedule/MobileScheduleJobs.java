package org.branchlink.gateway.schedule;

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

/**
 * The mobile services' two clustered Quartz jobs (each runs on one node): the next period's plan on
 * {@code branchlink.schedule.plan-cron} (default the 20th of each month), and every night the stops of the coming
 * {@code publish-days} published as events.
 */
@Configuration(proxyBeanMethods = false)
class MobileScheduleJobs {

	/** Plans the next month's visits once the current plan nears its end. */
	@DisallowConcurrentExecution
	public static class NextPlanJob extends QuartzJobBean {

		private final MobileSchedule schedule;

		public NextPlanJob(MobileSchedule schedule) {
			this.schedule = schedule;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			schedule.generateNext();
			schedule.publishUpcoming();
		}

	}

	/** Publishes the coming days' stops as events readers find. */
	@DisallowConcurrentExecution
	public static class PublishStopsJob extends QuartzJobBean {

		private final MobileSchedule schedule;

		public PublishStopsJob(MobileSchedule schedule) {
			this.schedule = schedule;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			schedule.publishUpcoming();
		}

	}

	@Bean
	JobDetail nextMobilePlanJob() {
		return ClusterJobs.job(NextPlanJob.class, "next-plan", "mobile");
	}

	@Bean
	JobDetail publishMobileStopsJob() {
		return ClusterJobs.job(PublishStopsJob.class, "publish-stops", "mobile");
	}

	@Bean
	Trigger nextMobilePlanTrigger(JobDetail nextMobilePlanJob, ScheduleProperties properties, CountySettings county) {
		return ClusterJobs.cron(nextMobilePlanJob, "next-plan-monthly", properties.planCron(), county);
	}

	@Bean
	Trigger publishMobileStopsTrigger(JobDetail publishMobileStopsJob,
			@Value("${branchlink.schedule.publish-cron:0 30 1 * * ?}") String cron, CountySettings county) {
		return ClusterJobs.cron(publishMobileStopsJob, "publish-stops-daily", cron, county);
	}

}
