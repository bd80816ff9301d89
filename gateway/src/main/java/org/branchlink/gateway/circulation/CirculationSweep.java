package org.branchlink.gateway.circulation;

import org.branchlink.gateway.platform.ClusterJobs;
import org.branchlink.site.CountySettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Housekeeping of the journal.
 * <ul>
 * <li>The sweep applies events that were accepted but not applied — the node died between the two, or the database
 * failed for a moment. It runs on every node, every {@code sweep-millis}, on purpose: it must go on whichever nodes
 * are alive, and running it twice at once is harmless — an event is applied under its copy's row lock and only while
 * its applied mark is still empty, so each event is applied once whichever node gets there first.</li>
 * <li>Forgetting the cards runs once a night on one node ({@link ForgetCardsJob}, clustered Quartz).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationSweep {

	private static final Logger log = LoggerFactory.getLogger(CirculationSweep.class);

	private final CirculationLedger ledger;

	private final CirculationStore store;

	private final CirculationProperties properties;

	CirculationSweep(CirculationLedger ledger, CirculationStore store, CirculationProperties properties) {
		this.ledger = ledger;
		this.store = store;
		this.properties = properties;
	}

	/** Loans are anonymised at return; the journal forgets the card once late events are no longer expected. */
	public void forgetCards() {
		int cleared = store.forgetCards(properties.journalCardDays());
		log.info("Circulation journal: reader cards cleared from {} events older than {} days", cleared,
				properties.journalCardDays());
	}

	@Scheduled(initialDelay = 2000, fixedDelayString = "${branchlink.circulation.sweep-millis:5000}")
	void sweep() {
		ledger.sweep();
	}

	@Bean
	JobDetail forgetCardsJob() {
		return ClusterJobs.job(ForgetCardsJob.class, "forget-cards", "circulation");
	}

	@Bean
	Trigger forgetCardsTrigger(JobDetail forgetCardsJob,
			@Value("${branchlink.circulation.forget-cron:0 30 3 * * ?}") String cron, CountySettings county) {
		return ClusterJobs.cron(forgetCardsJob, "forget-cards-nightly", cron, county);
	}

	/**
	 * Every night (clustered Quartz: on one node) the journal's cards older than {@code journal-card-days} are
	 * cleared. One update: a run cut short by its node's death is rolled back and run again by another node.
	 */
	@DisallowConcurrentExecution
	public static class ForgetCardsJob extends QuartzJobBean {

		private final CirculationSweep sweep;

		public ForgetCardsJob(CirculationSweep sweep) {
			this.sweep = sweep;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			sweep.forgetCards();
		}

	}

}
