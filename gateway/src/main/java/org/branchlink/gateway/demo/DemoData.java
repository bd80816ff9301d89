package org.branchlink.gateway.demo;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.IngestMode;
import org.branchlink.sync.catalog.SiteCatalogIngest;

import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.sync.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data: the generated county, its generated catalogue (when the catalogue is empty) and one login
 * per role. Never active in production: the logins' passwords are in the README.
 */
@Component
@Profile("demo")
@Order(-10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The demo API key of the central library's system. */
	static final String CENTRAL_LIBRARY_KEY = "demo-central-library-key";

	private final SiteDirectory sites;

	private final AccountStore accounts;

	private final SiteCatalogIngest ingest;

	private final CatalogSearch search;

	private final int catalogueRecords;

	DemoData(SiteDirectory sites, AccountStore accounts, SiteCatalogIngest ingest, CatalogSearch search,
			@Value("${branchlink.demo.catalogue-records:20000}") int catalogueRecords) {
		this.sites = sites;
		this.accounts = accounts;
		this.ingest = ingest;
		this.search = search;
		this.catalogueRecords = catalogueRecords;
	}

	@Override
	public void run(ApplicationArguments args) {
		sites.load(DemoCounty.registryYaml(), "demo-county.yml", false);
		accounts.save("admin", "demo-admin", "总馆管理员 Central administrator", Set.of(Role.CENTRAL_ADMIN), Set.of());
		accounts.save("librarian", "demo-librarian", "白石镇图书管理员 Baishi librarian", Set.of(Role.LIBRARIAN),
				Set.of(DemoCounty.demoLibrarianSite()));
		accounts.save("reader", "demo-reader", "读者 Reader", Set.of(Role.READER), Set.of());
		accounts.saveApiKey(CENTRAL_LIBRARY_KEY, "central-library", "demo: central library ILS");
		if (search.countWorks() == 0 && catalogueRecords > 0) {
			loadCatalogue();
		}
		log.info("Demo county ready: logins admin, librarian, reader (see README); API key for central-library");
	}

	/** Generates the demo catalogue and feeds each site's file through the real ingest. */
	private void loadCatalogue() {
		long started = System.nanoTime();
		List<DemoCatalogue.Holder> holders = DemoCatalogue.holders(sites.require());
		int records = 0;
		for (Map.Entry<String, byte[]> file : DemoCatalogue.generate(holders, catalogueRecords).entrySet()) {
			records += ingest.ingestFile(file.getKey(), "demo-" + file.getKey() + ".mrc",
					new ByteArrayInputStream(file.getValue()), null, IngestMode.FULL).read();
		}
		log.info("Demo catalogue: {} records from {} sites ingested, {} works, in {} ms", records, holders.size(),
				search.countWorks(), (System.nanoTime() - started) / 1_000_000);
	}

}
