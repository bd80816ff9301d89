package org.branchlink.gateway.ops;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The Hazelcast cluster as this node sees it: how many members, this member's address and the cluster's state. A node
 * that sees fewer members than the others is cut off from them (the operator guide says what to watch).
 */
@Component("cluster")
class ClusterHealthIndicator extends AbstractHealthIndicator {

	private final HazelcastInstance hazelcast;

	ClusterHealthIndicator(HazelcastInstance hazelcast) {
		super("Hazelcast cluster check failed");
		this.hazelcast = hazelcast;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Member self = hazelcast.getCluster().getLocalMember();
		builder.up()
			.withDetail("members", hazelcast.getCluster().getMembers().size())
			.withDetail("member", self.getAddress().toString())
			.withDetail("state", hazelcast.getCluster().getClusterState().name());
	}

}
