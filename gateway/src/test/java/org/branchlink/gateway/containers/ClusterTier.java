package org.branchlink.gateway.containers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Network.Ipam;
import com.github.dockerjava.api.model.Ports;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

import static org.awaitility.Awaitility.await;

/**
 * The container tier's topology, built here from the base image of {@code deploy/containers/build-base} (Debian's
 * packages) and the project's own jars: one PostgreSQL, one ZooKeeper, two Solr nodes holding the catalogue with a
 * replica on each, three gateway nodes in one Hazelcast and Quartz cluster, and nginx in front of them. Containers are
 * reached from the test through their mapped ports, re-read after every restart; faults are made with the Docker API
 * ({@code docker kill}, {@code docker network disconnect}). Nothing outlives the test: {@link #close()} removes it all.
 */
final class ClusterTier implements AutoCloseable {

	static final String BASE = "branchlink/base:bookworm";

	/** Where {@code build-base} writes its process id while it builds {@link #BASE}. */
	private static final Path BUILDING = Path.of("/var/tmp/branchlink-base.building");

	static final String PASSWORD = "tier-secret";

	static final String API_KEY = "demo-central-library-key";

	private static final Logger log = LoggerFactory.getLogger(ClusterTier.class);

	private static final int GATEWAY_PORT = 8080;

	private static final String SUBNET = "172.31.231.0/24";

	/** The tier network's gateway: the address this machine's requests come from, directly or through nginx. */
	static final String HOST_ADDRESS = "172.31.231.1";

	/** The images' files, shared with {@code deploy/containers/try-cluster}. */
	private static final Path DEPLOY = Path.of("..", "deploy", "containers");

	private final DockerClient docker = DockerClientFactory.instance().client();

	/**
	 * The tier's network, with a subnet of its own so that a container reconnected after a cut keeps its address (its
	 * Hazelcast member is bound to it); Docker gives fixed addresses only on networks with a configured subnet.
	 */
	private final Network network = Network.builder()
		.createNetworkCmdModifier(cmd -> cmd.withIpam(new Ipam()
			.withConfig(new Ipam.Config().withSubnet(SUBNET).withGateway(HOST_ADDRESS))))
		.build();

	private final List<GenericContainer<?>> started = new CopyOnWriteArrayList<>();

	private final Map<String, String> gatewayEnvironment = new HashMap<>();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	GenericContainer<?> postgres;

	GenericContainer<?> zookeeper;

	final List<GenericContainer<?>> solr = new ArrayList<>();

	final List<GenericContainer<?>> gateways = new ArrayList<>();

	GenericContainer<?> balancer;

