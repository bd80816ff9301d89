package org.branchlink.sync.connector.marcfile;

import java.io.InputStream;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.branchlink.catalog.IngestReport;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.stereotype.Component;

/** Ingests one dropped file for its site, with the site's connector settings. */
@Component
public class MarcFileIngest {

	private final SiteCatalogIngest ingest;

	MarcFileIngest(SiteCatalogIngest ingest) {
		this.ingest = ingest;
	}

	public IngestReport ingest(@ExchangeProperty("siteId") String siteId, @Header(Exchange.FILE_NAME) String fileName,
			@Body InputStream content) {
		return ingest.ingestFile(siteId, fileName, content, null, null);
	}

}
