package org.branchlink.gateway.venue;

import org.branchlink.gateway.platform.ClusterJobs;
import org.branchlink.site.CountySettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every quarter hour (clustered Quartz: one node) confirmed bookings nobody came to are marked not shown. */
@DisallowConcurrentExecution
public class VenueJob extends QuartzJobBean {

	private final VenueBookings bookings;

	public VenueJob(VenueBookings bookings) {
		this.bookings = bookings;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		bookings.sweepNoShows();
	}

	/** The job's schedule: its trigger in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail venueNoShowJob() {
			return ClusterJobs.job(VenueJob.class, "no-shows", "venues");
		}

		@Bean
		Trigger venueNoShowTrigger(JobDetail venueNoShowJob, VenueRules rules, CountySettings county) {
			return ClusterJobs.cron(venueNoShowJob, "no-shows-quarter-hourly", rules.sweepCron(), county);
		}

	}

}
