package org.branchlink.sync.connector.marcfile;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * The file-drop connector: a site's MARC exports (ISO 2709 or MARCXML) dropped in its folder are ingested for that
 * site, then moved to {@code .done/<date>/}; a file that fails whole goes to {@code .failed/}. Every node polls the
 * folder (it may be shared between them); a file is taken by one node, once it has stopped changing, through its lock
 * row in the database ({@code #fileLocks}: see {@code SyncRouteConfiguration}). When that node dies mid-file, another
 * takes the file over once the lock is {@code file-lock-max-age} old and ingests it whole again (records are stored by
 * their id, so the records the dead node had stored are replaced, not doubled). Instantiated per site by
 * {@code ConnectorRoutes} as {@code catalog-file.<site>}.
 */
@Component
public class MarcFileDropTemplate extends RouteBuilder {

	public static final String ID = "catalog-file";

	@Override
	public void configure() {
		routeTemplate(ID).templateParameter("siteId")
			.templateParameter("folder")
			.templateParameter("delay", "10000")
			.from("file:{{folder}}?include=.*\\.(mrc|marc|iso|iso2709|dat|xml|csv|xlsx|xls)$"
					+ "&readLock=idempotent-changed&readLockMinAge=1000&readLockRemoveOnCommit=true"
					+ "&idempotentKey=catalog-file/{{siteId}}/${file:name}&idempotentRepository=#fileLocks"
					+ "&move=.done/${date:now:yyyyMMdd}/${file:name}&moveFailed=.failed/${file:name}"
					+ "&delay={{delay}}&initialDelay=1000")
			.routeConfigurationId("sync-errors")
			.setProperty("siteId", constant("{{siteId}}"))
			.id("site")
			.bean(MarcFileIngest.class, "ingest")
			.id("ingest")
			.log("File ${header.CamelFileName} for site ${exchangeProperty.siteId}: ${body}")
			.id("report");
	}

}
