package org.branchlink.gateway.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.branchlink.gateway.GatewayProperties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL started from this JVM on {@code <data-dir>/postgres}, kept across restarts.
 * It is not open to the machine: it listens on 127.0.0.1 only, has no Unix socket, and every connection needs the
 * password generated at the first start into {@code <data-dir>/postgres.password} (mode 600; see {@link PostgresAccess}).
 * A data directory from a version that trusted every local connection is given that password on its next start.
 * Set {@code spring.datasource.url} (and username, password) to use an external PostgreSQL instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(GatewayProperties properties) throws IOException {
		Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath();
		Files.createDirectories(dataDirectory.getParent());
		stopOrphanedServer(dataDirectory);
		long started = System.nanoTime();
		PostgresAccess access = access(properties);
		// a data directory without a password file: from before passwords (or its file was deleted to choose a new one)
		boolean migrating = Files.exists(dataDirectory.resolve("postgresql.conf")) && !access.hasPassword();
		String password = access.password();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(properties.database().port())
			// initdb's options go through the locale settings: the superuser's password from the file, SCRAM everywhere
			.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", access.passwordFile().toString())
			.setConnectConfig("password", password)
			.setDataDirectoryCustomizer(directory -> PostgresAccess.writeRules(directory.toPath(),
					migrating ? PostgresAccess.MIGRATION : PostgresAccess.HOST_BASED_AUTHENTICATION))
			.setServerConfig("listen_addresses", "127.0.0.1")
			// no Unix socket (its default directory, /tmp, is open to every local user); connections come over TCP
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("max_connections", "100")
			// PostgreSQL's default, which the embedded server's library turns off: a commit (an accepted circulation
			// event, a pushed record) is on disk before the caller hears it was taken, even across a power cut
			.setServerConfig("synchronous_commit", "on")
			// PostgreSQL's default 128 MB of buffers is a tenth of a county catalogue: a first load then spent a third
			// of the server's time copying pages from the OS cache and checking their checksums
			.setServerConfig("shared_buffers", properties.database().sharedBuffers())
			// checkpoints every 1 GB of WAL (the default) came every few seconds in a first load
			.setServerConfig("max_wal_size", "4GB")
			// what each statement costs, for the operator (and the benchmarks): the pg_stat_statements view, created below
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			// keys (site and record ids, barcodes, work keys) compare byte by byte instead of through the C library's
			// collation, which took a tenth of PostgreSQL's time in a catalogue load (a new data directory only)
			.setLocaleConfig("lc-collate", "C")
			.start();
		if (migrating) {
			givePassword(postgres, dataDirectory, password);
		}
		statementStatistics(postgres);
		log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", postgres.getPort(),
				dataDirectory, (System.nanoTime() - started) / 1_000_000);
		return postgres;
	}

	/**
	 * The {@code pg_stat_statements} view in the application's database (its library is loaded at start), in a schema of
	 * its own, {@code monitoring}, beside the modules' tables rather than among them.
	 */
	private static void statementStatistics(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists monitoring");
			statement.execute("create extension if not exists pg_stat_statements with schema monitoring");
		}
		catch (SQLException ex) {
			log.warn("pg_stat_statements is not available: {}", ex.getMessage());
		}
	}

	static PostgresAccess access(GatewayProperties properties) {
		return PostgresAccess.at(properties.dataDir().resolve("postgres.password"));
	}

	/**
	 * Gives the superuser of a data directory that trusted every local connection the generated password (its SCRAM
	 * verifier computed by the driver, so the password never travels), then requires it from every connection.
	 */
	private static void givePassword(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
			PostgresAccess.writeRules(dataDirectory, PostgresAccess.HOST_BASED_AUTHENTICATION);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("could not give the embedded PostgreSQL in " + dataDirectory + " a password", ex);
		}
		log.warn("The embedded PostgreSQL in {} trusted every local connection; it now needs the password in {}",
				dataDirectory, dataDirectory.resolveSibling("postgres.password"));
	}

	/**
	 * When the previous run was killed (power cut, OOM killer, kill -9), its PostgreSQL server outlives it and holds the
	 * data directory: stop it (a fast shutdown; PostgreSQL's own recovery makes the data consistent) before starting.
	 */
	static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			return;
		}
		var server = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		if (server.isEmpty()) {
			return;
		}
		log.warn("PostgreSQL (pid {}) of a run that did not stop cleanly still holds {}; stopping it", pid, dataDirectory);
		server.get().destroy(); // SIGTERM
		try {
			server.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IOException("the orphaned PostgreSQL (pid " + pid + ") did not stop", ex);
		}
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres, GatewayProperties properties) throws IOException {
		HikariDataSource dataSource = new HikariDataSource();
		// batched inserts become multi-row inserts: the ingest writes records and items in batches of 1,000
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
		dataSource.setUsername("postgres");
		dataSource.setPassword(access(properties).password());
		dataSource.setPoolName("embedded-postgres");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
