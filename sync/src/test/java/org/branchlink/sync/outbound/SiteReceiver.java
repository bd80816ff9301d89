package org.branchlink.sync.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's own system receiving BranchLink's webhook, as a careful receiver does: it checks the signature, takes each
 * idempotency key once (a repeated key is answered 200 and not taken again), and can be made to fail a share of the
 * calls, refuse some changes, or go down.
 */
final class SiteReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String secret;

	private final int port;

	private HttpServer server;

	/** Fails every n-th call with a 500 before taking it (0: never). */
	volatile int failEvery;

	/** Changes answered 422 (refused) before being taken. */
	volatile Predicate<JsonNode> refusing = change -> false;

	private final AtomicInteger calls = new AtomicInteger();

	private final Map<String, JsonNode> taken = new LinkedHashMap<>();

	private final List<String> badSignatures = new ArrayList<>();

	private int repeats;

	SiteReceiver(String secret) throws IOException {
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.port = server.getAddress().getPort();
		server.createContext("/hook", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + port + "/hook";
	}

	/** Goes down: connections are refused until {@link #up()}. */
	void down() {
		server.stop(0);
	}

	/** Comes back on the same port. */
	void up() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		server.createContext("/hook", this::handle);
		server.start();
	}

	synchronized List<JsonNode> taken() {
		return List.copyOf(taken.values());
	}

	synchronized int repeats() {
		return repeats;
	}

	synchronized List<String> badSignatures() {
		return List.copyOf(badSignatures);
	}

	int calls() {
		return calls.get();
	}

	private void handle(HttpExchange call) throws IOException {
		try (call; InputStream in = call.getRequestBody()) {
			int n = calls.incrementAndGet();
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String key = call.getRequestHeaders().getFirst("Idempotency-Key");
			if (!signed(call.getRequestHeaders().getFirst("X-BranchLink-Signature"), body)) {
				synchronized (this) {
					badSignatures.add(key);
				}
				call.sendResponseHeaders(401, -1);
				return;
			}
			if (failEvery > 0 && n % failEvery == 0) {
				call.sendResponseHeaders(500, -1);
				return;
			}
			JsonNode change = JSON.readTree(body);
			if (refusing.test(change)) {
				call.sendResponseHeaders(422, -1);
				return;
			}
			synchronized (this) {
				if (taken.putIfAbsent(key, change) != null) {
					repeats++;
				}
			}
			call.sendResponseHeaders(200, -1);
		}
	}

	private boolean signed(String header, String body) {
		if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
			return false;
		}
		String t = header.substring(2, header.indexOf(','));
		String expected = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8))
			.hmacHex(t + "." + body);
		return header.endsWith("v1=" + expected);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
