package org.branchlink.sync.route;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * Where failed exchanges of every sync route end: recorded in {@code sync_failure} and logged with route and site; a
 * dropped file's exchange then fails, so the file goes to {@code .failed/}.
 */
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
			.id("log")
			// a dropped file that failed whole must not count as done: failing its exchange (after the record above) makes
			// the file consumer move it to .failed/, where the site's staff find it, instead of .done/
			.filter(header(Exchange.FILE_PATH).isNotNull())
			.process(exchange -> {
				throw new FileRefused(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class),
						exchange.getIn().getHeader("error", String.class));
			})
			.id("file-failed");
	}

	/** A dropped file that failed whole, recorded in {@code sync_failure}; the file consumer moves it to {@code .failed/}. */
	static final class FileRefused extends RuntimeException {

		FileRefused(String file, String error) {
			super("file " + file + " failed and was recorded: " + error, null, false, false);
		}

	}

}
