package org.branchlink.sync.route;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.branchlink.catalog.CatalogIndexException;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The error handling every sync route shares: transient failures (Solr or the database unreachable) are retried
 * with exponential back-off; what still fails goes to the dead-letter route with the original message, which records
 * it with its route and site. Bad records never get here: they are quarantined by the ingest and the run goes on.
 */
@Component
class SyncErrorHandling extends RouteConfigurationBuilder {

	static final String ID = "sync-errors";

	static final String DEAD_LETTER = "direct:sync-dead-letter";

	@Override
	public void configuration() {
		var configuration = routeConfiguration(ID);
		// deadLetterHandleNewException(false): the dead-letter route fails a file's exchange on purpose once the failure
		// is recorded, so the file consumer moves the file to .failed/ instead of .done/
		configuration.errorHandler(deadLetterChannel(DEAD_LETTER).deadLetterHandleNewException(false)
			.useOriginalMessage()
			.maximumRedeliveries(0)
			.logExhaustedMessageHistory(false));
		configuration.onException(CatalogIndexException.class, TransientDataAccessException.class)
			.maximumRedeliveries(5)
			.redeliveryDelay(1000)
			.useExponentialBackOff()
			.backOffMultiplier(2)
			.useOriginalMessage()
			.to(DEAD_LETTER)
			.handled(true);
	}

}
