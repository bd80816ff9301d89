package org.branchlink.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * More application nodes for a test, on the test's PostgreSQL, forming a Hazelcast cluster of their own. Start them
 * one after the other: two Spring Boot applications starting at once in one JVM can race on the shared logging system
 * ("Unable to find Spring Environment in logger context"); each node's member joins the other whenever it comes up.
 */
public final class ClusterNodes {

	private ClusterNodes() {
	}

	/**
	 * A node with its own data directory, Quartz scheduler name (Quartz keeps data sources in a JVM-wide registry by
	 * that name) and Hazelcast port, listing the other node as member.
	 *
	 * @param cluster the cluster's name, one per test
	 * @param settings more {@code --name=value} arguments
	 */
	public static ConfigurableApplicationContext node(EmbeddedPostgres postgres, String cluster, String name, int port,
			int otherPort, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" + IntegrationTest.databasePassword(),
				"--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=branchlink-" + cluster + "-" + name,
				"--branchlink.gateway.cluster.name=" + cluster, "--branchlink.gateway.cluster.port=" + port,
				"--branchlink.gateway.cluster.members=127.0.0.1:" + otherPort));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(BranchLinkApplication.class).run(arguments.toArray(String[]::new));
	}

	/** The HTTP port a node listens on. */
	public static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
