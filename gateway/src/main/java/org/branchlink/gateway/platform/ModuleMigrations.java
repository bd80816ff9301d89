package org.branchlink.gateway.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each module's migrations as a sequence of its own: {@code db/migration/<module>/} in the module's jar, applied by a
 * Flyway of its own with its own history table ({@code flyway_history_<module>}), modules in the order they depend on
 * each other. So a module numbers its migrations without knowing any other module's numbers.
 * <p>
 * A database made before this (one sequence for all, in {@code flyway_schema_history}) is adopted: a module whose
 * history table does not exist yet starts from the highest of its versions the old history applied, and runs only
 * what is newer.
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	/** The modules from the bottom up: a module's tables may refer to those of the modules before it. */
	static final List<String> ORDER = List.of("site", "catalog", "sync", "gateway");

	private static final String LEGACY_HISTORY = "flyway_schema_history";

	@Override
	public void migrate(Flyway flyway) {
		Set<String> found = modules();
		if (!ORDER.containsAll(found)) {
			throw new IllegalStateException("migrations of modules " + found + " but the order knows only " + ORDER
					+ ": add the new module to ModuleMigrations.ORDER");
		}
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		Set<MigrationVersion> legacy = legacyVersions(dataSource);
		for (String module : ORDER) {
			if (!found.contains(module)) {
				continue;
			}
			Flyway moduleFlyway = configure(flyway, module).baselineOnMigrate(true)
				.baselineVersion(adoptedVersion(flyway, module, legacy))
				.baselineDescription("adopted from the one sequence of all modules")
				.load();
			int applied = moduleFlyway.migrate().migrationsExecuted;
			if (applied > 0) {
				log.info("Migrations: {} applied for module {}", applied, module);
			}
		}
	}

	private static FluentConfiguration configure(Flyway flyway, String module) {
		return Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.locations("classpath:db/migration/" + module)
			.table("flyway_history_" + module);
	}

	/**
	 * Where an adopted module starts: the highest of its own versions that the one old sequence applied ("0", all of
	 * them to run, when none was or there is no old history).
	 */
	private static MigrationVersion adoptedVersion(Flyway flyway, String module, Set<MigrationVersion> legacy) {
		if (legacy.isEmpty()) {
			return MigrationVersion.fromVersion("0");
		}
		MigrationInfo[] own = configure(flyway, module).load().info().all();
		return Arrays.stream(own)
			.map(MigrationInfo::getVersion)
			.filter(legacy::contains)
			.max(MigrationVersion::compareTo)
			.orElse(MigrationVersion.fromVersion("0"));
	}

	/** The versions the one old sequence applied successfully, or none when there is no old history. */
	private static Set<MigrationVersion> legacyVersions(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		boolean exists = jdbc.sql("select to_regclass(:table) is not null").param("table", LEGACY_HISTORY)
			.query(Boolean.class).single();
		if (!exists) {
			return Set.of();
		}
		Set<MigrationVersion> versions = new TreeSet<>();
		jdbc.sql("select version from " + LEGACY_HISTORY + " where success and version is not null")
			.query(String.class)
			.list()
			.forEach(v -> versions.add(MigrationVersion.fromVersion(v)));
		return versions;
	}

	/** The modules with migrations on the class path. */
	static Set<String> modules() {
		try {
			Set<String> modules = new LinkedHashSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/*/*.sql")) {
				String path = resource.getURL().toString();
				String folder = path.substring(0, path.lastIndexOf('/'));
				modules.add(folder.substring(folder.lastIndexOf('/') + 1));
			}
			return modules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
