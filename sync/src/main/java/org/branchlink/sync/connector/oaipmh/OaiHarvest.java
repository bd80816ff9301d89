package org.branchlink.sync.connector.oaipmh;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.branchlink.catalog.IngestReport;

import org.springframework.stereotype.Component;

/** The route's bean: one harvest with the site's connector settings. */
@Component
public class OaiHarvest {

	private final OaiPmhHarvester harvester;

	OaiHarvest(OaiPmhHarvester harvester) {
		this.harvester = harvester;
	}

	public IngestReport harvest(@ExchangeProperty("siteId") String siteId, @Header("baseUrl") String baseUrl,
			@Header("metadataPrefix") String metadataPrefix, @Header("set") String set) {
		return harvester.harvest(siteId, baseUrl, metadataPrefix, set == null || set.isBlank() ? null : set);
	}

}
