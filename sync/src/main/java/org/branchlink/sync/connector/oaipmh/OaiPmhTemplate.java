package org.branchlink.sync.connector.oaipmh;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The OAI-PMH connector: each firing of the site's harvest schedule (a clustered Quartz trigger, so one node harvests)
 * sends into {@code direct:catalog-oai-<site>}, and this route harvests the site's repository. Instantiated per site
 * by {@code ConnectorRoutes} as {@code catalog-oai.<site>}.
 */
@Component
public class OaiPmhTemplate extends RouteBuilder {

	public static final String ID = "catalog-oai";

	@Override
	public void configure() {
		routeTemplate(ID).templateParameter("siteId")
			.templateParameter("baseUrl")
			.templateParameter("metadataPrefix", "marcxml")
			.templateParameter("set", "")
			.from("direct:catalog-oai-{{siteId}}")
			.routeConfigurationId("sync-errors")
			.setProperty("siteId", constant("{{siteId}}"))
			.id("site")
			.setHeader("baseUrl", constant("{{baseUrl}}"))
			.setHeader("metadataPrefix", constant("{{metadataPrefix}}"))
			.setHeader("set", constant("{{set}}"))
			.bean(OaiHarvest.class, "harvest")
			.id("harvest")
			.log("OAI-PMH harvest of ${header.baseUrl} for site ${exchangeProperty.siteId}: ${body}")
			.id("report");
	}

}
