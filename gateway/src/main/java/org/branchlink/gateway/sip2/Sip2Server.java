package org.branchlink.gateway.sip2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The SIP2 server: listens on {@code branchlink.sip2.port} (over TLS with {@code branchlink.sip2.ssl-bundle}) and
 * serves each kiosk connection on a thread of a bounded pool ({@code max-connections}; a connection beyond it is
 * closed at once). Starts after the rest of the application and stops before it.
 */
@Component
@ConditionalOnBooleanProperty("branchlink.sip2.enabled")
public class Sip2Server implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Sip2Server.class);

	private final Sip2Properties properties;

	private final SelfCheck selfCheck;

	private final ObjectProvider<SslBundles> sslBundles;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private ThreadPoolExecutor connections;

	Sip2Server(Sip2Properties properties, SelfCheck selfCheck, ObjectProvider<SslBundles> sslBundles) {
		this.properties = properties;
		this.selfCheck = selfCheck;
		this.sslBundles = sslBundles;
	}

	@Override
	public void start() {
		AtomicInteger threads = new AtomicInteger();
		connections = new ThreadPoolExecutor(properties.maxConnections(), properties.maxConnections(), 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), r -> new Thread(r, "sip2-kiosk-" + threads.incrementAndGet()));
		connections.allowCoreThreadTimeOut(true);
		try {
			server = properties.sslBundle() == null ? new ServerSocket()
					: sslBundles.getObject().getBundle(properties.sslBundle()).createSslContext()
						.getServerSocketFactory().createServerSocket();
			server.bind(new InetSocketAddress(properties.port()), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("SIP2 server cannot listen on port " + properties.port(), ex);
		}
		Thread acceptor = new Thread(this::accept, "sip2-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		log.info("SIP2 server listening on port {}{}", port(), properties.sslBundle() == null ? "" : " (TLS)");
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				String remote = socket.getRemoteSocketAddress().toString();
				open.add(socket);
				try {
					connections.execute(new Sip2Connection(socket,
							selfCheck.open(remote, socket.getInetAddress().getHostAddress()), properties,
							() -> open.remove(socket)));
				}
				catch (RejectedExecutionException ex) {
					log.warn("SIP2 connection from {} refused: {} kiosks connected, the limit", remote,
							properties.maxConnections());
					open.remove(socket);
					socket.close();
				}
			}
			catch (IOException ex) {
				if (!server.isClosed()) {
					log.warn("SIP2 accept failed: {}", ex.toString());
				}
			}
		}
	}

	@Override
	public void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.debug("SIP2 server socket: {}", ex.toString());
		}
		for (Socket socket : open) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				log.debug("SIP2 connection: {}", ex.toString());
			}
		}
		connections.shutdown();
	}

	@Override
	public boolean isRunning() {
		return server != null && !server.isClosed();
	}

	/** The port the server listens on (the one bound when configured as 0); -1 when not listening. */
	public int port() {
		return server == null ? -1 : server.getLocalPort();
	}

}
