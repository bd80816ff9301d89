package org.branchlink.gateway.circulation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies events that were accepted but not applied — the node died between the two, or the database failed for a
 * moment. Every node sweeps; a copy's row lock and the event's applied mark keep each event applied once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationSweep {

	private final CirculationLedger ledger;

	CirculationSweep(CirculationLedger ledger) {
		this.ledger = ledger;
	}

	@Scheduled(initialDelay = 2000, fixedDelayString = "${branchlink.circulation.sweep-millis:5000}")
	void sweep() {
		ledger.sweep();
	}

}
