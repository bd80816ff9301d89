package org.branchlink.gateway.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.ModuleMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module migrates its own sequence into its own history table, from the bottom module up; a database made with
 * the one old sequence is adopted without running anything again. Each case uses a database of its own in the test
 * application's PostgreSQL.
 */
class ModuleMigrationsTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicationsDatabaseHasAHistoryPerModule() {
		Map<String, Long> applied = new TreeMap<>();
		for (String module : ModuleMigrations.ORDER) {
			applied.put(module, jdbc.sql("select count(*) from flyway_history_" + module + " where success")
				.query(Long.class).single());
		}
		assertThat(applied).allSatisfy((module, n) -> assertThat(n).as(module).isPositive());
	}

	@Test
	void theOrderNamesEveryModuleWithMigrations() throws Exception {
		// a new module's migrations would not run until it is placed in the order
		try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
			assertThat(modules.filter(module -> Files.isDirectory(module.resolve("src/main/resources/db/migration")))
				.map(module -> module.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ModuleMigrations.ORDER);
		}
	}

	@Test
	void aDatabaseOfTheOneOldSequenceIsAdoptedAndNothingRunsTwice() throws Exception {
		DataSource old = database();
		// as the application migrated before: every module's folder in one sequence, one history table; the site module
		// had only its V1 then (its later versions are of its own sequence and may share a number with another module's)
		Path legacyFolder = Files.createTempDirectory(DATA_DIR, "legacy-migrations");
		int siteLater = 0;
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*__*.sql")) {
			String module = Path.of(resource.getURI().toString().replaceFirst("^.*/db/migration/", "")).getParent().toString();
			String name = resource.getFilename();
			if (module.equals("site") && Integer.parseInt(name.substring(1, name.indexOf("__"))) > 1) {
				siteLater++;
				continue;
			}
			Files.createDirectories(legacyFolder.resolve(module));
			try (var in = resource.getInputStream()) {
				Files.copy(in, legacyFolder.resolve(module).resolve(name));
			}
		}
		int legacy = Flyway.configure().dataSource(old).locations("filesystem:" + legacyFolder).load().migrate().migrationsExecuted;
		assertThat(legacy).isGreaterThan(30);
		JdbcClient db = JdbcClient.create(old);
		db.sql("""
				insert into federation (id, name_zh, name_en, area_code, source, source_sha256, loaded_at)
				values ('kept', '留存县', 'Kept County', '330399000000', 'test', 'none', now())""").update();

		ModuleMigrations.migrate(Flyway.configure().dataSource(old));

		for (String module : ModuleMigrations.ORDER) {
			assertThat(db.sql("select count(*) from flyway_history_" + module + " where type <> 'BASELINE'")
				.query(Long.class).single()).as("migrations run after the adoption for " + module)
				.isEqualTo(module.equals("site") ? siteLater : 0);
		}
		// the catalog starts from the highest of its own versions the old sequence applied (here: all of them)
		String newestCatalog = Arrays.stream(new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/catalog/V*__*.sql"))
			.map(file -> Integer.parseInt(file.getFilename().substring(1, file.getFilename().indexOf("__"))))
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.toString();
		assertThat(db.sql("select version from flyway_history_catalog where type = 'BASELINE'").query(String.class).single())
			.isEqualTo(newestCatalog);
		assertThat(db.sql("select version from flyway_history_site where type = 'BASELINE'").query(String.class).single())
			.isEqualTo("1");
		assertThat(db.sql("select count(*) from federation where id = 'kept'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aNewDatabaseRunsEveryModulesMigrationsInOrder() {
		DataSource fresh = database();
		ModuleMigrations.migrate(Flyway.configure().dataSource(fresh));
		JdbcClient db = JdbcClient.create(fresh);
		long tables = db.sql("select count(*) from information_schema.tables where table_schema = 'public'")
			.query(Long.class).single();
		long mainTables = jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
			.query(Long.class).single();
		assertThat(tables).isEqualTo(mainTables);
		assertThat(db.sql("select count(*) from flyway_history_gateway where version = '61'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(db.sql("select to_regclass('flyway_schema_history') is null").query(Boolean.class).single())
			.as("no old history in a new database").isTrue();
	}

	/** A new, empty database in the test application's PostgreSQL. */
	private DataSource database() {
		String name = "migrations_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		jdbc.sql("create database " + name).update();
		HikariDataSource hikari = (HikariDataSource) dataSource;
		String url = hikari.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
		return new DriverManagerDataSource(url, hikari.getUsername(), hikari.getPassword());
	}

}
