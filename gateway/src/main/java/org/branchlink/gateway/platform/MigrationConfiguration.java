package org.branchlink.gateway.platform;

import org.branchlink.site.ModuleMigrations;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot's Flyway migrates module by module ({@link ModuleMigrations}), each module its own sequence. */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

	@Bean
	FlywayMigrationStrategy moduleMigrations() {
		return flyway -> ModuleMigrations.migrate(flyway.getConfiguration());
	}

}
