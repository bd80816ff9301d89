package org.branchlink.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the configured registry file at start-up, when it changed since it was last loaded. */
@Component
@Order(0)
class RegistryFileLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegistryFileLoader.class);

	private final SiteProperties properties;

	private final SiteDirectory directory;

	RegistryFileLoader(SiteProperties properties, SiteDirectory directory) {
		this.properties = properties;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.registryFile() == null) {
			directory.current()
				.ifPresentOrElse(registry -> log.info("Site registry in force: {} sites", registry.size()),
						() -> log.warn("No site registry yet: set branchlink.site.registry-file or PUT one to /api/sites"));
			return;
		}
		String yaml;
		try {
			yaml = properties.registryFile().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the site registry " + properties.registryFile(), ex);
		}
		try {
			directory.load(yaml, properties.registryFile().getFilename(), false);
		}
		catch (RegistryValidationException ex) {
			if (properties.failOnInvalidRegistry()) {
				throw ex;
			}
			log.error("{}\nThe registry already in force stays in force.", ex.getMessage());
		}
	}

}
