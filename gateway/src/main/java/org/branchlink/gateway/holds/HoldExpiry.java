package org.branchlink.gateway.holds;

import org.branchlink.gateway.circulation.LendingDesk;
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
 * Every hour (clustered Quartz: on one node) holds uncollected past their pickup days expire and their copies move on
 * to the next hold. A run cut short by its node's death is run again by another node: each hold expires in its own
 * transaction, so that run finds those left, and it sends again the check-ins of the day's expired holds, so a copy
 * whose check-in the dead node never sent is handed on too ({@link HoldShelf#expire}).
 */
@DisallowConcurrentExecution
public class HoldExpiry extends QuartzJobBean {

	private final HoldShelf holds;

	private final LendingDesk desk;

	public HoldExpiry(HoldShelf holds, LendingDesk desk) {
		this.holds = holds;
		this.desk = desk;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		holds.expire(desk);
	}

	/** The job's schedule: its trigger in the county's zone (a Quartz cron expression). */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail holdExpiryJob() {
			return ClusterJobs.job(HoldExpiry.class, "expire", "holds");
		}

		@Bean
		Trigger holdExpiryTrigger(JobDetail holdExpiryJob, @Value("${branchlink.holds.expiry-cron:0 5 * * * ?}") String cron,
				CountySettings county) {
			return ClusterJobs.cron(holdExpiryJob, "expire-hourly", cron, county);
		}

	}

}
