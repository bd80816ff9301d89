package org.branchlink.gateway.demo;

import java.util.Set;

import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.sync.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data: the generated county and one login per role. Never active in production: the logins'
 * passwords are in the README.
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

	DemoData(SiteDirectory sites, AccountStore accounts) {
		this.sites = sites;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		sites.load(DemoCounty.registryYaml(), "demo-county.yml", false);
		accounts.save("admin", "demo-admin", "总馆管理员 Central administrator", Set.of(Role.CENTRAL_ADMIN), Set.of());
		accounts.save("librarian", "demo-librarian", "白石镇图书管理员 Baishi librarian", Set.of(Role.LIBRARIAN),
				Set.of(DemoCounty.demoLibrarianSite()));
		accounts.save("reader", "demo-reader", "读者 Reader", Set.of(Role.READER), Set.of());
		accounts.saveApiKey(CENTRAL_LIBRARY_KEY, "central-library", "demo: central library ILS");
		log.info("Demo county ready: logins admin, librarian, reader (see README); API key for central-library");
	}

}
