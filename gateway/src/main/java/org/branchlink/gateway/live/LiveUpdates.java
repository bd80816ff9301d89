package org.branchlink.gateway.live;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries {@link LiveChange}s to every node through the Hazelcast topic {@value #TOPIC}: a change is published once
 * its transaction committed (at once when there is none), and each node, this one too, hands what it hears to the
 * streams open on it ({@link LiveStreams}). So a page open on any node sees a change made on any other.
 */
@Component
class LiveUpdates {

	static final String TOPIC = "branchlink.live";

	private final ITopic<LiveChange> topic;

	LiveUpdates(HazelcastInstance hazelcast, LiveStreams streams) {
		this.topic = hazelcast.getTopic(TOPIC);
		this.topic.addMessageListener(message -> streams.deliver(message.getMessageObject()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LiveChange change) {
		topic.publish(change);
	}

}
