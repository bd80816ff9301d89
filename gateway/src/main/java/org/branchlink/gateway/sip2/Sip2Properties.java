package org.branchlink.gateway.sip2;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SIP2 server for self-service kiosks ({@code branchlink.sip2.*}).
 *
 * @param enabled whether the server listens (default false; the demo profile turns it on)
 * @param port the TCP port (default 6001, the usual SIP2 port; 0 takes a free port, see {@link Sip2Server#port()})
 * @param idleTimeout a connection that sends nothing for this long, or leaves a message unfinished this long, is closed
 *        (default 10 minutes; kiosks keep their connection alive with SC status messages)
 * @param maxMessageLength the longest message in bytes, terminator excluded; a connection sending a longer one is
 *        closed (default 4096)
 * @param maxMessagesPerSecond messages one connection may send in a second; beyond that it is closed (default 200)
 * @param maxConnections kiosk connections served at once, one thread each; one more is closed at once (default 64)
 * @param sslBundle the name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) to serve SIP2 over TLS; none:
 *        plain TCP
 */
@ConfigurationProperties("branchlink.sip2")
public record Sip2Properties(@DefaultValue("false") boolean enabled, @DefaultValue("6001") int port,
		@DefaultValue("10m") Duration idleTimeout, @DefaultValue("4096") int maxMessageLength,
		@DefaultValue("200") int maxMessagesPerSecond, @DefaultValue("64") int maxConnections, String sslBundle) {

	public Sip2Properties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("branchlink.sip2.port must be 0..65535, is " + port);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("branchlink.sip2.idle-timeout must be positive");
		}
		if (maxMessageLength < 64 || maxMessagesPerSecond < 1 || maxConnections < 1) {
			throw new IllegalArgumentException("branchlink.sip2: max-message-length at least 64, max-messages-per-second "
					+ "and max-connections at least 1");
		}
	}

}
