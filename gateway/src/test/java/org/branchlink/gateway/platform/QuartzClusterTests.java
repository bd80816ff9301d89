package org.branchlink.gateway.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
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
 * Three scheduler instances with the application's Quartz settings (its 5 s check-in interval included) share one
 * PostgreSQL job store: every fire of a trigger runs exactly once, on one of them; and a job running on a node that
 * stops is run again by another within the bound the operator's guide states (2 × check-in + 7.5 s). The
 * application's own jobs — the hold expiry and the journal's card-forgetting among them, no longer per node — are all
 * stored that way: never twice at once, recovered.
 * <p>
 * The "crash" is in-JVM: the node's scheduler is shut down without waiting for its job, which stays blocked. To the
 * others this is a dead node (Quartz's shutdown leaves its check-in row and its fired trigger in the database, as a
 * killed process does, and the blocked job writes nothing), but the process and its connections live on; the container
 * tier kills a process for real.
 */
class QuartzClusterTests extends IntegrationTest {

	/** The bound guide-operator.md states for the application's settings: 2 × 5 s + 7.5 s. */
	static final Duration TAKE_OVER = Duration.ofMillis(17_500);

	static final Map<Long, List<String>> FIRES = new ConcurrentHashMap<>();

	static final List<String> LONG_RUNS = new CopyOnWriteArrayList<>();

	static final CountDownLatch FIRST_RUN_BLOCKS = new CountDownLatch(1);

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
		FIRST_RUN_BLOCKS.countDown();
	}

	@Test
	void eachFireRunsOnceAcrossThreeNodes() throws Exception {
		String cluster = "cluster-once";
		Scheduler a = node(cluster, "node-a");
		node(cluster, "node-b");
		Scheduler c = node(cluster, "node-c");
		// all nodes have checked in (as in a running cluster): a node's first check-in takes over the fired triggers
		// of instances it does not know yet, so a trigger firing before it would run twice
		await().atMost(Duration.ofSeconds(30)).until(() -> checkedIn(cluster) == 3);
		int fires = 30;
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("every-200ms", "cluster-test")
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(200).withRepeatCount(fires - 1))
			.build();
		a.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity("record", "cluster-test").build(), trigger);

		await().atMost(Duration.ofSeconds(90)).until(() -> FIRES.size() >= fires && !c.checkExists(trigger.getKey()));

		assertThat(FIRES).hasSize(fires);
		assertThat(FIRES.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
		assertThat(checkedIn(cluster)).isEqualTo(3);
	}

	@Test
	void aJobRunningOnANodeThatDiesIsRunAgainByAnotherWithinTheStatedBound() throws Exception {
		String cluster = "cluster-takeover";
		Map<String, SchedulerFactoryBean> byName = new ConcurrentHashMap<>();
		for (String name : List.of("node-a", "node-b", "node-c")) {
			node(cluster, name);
			byName.put(name, nodes.get(nodes.size() - 1));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> checkedIn(cluster) == 3);
		Scheduler any = byName.get("node-b").getScheduler();
		any.scheduleJob(JobBuilder.newJob(LongJob.class).withIdentity("long", "cluster-test").requestRecovery(true).build(),
				TriggerBuilder.newTrigger().withIdentity("long-once", "cluster-test").startNow().build());
		await().atMost(Duration.ofSeconds(30)).until(() -> LONG_RUNS.size() == 1);
		String first = LONG_RUNS.get(0);

		long died = System.nanoTime();
		byName.get(first).getScheduler().shutdown(false);

		await().atMost(TAKE_OVER.plusSeconds(3)).until(() -> LONG_RUNS.size() == 2);
		Duration tookOver = Duration.ofNanos(System.nanoTime() - died);
		System.out.printf("A job of a dead node: %s after %d ms (bound %d ms)%n", LONG_RUNS.get(1),
				tookOver.toMillis(), TAKE_OVER.toMillis());
		assertThat(LONG_RUNS.get(1)).startsWith("recovered on ").doesNotEndWith(first);
		assertThat(tookOver).isLessThanOrEqualTo(TAKE_OVER.plusSeconds(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> JdbcClient.create(dataSource)
			.sql("select count(*) from qrtz_fired_triggers where sched_name = :s")
			.param("s", cluster)
			.query(Integer.class)
			.single() == 0);
		assertThat(LONG_RUNS).hasSize(2);
	}

	@Test
	void everyJobOfTheApplicationRunsOnceAndIsRunAgainWhenItsNodeDies() {
		List<String> jobs = JdbcClient.create(dataSource)
			.sql("select job_group || '.' || job_name || ' ' || is_nonconcurrent || ' ' || requests_recovery"
					+ " from qrtz_job_details where sched_name = 'branchlink'")
			.query(String.class)
			.list();
		assertThat(jobs).contains("holds.expire true true", "circulation.forget-cards true true",
				"rotations.advance true true", "demand.sweep true true", "mobile.next-plan true true",
				"mobile.publish-stops true true");
		assertThat(jobs).allSatisfy(job -> assertThat(job).endsWith(" true true"));
	}

	private int checkedIn(String cluster) {
		return JdbcClient.create(dataSource)
			.sql("select count(*) from qrtz_scheduler_state where sched_name = :s")
			.param("s", cluster)
			.query(Integer.class)
			.single();
	}

	private Scheduler node(String cluster, String instanceId) throws Exception {
		Properties properties = new Properties();
		properties.putAll(quartz.getProperties());
		properties.put("org.quartz.scheduler.instanceId", instanceId);
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setSchedulerName(cluster);
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
			FIRES.computeIfAbsent(context.getScheduledFireTime().getTime(), t -> new CopyOnWriteArrayList<>())
				.add(instance(context));
		}

	}

	/** A long job: its first run blocks until the test ends (its node dies meanwhile), a recovered run records itself. */
	@DisallowConcurrentExecution
	public static class LongJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			if (context.isRecovering()) {
				LONG_RUNS.add("recovered on " + instance(context));
				return;
			}
			LONG_RUNS.add(instance(context));
			try {
				FIRST_RUN_BLOCKS.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static String instance(JobExecutionContext context) {
		try {
			return context.getScheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
