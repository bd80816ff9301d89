package org.branchlink.sync.calendar;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The calendar-feed connector: each firing of the site's feed schedule (a clustered Quartz trigger, so one node
 * fetches) sends into {@code direct:events-ical-<site>}; the route fetches the feed and brings the site's published
 * events in line with it. Instantiated per site by {@code ConnectorRoutes} as {@code events-ical.<site>} for every
 * site whose connector has a {@code calendar-url}.
 */
@Component
public class IcalFeedTemplate extends RouteBuilder {

	public static final String ID = "events-ical";

	@Override
	public void configure() {
		routeTemplate(ID).templateParameter("siteId")
			.templateParameter("url")
			.templateParameter("defaultCategory", "service")
			.templateParameter("horizonDays", "90")
			.from("direct:events-ical-{{siteId}}")
			.routeConfigurationId("sync-errors")
			.setProperty("siteId", constant("{{siteId}}"))
			.id("site")
			.setHeader("feedUrl", constant("{{url}}"))
			.setHeader("defaultCategory", constant("{{defaultCategory}}"))
			.setHeader("horizonDays", constant("{{horizonDays}}"))
			.bean(IcalFeed.class, "sync")
			.id("apply")
			.log("Calendar feed ${header.feedUrl} of site ${exchangeProperty.siteId}: ${body}")
			.id("report");
	}

}
