package org.branchlink.sync.route;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/** Where failed exchanges of every sync route end: recorded in {@code sync_failure} and logged with route and site. */
@Component
class DeadLetterRoute extends RouteBuilder {

	@Override
	public void configure() {
		from(SyncErrorHandling.DEAD_LETTER).routeId("sync-dead-letter")
			.setHeader("failedRoute", exchangeProperty(Exchange.FAILURE_ROUTE_ID))
			.setHeader("error", simple("${exception.class.simpleName}: ${exception.message}"))
			.to("sql:insert into sync_failure (route_id, site_id, source, error) values "
					+ "(:#${header.failedRoute}, :#${exchangeProperty.siteId}, :#${header.CamelFileName}, :#${header.error})")
			.id("record")
			.log(LoggingLevel.ERROR, "Sync route ${header.failedRoute} failed for site ${exchangeProperty.siteId}: ${header.error}")
			.id("log");
	}

}
