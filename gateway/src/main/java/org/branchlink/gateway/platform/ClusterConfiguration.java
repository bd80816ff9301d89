package org.branchlink.gateway.platform;

import java.time.Duration;
import java.util.UUID;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import org.branchlink.gateway.GatewayProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This node's Hazelcast member. Alone by default (bound to 127.0.0.1, no discovery); with
 * {@code branchlink.gateway.cluster.members} it joins those members over TCP/IP. Never phones home, never multicasts.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

	@Bean
	Config hazelcastConfig(GatewayProperties properties,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		Config config = memberConfig(properties.cluster());
		ClusterSessions.configure(config, sessionTimeout);
		return config;
	}

	/** The member configuration for these settings; also used by tests that start several members. */
	public static Config memberConfig(GatewayProperties.Cluster cluster) {
		Config config = new Config();
		config.setClusterName(cluster.name());
		config.setInstanceName(cluster.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		// the rate limits' token buckets travel between members in Bucket4j's compact form, not Java serialization
		HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), 10_000);
		NetworkConfig network = config.getNetworkConfig();
		network.setPort(cluster.port()).setPortAutoIncrement(true);
		// this member's own address, without an interface list: Hazelcast's TCP/IP join ignores every listed member whose
		// address matches no configured interface, so one node's own address there hid the others from it (seen in the
		// container tier: three nodes, three clusters of one)
		config.setProperty("hazelcast.local.localAddress", cluster.bindAddress());
		config.setProperty("hazelcast.socket.bind.any", "false");
		// a member silent for 15 s is dead to the others (Hazelcast's default is 60 s): its share of the page sessions
		// and rate limits is served from the backups from then on
		config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
		// after a split, the smaller side merges back into the larger within about 15 s of seeing it again (defaults
		// 300 s and 120 s); entries merge by Hazelcast's default policy, put-if-absent: what the larger side holds wins
		config.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
		config.setProperty("hazelcast.merge.next.run.delay.seconds", "15");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(!cluster.members().isEmpty()).setMembers(cluster.members());
		return config;
	}

}
