package org.branchlink.gateway.platform;

import java.time.Duration;
import java.util.Map;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Page sessions (who is signed in, the CSRF token, the message a redirect carries) live in a Hazelcast map that all
 * nodes share, not in one node's memory: signed in on one node, the next request on another is still signed in and its
 * form's CSRF token still valid, and a node's death signs nobody out (each entry has a backup on another member). An
 * entry idle for the session timeout is evicted by Hazelcast itself. Spring Session's repository over a map is the
 * whole integration; the session's values travel by Java serialization, so what a page keeps in its session (flash
 * messages too) is {@link java.io.Serializable}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class ClusterSessions {

	/** The shared map of page sessions, by session id. */
	static final String MAP = "branchlink.sessions";

	/** The map's settings on a member: one backup, entries evicted after the session timeout without a request. */
	static void configure(Config config, Duration timeout) {
		config.addMapConfig(new MapConfig(MAP).setBackupCount(1)
			.setMaxIdleSeconds((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
	}

	@Bean
	MapSessionRepository sessionRepository(HazelcastInstance hazelcast,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		Map<String, Session> sessions = hazelcast.getMap(MAP);
		MapSessionRepository repository = new MapSessionRepository(sessions) {

			@Override
			public void save(MapSession session) {
				// a live stream's session, read when it opened, is never written back over what happened since
				if (!ReadOnlySessions.reading() || !sessions.containsKey(session.getId())) {
					super.save(session);
				}
			}

		};
		repository.setDefaultMaxInactiveInterval(timeout.isZero() ? MapSession.DEFAULT_MAX_INACTIVE_INTERVAL : timeout);
		return repository;
	}

	/** Outside Spring Session's filter: the live streams' requests never write their session. */
	@Bean
	FilterRegistrationBean<ReadOnlySessions> readOnlySessions() {
		FilterRegistrationBean<ReadOnlySessions> registration = new FilterRegistrationBean<>(new ReadOnlySessions());
		registration.addUrlPatterns("/*");
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	/** The session cookie: HttpOnly, SameSite=Lax, Secure on HTTPS, for the whole site. */
	@Bean
	CookieSerializer cookieSerializer() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("SESSION");
		cookie.setSameSite("Lax");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setCookiePath("/");
		return cookie;
	}

}
