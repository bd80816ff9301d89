package org.branchlink.gateway.containers;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One SolrCloud node of the container tier, started from the Solr jars on Maven Central (the same ones the embedded
 * catalogue and {@code MiniSolrCloudCluster} use, smartcn and ICU included), since no Solr image can be pulled here.
 * Arguments: ZooKeeper address, this node's host name as the other nodes reach it, port, Solr home. The node registers
 * in ZooKeeper's live nodes as {@code host:port_solr}; the catalogue's configset is uploaded by the gateway.
 */
public final class SolrNode {

	/** Solr's stock cloud {@code solr.xml}: host and port as given, ZooKeeper from the system property. */
	private static final String SOLR_XML = """
			<?xml version="1.0" encoding="UTF-8" ?>
			<solr>
			  <solrcloud>
			    <str name="host">${host:}</str>
			    <int name="hostPort">${hostPort:8983}</int>
			    <str name="hostContext">${hostContext:solr}</str>
			    <int name="zkClientTimeout">${zkClientTimeout:15000}</int>
			    <bool name="genericCoreNodeNames">true</bool>
			    <int name="distribUpdateSoTimeout">60000</int>
			    <int name="distribUpdateConnTimeout">5000</int>
			  </solrcloud>
			  <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
			    <int name="socketTimeout">60000</int>
			    <int name="connTimeout">5000</int>
			  </shardHandlerFactory>
			</solr>
			""";

	private SolrNode() {
	}

	/**
	 * {@code JettySolrRunner} listens on 127.0.0.1 only (it is made for tests in one JVM); a second connector with the
	 * same protocols (HTTP/1.1 and the h2c the nodes speak to each other) on this container's own address lets the
	 * other nodes and the gateways reach it.
	 */
	private static void reachableFromTheNetwork(JettySolrRunner jetty, String host, int port) throws Exception {
		Field field = JettySolrRunner.class.getDeclaredField("server");
		field.setAccessible(true);
		Server server = (Server) field.get(jetty);
		ServerConnector loopback = (ServerConnector) server.getConnectors()[0];
		ServerConnector network = new ServerConnector(server,
				loopback.getConnectionFactories().toArray(new ConnectionFactory[0]));
		network.setHost(InetAddress.getByName(host).getHostAddress());
		network.setPort(port);
		server.addConnector(network);
		network.start();
	}

	public static void main(String[] args) throws Exception {
		String zk = args[0];
		String host = args[1];
		int port = Integer.parseInt(args[2]);
		Path home = Path.of(args[3]);
		Files.createDirectories(home);
		Path xml = home.resolve("solr.xml");
		if (!Files.exists(xml)) {
			Files.writeString(xml, SOLR_XML, StandardCharsets.UTF_8);
		}
		System.setProperty("zkHost", zk);
		System.setProperty("host", host);
		System.setProperty("hostPort", Integer.toString(port));
		Properties properties = new Properties();
		properties.setProperty("hostPort", Integer.toString(port));
		JettySolrRunner jetty = new JettySolrRunner(home.toString(), properties,
				JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build());
		jetty.start();
		reachableFromTheNetwork(jetty, host, port);
		System.out.println("Solr node " + jetty.getNodeName() + " up");
		new CountDownLatch(1).await();
	}

}
