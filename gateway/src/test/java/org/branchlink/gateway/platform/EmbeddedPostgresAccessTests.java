package org.branchlink.gateway.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.branchlink.gateway.GatewayProperties;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL, started as the application starts it, is not open to the machine: no connection without
 * the generated password, which only the application's OS user can read; loopback only; no Unix socket; no
 * {@code trust} rule. A data directory of an older version (which trusted everyone) is given the password.
 */
class EmbeddedPostgresAccessTests {

	@Test
	void aNewDatabaseTakesOnlyTheGeneratedPasswordOverLoopback() throws Exception {
		GatewayProperties properties = properties(IntegrationTest.freshDataDir());
		try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
			Path passwordFile = properties.dataDir().resolve("postgres.password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
			String password = Files.readString(passwordFile).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(40);

			assertRefused(postgres.getPort(), null);
			assertRefused(postgres.getPort(), "postgres");
			assertRefused(postgres.getPort(), password + "x");
			try (Connection c = connect(postgres.getPort(), password)) {
				assertThat(value(c, "show listen_addresses")).isEqualTo("127.0.0.1");
				assertThat(value(c, "show unix_socket_directories")).isEmpty();
				assertThat(value(c, "show password_encryption")).isEqualTo("scram-sha-256");
				assertThat(value(c, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
					.isEqualTo("t");
				assertThat(values(c, "select distinct auth_method from pg_hba_file_rules where error is null"))
					.containsExactly("scram-sha-256");
				assertThat(value(c, "select count(*) from pg_hba_file_rules where error is not null")).isEqualTo("0");
			}
			assertThat(Path.of("/tmp", ".s.PGSQL." + postgres.getPort())).doesNotExist();
		}
	}

	@Test
	void aDataDirectoryThatTrustedEveryoneIsGivenThePasswordOnStart() throws Exception {
		GatewayProperties properties = properties(IntegrationTest.freshDataDir());
		Path dataDirectory = properties.dataDir().resolve("postgres");
		// as the versions before passwords left it: initdb's "trust" for every local connection
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1").start()) {
			try (Connection c = connect(old.getPort(), null)) {
				assertThat(value(c, "select count(*) from pg_hba_file_rules where auth_method = 'trust'")).isNotEqualTo("0");
			}
		}

		try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
			String password = Files.readString(properties.dataDir().resolve("postgres.password")).strip();
			try (Connection c = connect(postgres.getPort(), password)) {
				assertThat(values(c, "select distinct auth_method from pg_hba_file_rules")).containsExactly("scram-sha-256");
			}
			// the new rules are in force once the server has reloaded them
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertRefused(postgres.getPort(), null));
			assertRefused(postgres.getPort(), "postgres");
		}

		try (EmbeddedPostgres again = new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
				Connection c = connect(again.getPort(), Files.readString(properties.dataDir().resolve("postgres.password")).strip())) {
			assertRefused(again.getPort(), null);
			assertThat(value(c, "select 1")).isEqualTo("1");
		}
	}

	private static GatewayProperties properties(Path dataDir) {
		return new GatewayProperties(dataDir, new GatewayProperties.Database(0, "128MB"),
				new GatewayProperties.Cluster("access-test", List.of(), 5701, "127.0.0.1"),
				new GatewayProperties.Live(1000, Duration.ofMinutes(10), Duration.ofSeconds(15)));
	}

	private static void assertRefused(int port, String password) {
		assertThatThrownBy(() -> connect(port, password).close()).isInstanceOf(SQLException.class)
			.hasMessageContaining("password");
	}

	private static Connection connect(int port, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
	}

	private static String value(Connection c, String sql) throws SQLException {
		return values(c, sql).get(0);
	}

	private static List<String> values(Connection c, String sql) throws SQLException {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

}