	/**
	 * Why the tier cannot run here, if it cannot: no Docker engine, or no base image built. A build of the base image
	 * still running ({@code deploy/containers/build-base} marks it; {@code .ci/run} starts one in the background) is
	 * waited for, up to 15 minutes.
	 */
	static Optional<String> unavailable() {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return Optional.of("no Docker engine answers (start dockerd; .ci/run does)");
		}
		try {
			await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).until(() -> !baseImageBuilding());
		}
		catch (ConditionTimeoutException ex) {
			return Optional.of("the build of " + BASE + " has run for more than 15 minutes: see " + BUILDING);
		}
		try {
			DockerClientFactory.instance().client().inspectImageCmd(BASE).exec();
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of("no " + BASE + " image: run deploy/containers/build-base as root (.ci/run does)");
		}
	}

	/** Whether {@code build-base} is building the base image now: its marker names a process that is alive. */
	private static boolean baseImageBuilding() {
		try {
			if (!Files.exists(BUILDING)) {
				return false;
			}
			long pid = Long.parseLong(Files.readString(BUILDING).strip());
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			return false; // gone or half-written: the image is looked for as it is
		}
	}

	/**
	 * For a benchmark whose hundreds of simulated readers all come from this one machine: the gateways take the client's
	 * address from nginx's {@code X-Forwarded-For} (as in production) and never count this machine's requests against
	 * the per-client rate limits, which would otherwise answer most of them 429.
	 */
	ClusterTier exemptingThisMachineFromRateLimits() {
		gatewayEnvironment.put("SERVER_FORWARDHEADERSSTRATEGY", "native");
		gatewayEnvironment.put("BRANCHLINK_SECURITY_RATELIMITS_EXEMPT_0", HOST_ADDRESS);
		return this;
	}

	/** Starts everything, in dependency order; the first gateway loads the demo county into PostgreSQL and SolrCloud. */
	ClusterTier start() {
		String solrImage = solrImage();
		String gatewayImage = gatewayImage();
		postgres = container(BASE, "db")
			.withCopyToContainer(Transferable.of(deployFile("start-postgres"), 0755), "/usr/local/bin/start-postgres")
			.withCreateContainerCmdModifier(cmd -> cmd.withUser("postgres"))
			.withEnv("PGPASSWORD", PASSWORD)
			.withCommand("/usr/local/bin/start-postgres")
			.withExposedPorts(5432)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 1)
				.withStartupTimeout(Duration.ofMinutes(2)));
		run(postgres);
		zookeeper = container(solrImage, "zk")
			.withCommand("java", "-Xmx256m", "-Dzookeeper.admin.enableServer=false", "-cp", "/opt/tier/classes:/opt/tier/lib/*",
					"org.apache.zookeeper.server.ZooKeeperServerMain", "2181", "/var/lib/zookeeper")
			.waitingFor(Wait.forLogMessage(".*binding to port.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
		run(zookeeper);
		for (int i = 1; i <= 2; i++) {
			GenericContainer<?> node = container(solrImage, "solr" + i)
				.withCommand("java", "-Xmx512m", "-Dsolr.log.dir=/var/solr/logs", "-cp", "/opt/tier/classes:/opt/tier/lib/*",
						SolrNode.class.getName(), "zk:2181", "solr" + i, "8983", "/var/solr")
				.waitingFor(Wait.forLogMessage(".*Solr node .* up.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
			run(node);
			solr.add(node);
		}
		for (int i = 1; i <= 3; i++) {
			gateways.add(container(gatewayImage, "gw" + i).withNetworkAliases("gateways")
				.withExposedPorts(GATEWAY_PORT)
				.withEnv("PGPASSWORD", PASSWORD).withEnv(gatewayEnvironment).withCommand("--spring.profiles.active=demo,tier")
				.waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(GATEWAY_PORT).forStatusCode(200)
					.withStartupTimeout(Duration.ofMinutes(6))));
		}
		// the first loads the demo county; the other two, finding it loaded, start side by side
		run(gateways.get(0));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(gateways.get(1)));
		try {
			run(gateways.get(2));
		}
		finally {
			second.join(); // started or failed, before anything is closed
		}
		balancer = container(BASE, "lb").withExposedPorts(80)
			.withCopyToContainer(Transferable.of(deployFile("nginx.conf")), "/etc/nginx/nginx.conf")
			.withCommand("nginx", "-g", "daemon off;")
			.waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(80).forStatusCode(200));
		run(balancer);
		return this;
	}

	private GenericContainer<?> container(String image, String alias) {
		return new GenericContainer<>(image).withNetwork(network).withNetworkAliases(alias)
			.withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("tier." + alias)).withSeparateOutputStreams());
	}

	private void run(GenericContainer<?> container) {
		container.start();
		started.add(container);
	}

	/** The catalogue's Solr nodes and ZooKeeper: the project's test classpath (Solr, smartcn, ICU, ZooKeeper jars). */
	private String solrImage() {
		ImageFromDockerfile image = new ImageFromDockerfile("branchlink/tier-solr", false)
			.withFileFromPath("Dockerfile", DEPLOY.resolve("Dockerfile.solr"));
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		for (String entry : classpath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
				image.withFileFromPath("lib/" + path.getFileName(), path);
			}
		}
		Path launcher = Path.of("target", "test-classes", SolrNode.class.getName().replace('.', '/') + ".class");
		image.withFileFromPath("classes/" + SolrNode.class.getName().replace('.', '/') + ".class", launcher);
		image.withFileFromPath("classes/logback.xml", DEPLOY.resolve("logback.xml"));
		return image.get();
	}

	/** A gateway node: the packaged jar, as a county runs it. */
	private static String gatewayImage() {
		Path jar = Path.of("target", "branchlink.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("target/branchlink.jar is made by the package phase");
		}
		return new ImageFromDockerfile("branchlink/tier-gateway", false)
			.withFileFromPath("Dockerfile", DEPLOY.resolve("Dockerfile.gateway"))
			.withFileFromPath("branchlink.jar", jar)
			.withFileFromPath("start-gateway", DEPLOY.resolve("start-gateway"))
			.withFileFromPath("application-tier.yml", DEPLOY.resolve("application-tier.yml"))
			.get();
	}

	private static String deployFile(String name) {
		try {
			return Files.readString(DEPLOY.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The URL of a path through the load balancer. */
	URI through(String path) {
		return URI.create("http://" + balancer.getHost() + ":" + balancer.getMappedPort(80) + path);
	}

	/** The URL of a path on one gateway node, by its mapped port as it is now (it changes when a node restarts). */
	URI on(GenericContainer<?> node, String path) {
		return URI.create("http://" + node.getHost() + ":" + hostPort(node, GATEWAY_PORT) + path);
	}

	private int hostPort(GenericContainer<?> node, int port) {
		Map<ExposedPort, Ports.Binding[]> bindings = docker.inspectContainerCmd(node.getContainerId()).exec()
			.getNetworkSettings().getPorts().getBindings();
		Ports.Binding[] bound = bindings.get(ExposedPort.tcp(port));
		if (bound == null || bound.length == 0) {
			throw new IllegalStateException(node.getNetworkAliases() + " publishes no port " + port);
		}
		return Integer.parseInt(Arrays.stream(bound).filter(b -> !b.getHostIp().contains(":")).findFirst()
			.orElse(bound[0]).getHostPortSpec());
	}

	/**
	 * The gateway node that answered, by the address nginx names in {@code X-Node}: {@code 172.18.0.7:8080}, or the
	 * nodes it tried in turn ({@code 172.18.0.5:8080, 172.18.0.7:8080}), the last one answering.
	 */
	GenericContainer<?> node(String upstream) {
		String last = upstream.substring(upstream.lastIndexOf(',') + 1).trim();
		String address = last.substring(0, last.lastIndexOf(':'));
		return gateways.stream()
			.filter(node -> docker.inspectContainerCmd(node.getContainerId()).exec().getNetworkSettings().getNetworks()
				.values().stream().anyMatch(n -> address.equals(n.getIpAddress())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no gateway node at " + upstream));
	}

	/** {@code docker kill}: SIGKILL, no shutdown of any kind. */
	void kill(GenericContainer<?> container) {
		docker.killContainerCmd(container.getContainerId()).exec();
	}

	/** {@code docker stop}: SIGTERM and the graceful shutdown, then SIGKILL after the timeout. */
	void stop(GenericContainer<?> container, int seconds) {
		docker.stopContainerCmd(container.getContainerId()).withTimeout(seconds).exec();
	}

	/** Starts a stopped or killed container again on its own file system; one already running is left alone. */
	void restart(GenericContainer<?> container) {
		try {
			docker.startContainerCmd(container.getContainerId()).exec();
		}
		catch (NotModifiedException alreadyRunning) {
			// started already: nothing to do
		}
	}

	boolean running(GenericContainer<?> container) {
		return Boolean.TRUE.equals(docker.inspectContainerCmd(container.getContainerId()).exec().getState().getRunning());
	}

	void awaitRunning(GenericContainer<?> container) {
		await().atMost(Duration.ofMinutes(1)).until(() -> running(container));
	}

	/**
	 * {@code docker network disconnect}: the container loses every peer, the database included. Returns its address,
	 * to {@link #reconnect} it with.
	 */
	String disconnect(GenericContainer<?> container) {
		String address = docker.inspectContainerCmd(container.getContainerId()).exec().getNetworkSettings().getNetworks()
			.values().iterator().next().getIpAddress();
		docker.disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
			.withForce(true).exec();
		return address;
	}

	/** {@code docker network connect} with the container's old address and names. */
	void reconnect(GenericContainer<?> container, String address, String... aliases) {
		docker.connectToNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
			.withContainerNetwork(new ContainerNetwork().withAliases(aliases)
				.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address)))
			.exec();
	}

	/** Waits until a gateway node answers ready (after a restart). */
	void awaitReady(GenericContainer<?> node) {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
			.until(() -> http.send(HttpRequest.newBuilder(on(node, "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	/** A command run inside a container, e.g. curl on a node that the network no longer reaches. */
	String exec(GenericContainer<?> container, String... command) {
		try {
			return container.execInContainer(command).getStdout();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A connection to the cluster's PostgreSQL, through its port as mapped now. */
	Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + postgres.getHost() + ":" + hostPort(postgres, 5432)
				+ "/postgres", "postgres", PASSWORD);
	}

	long count(String sql) throws SQLException {
		try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	List<String> strings(String sql) throws SQLException {
		try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
	}

	@Override
	public void close() {
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).stop();
			}
			catch (RuntimeException ex) {
				log.warn("Could not remove {}: {}", started.get(i).getNetworkAliases(), ex.getMessage());
			}
		}
		network.close();
	}

}
