package org.branchlink.sync.connector.marcfile;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The file-drop connector: a site's MARC exports (ISO 2709 or MARCXML) dropped in its folder are ingested for that
 * site, then moved to {@code .done/<date>/}; a file that fails whole goes to {@code .failed/}. A file is taken once:
 * its name, size and modification time are kept in the database (so two nodes sharing the folder, or a restart,
 * never ingest it twice). Instantiated per site by {@code ConnectorRoutes} as {@code catalog-file.<site>}.
 */
@Component
public class MarcFileDropTemplate extends RouteBuilder {

	public static final String ID = "catalog-file";

	@Override
	public void configure() {
		routeTemplate(ID).templateParameter("siteId")
			.templateParameter("folder")
			.templateParameter("delay", "10000")
			.from("file:{{folder}}?include=.*\\.(mrc|marc|iso|iso2709|dat|xml|csv|xlsx|xls)$&readLock=changed&readLockMinAge=1000"
					+ "&move=.done/${date:now:yyyyMMdd}/${file:name}&moveFailed=.failed/${file:name}"
					+ "&idempotent=true&idempotentKey=${file:name}-${file:size}-${file:modified}"
					+ "&idempotentRepository=#syncIdempotency&delay={{delay}}&initialDelay=1000")
			.routeConfigurationId("sync-errors")
			.setProperty("siteId", constant("{{siteId}}"))
			.id("site")
			.bean(MarcFileIngest.class, "ingest")
			.id("ingest")
			.log("File ${header.CamelFileName} for site ${exchangeProperty.siteId}: ${body}")
			.id("report");
	}

}
