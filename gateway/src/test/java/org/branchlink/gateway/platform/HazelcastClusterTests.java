package org.branchlink.gateway.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.branchlink.gateway.GatewayProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two members configured as the application configures them, with each other as members, form one cluster. */
class HazelcastClusterTests {

	private final List<HazelcastInstance> members = new ArrayList<>();

	@AfterEach
	void shutdown() {
		members.forEach(HazelcastInstance::shutdown);
	}

	@Test
	void twoMembersFormOneClusterAndShareData() {
		List<String> addresses = List.of("127.0.0.1:5811", "127.0.0.1:5812");
		HazelcastInstance a = member(5811, addresses);
		HazelcastInstance b = member(5812, addresses);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(a.getCluster().getMembers()).hasSize(2);
			assertThat(b.getCluster().getMembers()).hasSize(2);
		});
		a.getMap("probe").put("key", "value");
		assertThat(b.getMap("probe").get("key")).isEqualTo("value");
	}

	@Test
	void theDefaultMemberStaysAlone() {
		HazelcastInstance alone = member(5821, List.of());

		assertThat(alone.getConfig().getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
		assertThat(alone.getConfig().getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
		assertThat(alone.getConfig().getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
		assertThat(alone.getCluster().getMembers()).hasSize(1);
	}

	private HazelcastInstance member(int port, List<String> addresses) {
		var config = ClusterConfiguration.memberConfig(
				new GatewayProperties.Cluster("cluster-test-" + port / 10, addresses, port, "127.0.0.1"));
		config.getNetworkConfig().setPortAutoIncrement(false);
		HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
		members.add(member);
		return member;
	}

}
