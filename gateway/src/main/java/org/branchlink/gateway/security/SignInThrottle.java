package org.branchlink.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (login form, HTTP Basic, API keys, SIP2 kiosk logins) per account and per client address in the Hazelcast
 * cluster ({@value #MAP}); past {@code branchlink.security.sign-in.max-failures-per-account} (or {@code …-per-client})
 * the account (or the client) is locked for {@code lock-for}, counted from the last failure. A successful sign-in
 * clears its account's count. While locked, even the right password is refused, without checking it.
 */
@Component
public class SignInThrottle {

	static final String MAP = "branchlink.sign-in-failures";

	private final IMap<String, Integer> failures;

	private final SecurityProperties.SignIn settings;

	SignInThrottle(HazelcastInstance hazelcast, SecurityProperties properties) {
		this.failures = hazelcast.getMap(MAP);
		this.settings = properties.signIn();
	}

	/** Whether this account (may be null) or this client may not sign in now. */
	public boolean locked(String account, String client) {
		return account != null && count("account:" + account) >= settings.maxFailuresPerAccount()
				|| client != null && count("client:" + client) >= settings.maxFailuresPerClient();
	}

	Duration lockFor() {
		return settings.lockFor();
	}

	/** A failed sign-in of this account (null for an unknown API key) from this client. */
	public void failed(String account, String client) {
		long ttl = settings.lockFor().toMillis();
		if (account != null) {
			failures.executeOnKey("account:" + account, new Increment(ttl));
		}
		if (client != null) {
			failures.executeOnKey("client:" + client, new Increment(ttl));
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		failed(event.getAuthentication().getName(), client(event.getAuthentication().getDetails()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName());
	}

	/** A successful sign-in: the account's count starts again. */
	public void succeeded(String account) {
		if (count("account:" + account) > 0) {
			failures.delete("account:" + account);
		}
	}

	private int count(String key) {
		Integer n = failures.get(key);
		return n == null ? 0 : n;
	}

	private static String client(Object details) {
		return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
	}

	/** Adds one to a count and keeps it for the lock's time from now. */
	record Increment(long ttlMillis) implements EntryProcessor<String, Integer, Integer> {

		@Override
		public Integer process(Map.Entry<String, Integer> entry) {
			int next = entry.getValue() == null ? 1 : entry.getValue() + 1;
			((ExtendedMapEntry<String, Integer>) entry).setValue(next, ttlMillis, TimeUnit.MILLISECONDS);
			return next;
		}

	}

}
