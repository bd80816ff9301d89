package org.branchlink.gateway.platform;

import java.util.UUID;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistryLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes of the cluster what this node changed that they keep in memory, through the Hazelcast topic
 * {@value #TOPIC}: a new site registry, API keys added or revoked. Each node drops its copy when told, so a change
 * reaches every node at once instead of when its copy expires.
 */
@Component
class ClusterChanges {

	static final String TOPIC = "branchlink.changes";

	private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);

	private final ITopic<String> topic;

	private final String self = UUID.randomUUID().toString();

	private final SiteDirectory sites;

	private final AccountStore accounts;

	ClusterChanges(HazelcastInstance hazelcast, SiteDirectory sites, AccountStore accounts) {
		this.sites = sites;
		this.accounts = accounts;
		this.topic = hazelcast.getTopic(TOPIC);
		this.topic.addMessageListener(this::heard);
	}

	/** What changed, as the topic carries it: {@code <kind> <sender>}. */
	enum Kind {

		REGISTRY, API_KEYS

	}

	@EventListener
	void on(SiteRegistryLoaded loaded) {
		topic.publish(Kind.REGISTRY + " " + self);
	}

	@EventListener
	void on(AccountStore.ApiKeysChanged changed) {
		topic.publish(Kind.API_KEYS + " " + self);
	}

	private void heard(Message<String> message) {
		String[] parts = message.getMessageObject().split(" ", 2);
		if (parts.length < 2 || parts[1].equals(self)) {
			return;
		}
		switch (Kind.valueOf(parts[0])) {
			case REGISTRY -> sites.forget();
			case API_KEYS -> accounts.forgetApiKeys();
		}
		log.debug("Told by the cluster: {} changed", parts[0]);
	}

}
