package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.time.ZoneId;

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

/** Every day (clustered Quartz: on one node) the rotating collections whose stage is over move on. */
@DisallowConcurrentExecution
public class RotationJob extends QuartzJobBean {

	private final CollectionRotation rotations;

	private final ZoneId zone;

	public RotationJob(CollectionRotation rotations, CountySettings county) {
		this.rotations = rotations;
		this.zone = county.zone();
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		rotations.advance(LocalDate.now(zone));
	}

	/** The job's schedule: its trigger in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		JobDetail rotationJob() {
			return ClusterJobs.job(RotationJob.class, "advance", "rotations");
		}

		@Bean
		Trigger rotationTrigger(JobDetail rotationJob, @Value("${branchlink.rotations.cron:0 10 0 * * ?}") String cron,
				CountySettings county) {
			return ClusterJobs.cron(rotationJob, "advance-daily", cron, county);
		}

	}

}
