package org.branchlink.gateway.platform;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import org.branchlink.gateway.security.AccountStore;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An account changed (password, roles, sites) ends the page sessions it has open. Sessions live in the cluster's map
 * ({@link ClusterSessions}), so removing them there ends them on every node at once; the account's next request signs
 * in again and carries what the account is now, not the roles it signed in with.
 */
@Component
class AccountSessions {

	private final IMap<String, Session> sessions;

	AccountSessions(HazelcastInstance hazelcast) {
		this.sessions = hazelcast.getMap(ClusterSessions.MAP);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountStore.AccountChanged changed) {
		// each member looks through the sessions it owns and removes the account's: no session travels to this node
		sessions.removeAll(of(changed.username()));
	}

	/** The account's sessions: a predicate sent to the members (serialisable, capturing only the name). */
	private static Predicate<String, Session> of(String username) {
		return entry -> username.equals(signedIn(entry.getValue()));
	}

	private static String signedIn(Session session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication who = context instanceof SecurityContext security ? security.getAuthentication() : null;
		return who == null ? null : who.getName();
	}

}
