package org.branchlink.gateway.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler instances with the application's Quartz settings share one PostgreSQL job store: every fire of a
 * trigger runs exactly once, on one of them.
 */
class QuartzClusterTests extends IntegrationTest {

	static final Map<Long, List<String>> FIRES = new ConcurrentHashMap<>();

	@Autowired
	DataSource dataSource;

	@Autowired
	QuartzProperties quartz;

	private final List<SchedulerFactoryBean> nodes = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (SchedulerFactoryBean node : nodes) {
			node.destroy();
		}
	}

	@Test
	void eachFireRunsOnceAcrossTwoNodes() throws Exception {
		Scheduler a = node("node-a");
		Scheduler b = node("node-b");
		// both nodes have checked in (as in a running cluster): a node's first check-in takes over the fired triggers
		// of instances it does not know yet, so a trigger firing before it would run twice
		await().atMost(Duration.ofSeconds(30)).until(() -> checkedIn() == 2);
		int fires = 20;
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("every-200ms", "cluster-test")
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(200).withRepeatCount(fires - 1))
			.build();
		a.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity("record", "cluster-test").build(), trigger);

		await().atMost(Duration.ofSeconds(90)).until(() -> FIRES.size() >= fires && !b.checkExists(trigger.getKey()));

		assertThat(FIRES).hasSize(fires);
		assertThat(FIRES.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
		assertThat(checkedIn()).isEqualTo(2);
	}

	private int checkedIn() {
		return JdbcClient.create(dataSource)
			.sql("select count(*) from qrtz_scheduler_state where sched_name = 'cluster-test'")
			.query(Integer.class)
			.single();
	}

	private Scheduler node(String instanceId) throws Exception {
		Properties properties = new Properties();
		properties.putAll(quartz.getProperties());
		properties.put("org.quartz.scheduler.instanceId", instanceId);
		properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setSchedulerName("cluster-test");
		factory.setDataSource(dataSource);
		factory.setQuartzProperties(properties);
		factory.setOverwriteExistingJobs(true);
		factory.afterPropertiesSet();
		factory.start();
		nodes.add(factory);
		return factory.getScheduler();
	}

	/** Records which node ran each scheduled fire. */
	public static class RecordingJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			try {
				FIRES.computeIfAbsent(context.getScheduledFireTime().getTime(), t -> new CopyOnWriteArrayList<>())
					.add(context.getScheduler().getSchedulerInstanceId());
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
