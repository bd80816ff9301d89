package org.branchlink.site;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each module's migrations as a sequence of its own: {@code db/migration/<module>/} in the module's jar, applied by a
 * Flyway of its own with its own history table ({@code flyway_history_<module>}), modules in the order they depend on
 * each other. So a module numbers its migrations without knowing any other module's numbers. It stands in the bottom
 * module so that the application and every module's tests migrate the same way.
 * <p>
 * A database made before this (one sequence for all, in {@code flyway_schema_history}) is adopted: a module whose
 * history table does not exist yet starts from the highest of its migrations the old history applied (matched by
 * version and description, as modules number alike), and runs only what is newer.
 */
public final class ModuleMigrations {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	/** The modules from the bottom up: a module's tables may refer to those of the modules before it. */
	public static final List<String> ORDER = List.of("site", "catalog", "sync", "gateway");

	private static final String ALL = "classpath:db/migration";

	private static final String LEGACY_HISTORY = "flyway_schema_history";


	private ModuleMigrations() {
	}

	/**
	 * Migrates every module with migrations on the class path, from the bottom up.
	 *
	 * @param base the data source, class loader and other settings (Spring Boot's Flyway, or a test's)
	 */
	public static void migrate(Configuration base) {
		// the migrations the one old sequence applied, by version and description: its history read on its own (no
		// migrations scanned, so modules may number alike: a module's later V2 is not another module's old V2); none in
		// a database made since, or a new one
		Set<String> legacy = Arrays.stream(configure(base, LEGACY_HISTORY).load().info().applied())
			.filter(MigrationInfo::isVersioned)
			.map(ModuleMigrations::key)
			.collect(Collectors.toCollection(TreeSet::new));
		for (String module : ORDER) {
			FluentConfiguration own = configure(base, "flyway_history_" + module, ALL + "/" + module);
			MigrationInfo[] migrations = own.load().info().all();
			if (migrations.length == 0) {
				continue; // a module not on this class path (a module's own tests)
			}
			int applied = own.baselineOnMigrate(true)
				.baselineVersion(adoptedVersion(migrations, legacy))
				.baselineDescription("adopted from the one sequence of all modules")
				.load()
				.migrate().migrationsExecuted;
			if (applied > 0) {
				log.info("Migrations: {} applied for module {}", applied, module);
			}
		}
	}

	/** A migration as the old history knows it: its version and description (one module's V2 is not another's). */
	private static String key(MigrationInfo migration) {
		return migration.getVersion() + " " + migration.getDescription();
	}

	/** The base settings with this history table and these locations (none: the history alone). */
	private static FluentConfiguration configure(Configuration base, String table, String... locations) {
		return Flyway.configure(base.getClassLoader()).configuration(base).locations(locations).table(table);
	}

	/**
	 * Where an adopted module starts: the highest of its own versions that the one old sequence applied ("0", all of
	 * them to run, when none was or there is no old history).
	 */
	private static MigrationVersion adoptedVersion(MigrationInfo[] own, Set<String> legacy) {
		return Arrays.stream(own)
			.filter(migration -> migration.getVersion() != null && legacy.contains(key(migration)))
			.map(MigrationInfo::getVersion)
			.max(MigrationVersion::compareTo)
			.orElse(MigrationVersion.fromVersion("0"));
	}

}
