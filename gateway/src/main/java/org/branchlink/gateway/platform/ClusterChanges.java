package org.branchlink.gateway.platform;

import java.util.UUID;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistryLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other nodes of the cluster what this node changed that they keep in memory, through the Hazelcast topic
 * {@value #TOPIC}: a new site registry, API keys added or revoked, a reader registered or changed (whose category
 * gives the loan terms). Each node drops its copy when told, so a change reaches every node at once instead of when its
 * copy expires. A change made in a transaction is told after its commit, so the other node reads what was committed.
 * The message names only the kind of change and the sender, never a key, card or name.
 */
@Component
class ClusterChanges {

	static final String TOPIC = "branchlink.changes";

	private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);

	private final ITopic<String> topic;

	private final String self = UUID.randomUUID().toString();

	private final SiteDirectory sites;

	private final AccountStore accounts;

	private final ReaderRegistry readers;

	ClusterChanges(HazelcastInstance hazelcast, SiteDirectory sites, AccountStore accounts, ReaderRegistry readers) {
		this.sites = sites;
		this.readers = readers;
		this.accounts = accounts;
		this.topic = hazelcast.getTopic(TOPIC);
		this.topic.addMessageListener(this::heard);
	}

	/** What changed, as the topic carries it: {@code <kind> <sender>}. */
	enum Kind {

		REGISTRY, API_KEYS, READERS

	}

	@EventListener
	void on(SiteRegistryLoaded loaded) {
		tell(Kind.REGISTRY);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountStore.ApiKeysChanged changed) {
		tell(Kind.API_KEYS);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReaderRegistry.ReadersChanged changed) {
		tell(Kind.READERS);
	}

	private void tell(Kind kind) {
		topic.publish(kind + " " + self);
	}

	private void heard(Message<String> message) {
		String[] parts = message.getMessageObject().split(" ", 2);
		if (parts.length < 2 || parts[1].equals(self)) {
			return;
		}
		switch (Kind.valueOf(parts[0])) {
			case REGISTRY -> sites.forget();
			case API_KEYS -> accounts.forgetApiKeys();
			case READERS -> readers.forget();
		}
		log.debug("Told by the cluster: {} changed", parts[0]);
	}

}
