package org.branchlink.gateway.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import org.branchlink.gateway.GatewayProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams open on this node, each with what its page wants to hear. At most
 * {@code branchlink.gateway.live.max-streams} at once (a page past it is answered 503 and works without live updates);
 * each ends after {@code branchlink.gateway.live.timeout} (the browser's {@code EventSource} opens it again) and
 * carries a comment every {@code branchlink.gateway.live.heartbeat} so that proxies keep an idle stream open. Changes
 * are written to the streams on a thread of their own, never on Hazelcast's.
 */
@Component
class LiveStreams {

	private final Set<Stream> open = ConcurrentHashMap.newKeySet();

	private final int maxStreams;

	private final Duration timeout;

	private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("live-writer-"));

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("live-heartbeat-"));

	LiveStreams(GatewayProperties properties) {
		this.maxStreams = properties.live().maxStreams();
		this.timeout = properties.live().timeout();
		long beat = properties.live().heartbeat().toMillis();
		this.heartbeat.scheduleAtFixedRate(() -> writer.execute(this::beat), beat, beat, TimeUnit.MILLISECONDS);
	}

	/** A stream open on this node and what it wants. */
	private record Stream(SseEmitter emitter, Predicate<LiveChange> wants) {
	}

	/**
	 * Opens a stream that hears the changes {@code wants} admits.
	 *
	 * @throws ResponseStatusException 503 when this node has {@code max-streams} open
	 */
	SseEmitter open(Predicate<LiveChange> wants) {
		if (open.size() >= maxStreams) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many live streams open on this node");
		}
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		Stream stream = new Stream(emitter, wants);
		emitter.onCompletion(() -> open.remove(stream));
		emitter.onTimeout(() -> open.remove(stream));
		emitter.onError(error -> open.remove(stream));
		open.add(stream);
		return emitter;
	}

	/** Hands a change to the streams that want it. */
	void deliver(LiveChange change) {
		writer.execute(() -> {
			for (Stream stream : open) {
				if (stream.wants().test(change)) {
					send(stream, SseEmitter.event().name(change.kind().name().toLowerCase(Locale.ROOT)).data(change, MediaType.APPLICATION_JSON));
				}
			}
		});
	}

	private void beat() {
		for (Stream stream : open) {
			send(stream, SseEmitter.event().comment("keep-alive"));
		}
	}

	private void send(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter().send(event);
		}
		catch (IOException | IllegalStateException gone) {
			// the page went away: its stream ends here
			open.remove(stream);
			stream.emitter().completeWithError(gone);
		}
	}

	private static CustomizableThreadFactory daemon(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

	@PreDestroy
	void close() {
		heartbeat.shutdownNow();
		writer.shutdownNow();
		open.forEach(stream -> stream.emitter().complete());
	}

}
