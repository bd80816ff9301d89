package org.branchlink.gateway.containers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.branchlink.gateway.bench.Bench;
import org.testcontainers.containers.GenericContainer;

/**
 * The cluster benchmark ({@code ./bench cluster [seconds]}): a county's mixed peak — 200 readers searching with think
 * time, lending events at 500/s, hold placements, and an OAI-PMH harvest at once — on one node of the container tier
 * (every request to its port) and then on all three behind nginx, in the same run on the same machine. Per phase:
 * search p50/p95/p99, lending events answered per second, event → visible in search p50/p99 (sampled events, watched
 * through the API), holds, OAI records/s, errors, and each gateway container's CPU per lending event (cgroup
 * {@code cpuacct}). The ratio is the three nodes' figure to the one node's: on two cores, three nodes share the same two
 * cores, so they cost more per request, not less. Writes {@code src/docs/bench/cluster.json}.
 */
public final class ClusterBench {

	private static final int READERS = 200;

	private static final double THINK_SECONDS = 8;

	private static final int LENDING_RATE = Integer.getInteger("bench.rate", 500);

	private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up", 20);

	private static final String EVENTS = "/api/sites/central-library/circulation/events";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(16)).build();

	private ClusterBench() {
	}

	public static void run(int seconds) throws Exception {
		String why = ClusterTier.unavailable().orElse(null);
		if (why != null) {
			throw new IllegalStateException("The cluster benchmark needs the container tier: " + why);
		}
		try (ClusterTier tier = new ClusterTier().exemptingThisMachineFromRateLimits().start()) {
			List<String> terms = tier.strings("select t from (select distinct substr(title, 1, 2) t from bib_record "
					+ "where title ~ '^[一-龥]{2}') d order by md5(t) limit 300");
			List<String> works = tier.strings("select id from work order by md5(id) limit 500");
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("date", LocalDate.now().toString());
			result.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
			result.put("load", READERS + " readers searching (think " + THINK_SECONDS + " s), lending " + LENDING_RATE
					+ " events/s, holds 2/s, one OAI-PMH harvest");
			GenericContainer<?> first = tier.gateways.get(0);
			Map<String, Double> one = phase(tier, "one node", path -> tier.on(first, path), List.of(first), terms, works, 0,
					seconds);
			Map<String, Double> three = phase(tier, "three nodes", tier::through, tier.gateways, terms, works, 1, seconds);
			one.forEach((key, value) -> result.put("one_node_" + key, value));
			three.forEach((key, value) -> result.put("three_nodes_" + key, value));
			result.put("search_p95_ratio", Bench.round(three.get("search_p95_ms") / one.get("search_p95_ms")));
			result.put("visible_p99_ratio", Bench.round(three.get("visible_p99_ms") / one.get("visible_p99_ms")));
			Bench.writeJson("cluster", result);
		}
	}

	/** One phase: warm-up, then the measured seconds of the mixed load against {@code entry}. */
	private static Map<String, Double> phase(ClusterTier tier, String name, Function<String, URI> entry,
			List<GenericContainer<?>> nodes, List<String> terms, List<String> works, int part, int seconds) throws Exception {
		Bench.log("%s: %d s warm-up, then %d s measured", name, WARM_UP_SECONDS, seconds);
		List<String> copies = tier.strings("select i.barcode from item i join catalog_site s on s.id = i.site_id "
				+ "where s.kind <> 'city_study_room' and not exists (select 1 from circulation_item c where c.barcode = i.barcode) "
				+ "and (select count(*) from item o where o.barcode = i.barcode) = 1 order by md5(i.barcode) offset "
				+ (part * 600) + " limit 600");
		Map<String, String> workOf = new ConcurrentHashMap<>();
		for (List<String> chunk : chunks(copies, 200)) {
			try (Connection c = tier.database(); ResultSet rs = c.createStatement().executeQuery("select i.barcode, b.work_id from item i "
					+ "join bib_record b on b.site_id = i.site_id and b.record_id = i.record_id where i.barcode in ('"
					+ String.join("','", chunk) + "')")) {
				while (rs.next()) {
					workOf.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		Recorder searches = new Recorder();
		Recorder visible = new Recorder();
		AtomicLong errors = new AtomicLong();
		AtomicLong holds = new AtomicLong();
		AtomicLong oaiRecords = new AtomicLong();
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		ScheduledExecutorService readers = Executors.newScheduledThreadPool(16);
		Random random = new Random(7);
		for (int r = 0; r < READERS; r++) {
			long first = (long) (random.nextDouble() * THINK_SECONDS * 1000);
			readers.schedule(new Reader(entry, terms, searches, errors, measuring, running, readers), first, TimeUnit.MILLISECONDS);
		}
		ScheduledExecutorService watchers = Executors.newScheduledThreadPool(4);
		LendingLoad lending = new LendingLoad(() -> entry.apply(EVENTS), "bench-" + part, copies, 20, LENDING_RATE);
		AtomicLong sampled = new AtomicLong();
		lending.sample((barcode, out, answered) -> {
			if (measuring.get() && sampled.incrementAndGet() % 10 == 0) {
				watchers.execute(() -> watch(entry, workOf.get(barcode), barcode, out, answered, visible, errors, running));
			}
		});
		readers.scheduleAtFixedRate(() -> hold(entry, works, holds, errors, measuring), 500, 500, TimeUnit.MILLISECONDS);
		Thread harvest = new Thread(() -> harvest(entry, oaiRecords, errors, measuring, running), "oai-harvest");
		harvest.start();

		await(WARM_UP_SECONDS);
		long lendingBefore = lending.events();
		long failuresBefore = lending.failures.get();
		Map<String, Long> cpuBefore = cpu(nodes);
		measuring.set(true);
		long started = System.nanoTime();
		await(seconds);
		measuring.set(false);
		double elapsed = (System.nanoTime() - started) / 1e9;
		long lent = lending.events() - lendingBefore;
		long lendingFailures = lending.failures.get() - failuresBefore;
		Map<String, Long> cpuAfter = cpu(nodes);
		running.set(false);
		lending.close();
		readers.shutdownNow();
		watchers.shutdownNow();
		harvest.join(60_000);

		Map<String, Double> figures = new LinkedHashMap<>();
		double[] search = searches.percentiles();
		double[] seen = visible.percentiles();
		figures.put("searches", (double) searches.count());
		figures.put("search_p50_ms", search[0]);
		figures.put("search_p95_ms", search[1]);
		figures.put("search_p99_ms", search[2]);
		figures.put("lending_events_per_s", Bench.round(lent / elapsed));
		figures.put("visible_samples", (double) visible.count());
		figures.put("visible_p50_ms", seen[0]);
		figures.put("visible_p99_ms", seen[2]);
		figures.put("holds_per_s", Bench.round(holds.get() / elapsed));
		figures.put("oai_records_per_s", Bench.round(oaiRecords.get() / elapsed));
		figures.put("errors", (double) errors.get());
		figures.put("lending_requests_resent", (double) lendingFailures);
		long cpuNanos = 0;
		for (GenericContainer<?> node : nodes) {
			cpuNanos += cpuAfter.getOrDefault(node.getContainerId(), 0L) - cpuBefore.getOrDefault(node.getContainerId(), 0L);
		}
		if (cpuNanos > 0) {
			figures.put("gateway_cpu_cores", Bench.round(cpuNanos / 1e9 / elapsed));
			figures.put("gateway_cpu_ms_per_lending_event", Bench.round(cpuNanos / 1e6 / Math.max(1, lent)));
		}
		Bench.log("%s: %s", name, figures);
		return figures;
	}

	/** A reader: searches, reads the page for a while, searches again. */
	private record Reader(Function<String, URI> entry, List<String> terms, Recorder searches, AtomicLong errors,
			AtomicBoolean measuring, AtomicBoolean running, ScheduledExecutorService scheduler) implements Runnable {

		@Override
		public void run() {
			if (!running.get()) {
				return;
			}
			String term = terms.get(ThreadLocalRandom.current().nextInt(terms.size()));
			long started = System.nanoTime();
			try {
				int status = HTTP.send(HttpRequest.newBuilder(entry.apply("/api/search?rows=20&q="
						+ URLEncoder.encode(term, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode();
				if (measuring.get()) {
					if (status == 200) {
						searches.add((System.nanoTime() - started) / 1e6);
					}
					else {
						errors.incrementAndGet();
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				if (measuring.get()) {
					errors.incrementAndGet();
				}
			}
			long think = (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * THINK_SECONDS * 1000);
			if (running.get()) {
				scheduler.schedule(this, think, TimeUnit.MILLISECONDS);
			}
		}

	}

	/** Polls the work's page in the API until the copy's new status shows, and records how long after the answer. */
	private static void watch(Function<String, URI> entry, String work, String barcode, boolean out, long answered,
			Recorder visible, AtomicLong errors, AtomicBoolean running) {
		Pattern onLoan = Pattern.compile("\"barcode\":\"" + Pattern.quote(barcode) + "\"[^}]*\"status\":\"on_loan\"");
		long deadline = answered + 30_000_000_000L;
		while (running.get() && System.nanoTime() < deadline) {
			try {
				String body = HTTP.send(HttpRequest.newBuilder(entry.apply("/api/works/" + work)).build(),
						HttpResponse.BodyHandlers.ofString()).body();
				if (onLoan.matcher(body).find() == out) {
					visible.add((System.nanoTime() - answered) / 1e6);
					return;
				}
				TimeUnit.MILLISECONDS.sleep(20); // a watcher's poll interval, as the lending benchmark's
			}
			catch (IOException ex) {
				errors.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The demo reader places a hold on a work and cancels it at once: a placement that leaves nothing behind. */
	private static void hold(Function<String, URI> entry, List<String> works, AtomicLong holds, AtomicLong errors,
			AtomicBoolean measuring) {
		String work = works.get(ThreadLocalRandom.current().nextInt(works.size()));
		String auth = "Basic " + Base64.getEncoder().encodeToString("reader:demo-reader".getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(entry.apply("/api/holds"))
				.header("Authorization", auth).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"workId\":\"" + work + "\",\"pickupSite\":\"central-library\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (placed.statusCode() >= 500 && measuring.get()) {
				errors.incrementAndGet();
			}
			Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(placed.body());
			if (placed.statusCode() == 201 && id.find()) {
				HTTP.send(HttpRequest.newBuilder(entry.apply("/api/me/holds/" + id.group(1) + "/cancel"))
					.header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
						HttpResponse.BodyHandlers.discarding());
				if (measuring.get()) {
					holds.incrementAndGet();
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			if (measuring.get()) {
				errors.incrementAndGet();
			}
		}
	}

	/** Another library harvesting the union catalogue, page after page, again from the start when done. */
	private static void harvest(Function<String, URI> entry, AtomicLong records, AtomicLong errors, AtomicBoolean measuring,
			AtomicBoolean running) {
		Pattern token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
		String next = "/oai?verb=ListRecords&metadataPrefix=oai_dc";
		while (running.get()) {
			try {
				HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(entry.apply(next)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (page.statusCode() != 200) {
					if (measuring.get()) {
						errors.incrementAndGet();
					}
					next = "/oai?verb=ListRecords&metadataPrefix=oai_dc";
					continue;
				}
				if (measuring.get()) {
					records.addAndGet(page.body().split("<record>", -1).length - 1);
				}
				Matcher more = token.matcher(page.body());
				next = more.find() ? "/oai?verb=ListRecords&resumptionToken=" + URLEncoder.encode(more.group(1), StandardCharsets.UTF_8)
						: "/oai?verb=ListRecords&metadataPrefix=oai_dc";
			}
			catch (IOException ex) {
				if (measuring.get()) {
					errors.incrementAndGet();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Each container's CPU time so far (cgroup v1 {@code cpuacct.usage}, nanoseconds), where the host shows it. */
	private static Map<String, Long> cpu(List<GenericContainer<?>> nodes) throws IOException {
		Map<String, Long> used = new LinkedHashMap<>();
		for (GenericContainer<?> node : nodes) {
			Path usage = Path.of("/sys/fs/cgroup/cpuacct/docker", node.getContainerId(), "cpuacct.usage");
			if (Files.isReadable(usage)) {
				used.put(node.getContainerId(), Long.parseLong(Files.readString(usage).trim()));
			}
		}
		return used;
	}

	private static void await(int seconds) throws InterruptedException {
		TimeUnit.SECONDS.sleep(seconds); // the benchmark's load runs for this long
	}

	private static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < list.size(); i += size) {
			chunks.add(list.subList(i, Math.min(list.size(), i + size)));
		}
		return chunks;
	}

	/** Latencies in milliseconds, from many threads. */
	private static final class Recorder {

		private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

		void add(double value) {
			millis.add(value);
		}

		int count() {
			return millis.size();
		}

		double[] percentiles() {
			List<Double> sorted;
			synchronized (millis) {
				sorted = new ArrayList<>(millis);
			}
			if (sorted.isEmpty()) {
				return new double[] { Double.NaN, Double.NaN, Double.NaN };
			}
			Collections.sort(sorted);
			return new double[] { Bench.round(sorted.get((int) (sorted.size() * 0.50))),
				Bench.round(sorted.get((int) (sorted.size() * 0.95))),
				Bench.round(sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99))) };
		}

	}

}
