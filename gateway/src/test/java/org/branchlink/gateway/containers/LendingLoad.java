package org.branchlink.gateway.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A site's lending system streaming circulation events through the load balancer at a steady rate, as the county's
 * sites do at peak: each sender owns its copies and sends their events in order (out, in, out…), one batch at a time,
 * and resends a batch that had no 200 at its next tick until it has one (at-least-once delivery, as a site's outbox
 * does). Counts what was answered 200, the requests that failed, and the checkouts among the events.
 */
final class LendingLoad implements AutoCloseable {

	private static final int PER_BATCH = 10;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Supplier<URI> endpoint;

	private final String prefix;

	private final ScheduledExecutorService senders;

	private final List<Sender> running = new ArrayList<>();

	final AtomicInteger acknowledged = new AtomicInteger();

	final AtomicInteger failures = new AtomicInteger();

	final AtomicLong eventsAcknowledged = new AtomicLong();

	/** Told of the last event of each answered batch: its copy, whether it went out, when it was answered. */
	private volatile Sampler sampler = (barcode, out, answered) -> { };

	private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1);

	/**
	 * @param endpoint where the events go (the load balancer's circulation events URL)
	 * @param prefix the events' id prefix, so that a test counts its own
	 * @param barcodes the copies, split evenly among the senders
	 * @param senders how many senders
	 * @param perSecond events per second in all
	 */
	LendingLoad(Supplier<URI> endpoint, String prefix, List<String> barcodes, int senders, int perSecond) {
		this.endpoint = endpoint;
		this.prefix = prefix;
		this.senders = Executors.newScheduledThreadPool(senders);
		long periodMicros = 1_000_000L * PER_BATCH * senders / perSecond;
		int each = barcodes.size() / senders;
		for (int s = 0; s < senders; s++) {
			Sender sender = new Sender(s, barcodes.subList(s * each, (s + 1) * each));
			running.add(sender);
			this.senders.scheduleAtFixedRate(sender, s * periodMicros / senders, periodMicros, TimeUnit.MICROSECONDS);
		}
	}

	/** Stops sending new batches, then resends each sender's unanswered batch until it is answered. */
	@Override
	public void close() throws InterruptedException {
		senders.shutdown();
		if (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
			senders.shutdownNow();
			throw new IllegalStateException("a sender's batch was still in flight after a minute");
		}
		for (Sender sender : running) {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
				.until(() -> !sender.pending || sender.send());
		}
	}

	private final Queue<String> why = new ConcurrentLinkedQueue<>();

	private void remember(String failure) {
		if (why.size() < 20) {
			why.add(failure);
		}
	}

	/** The first failures, as answered: status, node and the start of the body, or the exception. */
	List<String> why() {
		return List.copyOf(why);
	}

	/** Who hears of each answered batch's last event (a benchmark's watcher of what search shows). */
	void sample(Sampler hears) {
		this.sampler = hears;
	}

	/** Hears of an answered event. */
	interface Sampler {

		void answered(String barcode, boolean checkout, long nanoTime);

	}

	/** Events generated and answered 200 (every batch is resent until it is). */
	long events() {
		return eventsAcknowledged.get();
	}

	/** Checkouts among them: each is one loan. */
	long checkouts() {
		return running.stream().mapToLong(s -> s.checkouts).sum();
	}

	/** One sender: its copies in rounds, even rounds out to a new card, odd rounds back in. */
	private final class Sender implements Runnable {

		private final int id;

		private final List<String> copies;

		private int batch;

		private long checkouts;

		private boolean pending;

		Sender(int id, List<String> copies) {
			this.id = id;
			this.copies = copies;
		}

		@Override
		public void run() {
			send();
		}

		/** Sends the batch due, or the one that had no 200 last time; true when it has been answered 200. */
		synchronized boolean send() {
			List<String> events = new ArrayList<>();
			int out = 0;
			String lastBarcode = null;
			boolean lastOut = false;
			for (int i = 0; i < PER_BATCH; i++) {
				int n = batch * PER_BATCH + i;
				int round = n / copies.size();
				String barcode = copies.get(n % copies.size());
				boolean checkout = round % 2 == 0;
				out += checkout ? 1 : 0;
				lastBarcode = barcode;
				lastOut = checkout;
				events.add("{\"eventId\":\"" + prefix + "-" + id + "-" + n + "\",\"type\":\"" + (checkout ? "checkout" : "checkin")
						+ "\",\"occurredAt\":\"" + start.plusSeconds(n) + "\",\"barcode\":\"" + barcode + "\""
						+ (checkout ? ",\"card\":\"" + prefix + "-card-" + id + "-" + n + "\"" : "") + "}");
			}
			if (!deliver("[" + String.join(",", events) + "]")) {
				failures.incrementAndGet();
				pending = true;
				return false; // resent at the next tick (or by close)
			}
			pending = false;
			sampler.answered(lastBarcode, lastOut, System.nanoTime());
			acknowledged.incrementAndGet();
			eventsAcknowledged.addAndGet(PER_BATCH);
			checkouts += out;
			batch++;
			return true;
		}

		private boolean deliver(String body) {
			HttpRequest request = HttpRequest.newBuilder(endpoint.get())
				.header("X-API-Key", ClusterTier.API_KEY)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			try {
				HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 200) {
					remember(answer.statusCode() + " from " + answer.headers().firstValue("X-Node").orElse("?") + ": "
							+ answer.body().substring(0, Math.min(200, answer.body().length())));
				}
				return answer.statusCode() == 200;
			}
			catch (IOException ex) {
				remember(ex.toString());
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
