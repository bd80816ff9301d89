package org.branchlink.sync.outbound;

import org.apache.camel.builder.RouteBuilder;
import org.branchlink.sync.SyncProperties;

import org.springframework.stereotype.Component;

/**
 * Forgets the site changes older than {@code branchlink.sync.webhooks.retention}, every hour on every node (a delete by
 * age: running it twice does no harm).
 */
@Component
class SiteChangeRetention extends RouteBuilder {

	private final SiteChanges changes;

	private final SyncProperties properties;

	SiteChangeRetention(SiteChanges changes, SyncProperties properties) {
		this.changes = changes;
		this.properties = properties;
	}

	@Override
	public void configure() {
		from("timer:site-change-retention?period=3600000&delay=300000")
			.routeId("site-change-retention")
			.process(exchange -> exchange.getIn().setBody(changes.purge(properties.webhooks().retention())))
			.id("retention-purge")
			.filter(body().isGreaterThan(0))
			.log("Site changes older than the retention forgotten: ${body}")
			.id("retention-log");
	}

}
