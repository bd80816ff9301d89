package org.branchlink.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.branchlink.site.ModuleMigrations;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * What the sync routes run on, without the gateway: the beans of the site, catalog and sync modules, Camel and Quartz
 * (in memory) from Spring Boot's auto-configuration, the catalogue's embedded Solr on the repository's configset, and a
 * real PostgreSQL started by the test JVM with the migrations of the three modules, each its own sequence as the
 * application runs them.
 */
@SpringBootApplication(scanBasePackages = { "org.branchlink.site", "org.branchlink.catalog", "org.branchlink.sync" })
@ConfigurationPropertiesScan({ "org.branchlink.site", "org.branchlink.catalog", "org.branchlink.sync" })
class SyncTestApplication {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		Path directory = RouteTest.DATA_DIR.resolve("postgres");
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "''")
			// as the application's database is made: keys compare byte by byte
			.setLocaleConfig("lc-collate", "C")
			.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
		dataSource.setUsername("postgres");
		dataSource.setPoolName("sync-test-postgres");
		dataSource.setMaximumPoolSize(10);
		// as the application migrates: each module its own sequence (here site, catalog and sync are on the class path)
		ModuleMigrations.migrate(Flyway.configure().dataSource(dataSource));
		return dataSource;
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
