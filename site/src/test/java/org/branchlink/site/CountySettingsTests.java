package org.branchlink.site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The county's settings: the zone's default, its override, and a scheduled job running on the county's clock. */
class CountySettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, CountyConfiguration.class);

	@Test
	void theCountyIsInChinaStandardTimeUnlessSet() {
		context.run(run -> {
			assertThat(run.getBean(CountySettings.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(run.getBean("countyZone", ZoneId.class)).isEqualTo(ZoneId.of("Asia/Shanghai"));
		});
	}

	@Test
	void theZoneIsSetUnderBranchlinkCounty() {
		context.withPropertyValues("branchlink.county.zone=Asia/Urumqi").run(run -> {
			assertThat(run.getBean(CountySettings.class).zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
			assertThat(run.getBean("countyZone", ZoneId.class)).isEqualTo(ZoneId.of("Asia/Urumqi"));
		});
	}

	@Test
	void aScheduledMethodRunsOnTheCountysClock() {
		Instant evening = Instant.parse("2026-01-09T12:00:00Z");
		ApplicationContextRunner nightly = context.withUserConfiguration(NightlyJob.class);
		nightly.run(run -> assertThat(nextRun(run, evening)).isEqualTo(Instant.parse("2026-01-09T19:00:00Z")));
		nightly.withPropertyValues("branchlink.county.zone=Europe/Berlin")
			.run(run -> assertThat(nextRun(run, evening)).isEqualTo(Instant.parse("2026-01-10T02:00:00Z")));
	}

	/** When the one cron task of the context runs next after {@code after}. */
	private static Instant nextRun(ApplicationContext app, Instant after) {
		ScheduledTask task = app.getBean(ScheduledTaskHolder.class).getScheduledTasks().iterator().next();
		CronTask cron = (CronTask) task.getTask();
		return cron.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(after, ZoneOffset.UTC)));
	}

	/** Only the county's settings. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CountySettings.class)
	static class Settings {

	}

	/** A nightly job scheduled in the county's zone. */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class NightlyJob {

		@Scheduled(cron = "0 0 3 * * *", zone = "#{@countyZone.id}")
		void sweep() {
		}

	}

}
