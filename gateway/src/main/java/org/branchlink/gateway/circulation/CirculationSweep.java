package org.branchlink.gateway.circulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Housekeeping of the journal. Applies events that were accepted but not applied — the node died between the two, or the database failed for a
 * moment. Every node sweeps; a copy's row lock and the event's applied mark keep each event applied once.
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
	@Scheduled(cron = "${branchlink.circulation.forget-cron:0 30 3 * * *}", zone = "#{@countyZone.id}")
	public void forgetCards() {
		int cleared = store.forgetCards(properties.journalCardDays());
		log.info("Circulation journal: reader cards cleared from {} events older than {} days", cleared,
				properties.journalCardDays());
	}

	@Scheduled(initialDelay = 2000, fixedDelayString = "${branchlink.circulation.sweep-millis:5000}")
	void sweep() {
		ledger.sweep();
	}

}
