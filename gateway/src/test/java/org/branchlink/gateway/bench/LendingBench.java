package org.branchlink.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lending benchmark ({@code ./bench lending [seconds]}): the demo county with its 20,000-record catalogue; 20 site
 * clients, each with its own API key and copies, post checkouts and checkins one event per request at a paced rate
 * (500 events/s in all by default, -Dbench.rate) through the HTTP API. A watcher queries Solr for every event's copy until its new status shows:
 * accepted (the API answered) → visible. In the same run, before the load, a raw SolrJ atomic update + soft commit →
 * visible loop on the same index gives the engine's own figure. Afterwards the journal is checked: no acknowledged
 * event missing (lost), none applied twice (duplicated). Writes {@code src/docs/bench/lending.json}.
 */
final class LendingBench {

	private static final int CLIENTS = 20;

	private static final double TARGET_RATE = Double.parseDouble(System.getProperty("bench.rate", "500"));

	/**
	 * Load before measuring: the JIT compilers need minutes of this load to settle on two cores (a JFR recording of
	 * the first minute shows 6–9 s of C2 compile time in every 10 s, Solr's indexing path among it; after a 60 s
	 * warm-up the slowest event of each second still fell through the measured minute, and the JVM's CPU per event
	 * was 2.8 ms against 2.0 ms after 150 s). A server runs for weeks: the figure is its sustained state.
	 */
	private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up", 150);

	/** How often a site's system sends what happened since its last call; 0 sends each event on its own. */
	private static final long FLUSH_NANOS = Long.getLong("bench.flush-ms", 100) * 1_000_000L;

	private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

	private LendingBench() {
	}

	static void run(int seconds) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		Bench.log("data directory %s", data);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BranchLinkApplication.class)
			.profiles("demo")
			.run("--server.port=0", "--branchlink.gateway.data-dir=" + data, "--logging.level.org.branchlink=WARN",
					"--logging.level.org.branchlink.catalog.index.AvailabilityIndexer=INFO", "--spring.main.banner-mode=off",
					"--server.tomcat.threads.max=64", "--branchlink.demo.activity-days=0")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			SolrClient solr = app.getBean(SolrClient.class);
			double[] raw = rawNrt(solr, jdbc, 300);
			Bench.log("raw SolrJ atomic update + soft commit → visible: p50 %.1f ms, p99 %.1f ms", raw[0], raw[1]);

			List<String> sites = jdbc.sql("select id from catalog_site where kind in ('township_station', 'village_center') "
					+ "order by id limit " + CLIENTS).query(String.class).list();
			AccountStore accounts = app.getBean(AccountStore.class);
			ReaderRegistry readers = app.getBean(ReaderRegistry.class);
			List<String> cards = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				cards.add(readers.register(new ReaderRegistry.Registration("压测读者" + i, LocalDate.of(1980, 1, 1), "adult",
						sites.get(i % CLIENTS), null, false, null, null, null)).cardNumber());
			}
			List<Copy> copies = jdbc.sql("""
					select i.barcode, r.work_id, i.site_id from item i
					join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
					join catalog_site s on s.id = i.site_id
					where s.kind <> 'city_study_room' -- a floating collection: a checkin elsewhere keeps it there
					  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
					  and (select count(*) from item o where o.barcode = i.barcode) = 1 order by md5(i.barcode)""")
				.query((rs, n) -> new Copy(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
			Bench.log("%d clients, %d copies, %d readers; %d s at %.0f events/s", CLIENTS, copies.size(), cards.size(),
					seconds, TARGET_RATE);

			Watcher watcher = new Watcher(solr);
			watcher.start();
			AtomicLong acknowledged = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			AtomicLong requests = new AtomicLong();
			AtomicLong warmUp = new AtomicLong();
			AtomicLong sampled = new AtomicLong();
			CountDownLatch done = new CountDownLatch(CLIENTS);
			long start = System.nanoTime();
			long measureFrom = start + WARM_UP_SECONDS * 1_000_000_000L; // JIT, caches and segments settle first
			long end = measureFrom + seconds * 1_000_000_000L;
			long[] cpuAtStart = new long[2];
			Thread cpuMark = new Thread(() -> {
				LockSupport.parkNanos(measureFrom - System.nanoTime());
				System.arraycopy(Bench.cpuNanos(), 0, cpuAtStart, 0, 2);
				Bench.resetStatements(jdbc);
			}, "cpu-mark");
			cpuMark.start();
			long interval = (long) (1_000_000_000L * CLIENTS / TARGET_RATE);
			for (int c = 0; c < CLIENTS; c++) {
				String site = sites.get(c);
				String key = "bench-key-" + site;
				accounts.saveApiKey(key, site, "bench");
				List<Copy> mine = new ArrayList<>();
				for (int i = c; i < copies.size(); i += CLIENTS) {
					mine.add(copies.get(i));
				}
				int client = c;
				Thread thread = new Thread(() -> {
					Map<String, Boolean> out = new HashMap<>();
					long next = start + client * interval / CLIENTS;
					long phase = start;
					int n = 0;
					while (next < end) {
						// the site's system sends what happened since its last call (one event when flush is 0)
						LockSupport.parkNanos(Math.max(next, nextFlush(next, phase, FLUSH_NANOS)) - System.nanoTime());
						long now = System.nanoTime();
						List<String> events = new ArrayList<>();
						List<Copy> sent = new ArrayList<>();
						List<Boolean> kinds = new ArrayList<>();
						while (next <= now && next < end) {
							next += interval;
							Copy copy = mine.get(n % mine.size());
							boolean checkout = !out.getOrDefault(copy.barcode(), false);
							out.put(copy.barcode(), checkout);
							String card = cards.get(ThreadLocalRandom.current().nextInt(cards.size()));
							events.add("{\"eventId\":\"bench-" + client + "-" + n + "\",\"type\":\""
									+ (checkout ? "checkout" : "checkin") + "\",\"occurredAt\":\"" + Instant.now()
									+ "\",\"barcode\":\"" + copy.barcode() + "\"" + (checkout ? ",\"card\":\"" + card + "\"" : "")
									+ "}");
							sent.add(copy);
							kinds.add(checkout);
							n++;
						}
						if (events.isEmpty()) {
							continue;
						}
						requests.incrementAndGet();
						try {
							HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
									+ port + "/api/sites/" + site + "/circulation/events"))
								.header("X-API-Key", key).header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")).build(),
									HttpResponse.BodyHandlers.ofString());
							boolean measured = now >= measureFrom;
							if (response.statusCode() == 200 && response.body().contains("\"accepted\":" + events.size() + ",")) {
								(measured ? acknowledged : warmUp).addAndGet(events.size());
								for (int i = 0; i < sent.size(); i++) {
									// every eighth event is followed until it shows; during the warm-up too, uncounted, so
									// that the watcher's own queries are part of the load before the measured minute
									if (sampled.incrementAndGet() % 8 == 0) {
										Copy copy = sent.get(i);
										watcher.expect(copy, kinds.get(i) ? "on_loan"
												: site.equals(copy.owner()) ? "available" : "in_transit", measured);
									}
								}
							}
							else {
								failed.addAndGet(events.size());
							}
						}
						catch (Exception ex) {
							failed.addAndGet(events.size());
						}
					}
					done.countDown();
				}, "site-client-" + c);
				thread.start();
			}
			done.await();
			double elapsed = (System.nanoTime() - measureFrom) / 1e9;
			long[] cpuAtEnd = Bench.cpuNanos();
			cpuMark.join();
			watcher.drain(Duration.ofSeconds(30));
			double[] visible = watcher.percentiles();
			double rate = acknowledged.get() / elapsed;
			long applied = jdbc.sql("select count(*) from circulation_event where event_id like 'bench-%' and applied_at is not null")
				.query(Long.class).single();
			long stored = jdbc.sql("select count(*) from circulation_event where event_id like 'bench-%'").query(Long.class).single();
			long appliedTimes = jdbc.sql("""
					select coalesce(sum(c.events), 0) from circulation_item c
					where exists (select 1 from circulation_event e where e.event_id like 'bench-%' and e.barcode = c.barcode)""")
				.query(Long.class).single();
			long lost = acknowledged.get() + warmUp.get() - applied;
			long duplicated = appliedTimes - stored;
			Bench.log("%,d events acknowledged in %.1f s: %.0f events/s in %,d requests (%.1f per request; %d failed)",
					acknowledged.get(), elapsed, rate, requests.get(), (double) (acknowledged.get() + warmUp.get()) / requests.get(),
					failed.get());
			Bench.log("accepted → visible in search: p50 %.1f ms, p99 %.1f ms (%d measured, %d never seen); raw p99 %.1f ms",
					visible[0], visible[1], watcher.measured(), watcher.pending(), raw[1]);
			Bench.log("visible p90 %.1f ms, p95 %.1f ms, max %.1f ms", visible[2], visible[3], visible[4]);
			Bench.log("slowest per second: %s", watcher.worst.values().stream().map(v -> String.valueOf(Math.round(v)))
				.collect(Collectors.joining(" ")));
			Bench.log("lost %d, duplicated %d", lost, duplicated);
			double jvmCpuMs = (cpuAtEnd[0] - cpuAtStart[0]) / 1e6 / Math.max(1, acknowledged.get());
			double pgCpuMs = (cpuAtEnd[1] - cpuAtStart[1]) / 1e6 / Math.max(1, acknowledged.get());
			Bench.log("CPU per event: %.2f ms in the JVM (the benchmark's clients and watcher included), %.2f ms in PostgreSQL",
					jvmCpuMs, pgCpuMs);
			Bench.logStatements(jdbc, acknowledged.get(), 15);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "lending");
			result.put("date", OffsetDateTime.now().toString());
			result.put("clients", CLIENTS);
			result.put("target_events_per_s", TARGET_RATE);
			result.put("seconds", Bench.round(elapsed));
			result.put("events", acknowledged.get());
			result.put("events_per_s", Math.round(rate));
			result.put("failed", failed.get());
			result.put("flush_ms", FLUSH_NANOS / 1_000_000);
			result.put("events_per_request", Bench.round((double) (acknowledged.get() + warmUp.get()) / requests.get()));
			result.put("warm_up_seconds", WARM_UP_SECONDS);
			result.put("warm_up_events", warmUp.get());
			result.put("visible_p50_ms", Bench.round(visible[0]));
			result.put("visible_p99_ms", Bench.round(visible[1]));
			result.put("visible_measured", watcher.measured());
			result.put("never_visible", watcher.pending());
			result.put("raw_nrt_p50_ms", Bench.round(raw[0]));
			result.put("raw_nrt_p99_ms", Bench.round(raw[1]));
			result.put("lost", lost);
			result.put("duplicated", duplicated);
			result.put("jvm_cpu_ms_per_event", Bench.round(jvmCpuMs));
			result.put("postgres_cpu_ms_per_event", Bench.round(pgCpuMs));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeJson("lending", result);
		}
		Bench.deleteData(data);
	}

	/** The next flush time at or after {@code t} on a grid of {@code flush} from {@code start}. */
	private static long nextFlush(long t, long start, long flush) {
		if (flush <= 0) {
			return t;
		}
		return start + ((t - start + flush - 1) / flush) * flush;
	}

	/** Raw engine: atomic update of one work's field, soft commit, query until the new value shows. */
	private static double[] rawNrt(SolrClient solr, JdbcClient jdbc, int rounds) throws Exception {
		List<String> works = jdbc.sql("select id from work order by md5(id) limit " + rounds).query(String.class).list();
		double[] millis = new double[works.size()];
		for (int i = 0; i < works.size(); i++) {
			String id = works.get(i);
			int value = 1000 + i;
			long t0 = System.nanoTime();
			SolrInputDocument doc = new SolrInputDocument();
			doc.setField("id", id);
			doc.setField("item_count", Map.of("set", value));
			UpdateRequest update = new UpdateRequest();
			update.add(doc);
			update.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
			update.process(solr);
			while (true) {
				SolrDocument found = solr.query(new SolrQuery("id:\"" + id + "\"").setFields("item_count")).getResults().get(0);
				if (Integer.valueOf(value).equals(found.getFieldValue("item_count"))) {
					break;
				}
			}
			millis[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1] };
	}

	private record Copy(String barcode, String workId, String owner) {
	}

	/** Polls Solr for the copies with events not yet visible; records accepted → visible for each. */
	private static final class Watcher extends Thread {

		private final SolrClient solr;

		private final Map<String, Expected> pending = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final long born = System.nanoTime();

		/** The slowest accepted → visible per second of the run (where the tail comes from). */
		private final Map<Integer, Double> worst = new ConcurrentSkipListMap<>();

		Watcher(SolrClient solr) {
			super("visibility-watcher");
			this.solr = solr;
			setDaemon(true);
		}

		/** Follows the copy until it shows the status; counted is false for the warm-up's events. */
		void expect(Copy copy, String status, boolean counted) {
			pending.put(copy.barcode(), new Expected(copy.workId(), status, System.nanoTime(), counted));
		}

		@Override
		public void run() {
			while (running.get()) {
				if (pending.isEmpty()) {
					LockSupport.parkNanos(1_000_000);
					continue;
				}
				Map<String, List<String>> byWork = new HashMap<>();
				pending.forEach((barcode, e) -> byWork.computeIfAbsent(e.workId(), w -> new ArrayList<>()).add(barcode));
				List<String> ids = new ArrayList<>(byWork.keySet()).subList(0, Math.min(200, byWork.size()));
				try {
					// a work's holdings are on its copies document
					SolrQuery query = new SolrQuery("*:*").addFilterQuery("{!terms f=work_id cache=false}" + String.join(",", ids))
						.setFields("work_id", "holdings").setRows(ids.size());
					long now = System.nanoTime();
					for (SolrDocument doc : solr.query(query).getResults()) {
						for (Object line : doc.getFieldValues("holdings")) {
							String[] f = line.toString().split("\t", -1);
							Expected e = pending.get(f[1]);
							if (e != null && f[4].equals(e.status()) && pending.remove(f[1], e) && e.counted()) {
								latencies.add((now - e.acceptedAt()) / 1e6);
								int second = (int) ((e.acceptedAt() - born) / 1_000_000_000L);
								worst.merge(second, (now - e.acceptedAt()) / 1e6, Math::max);
							}
						}
					}
				}
				catch (Exception ex) {
					LockSupport.parkNanos(10_000_000);
				}
				LockSupport.parkNanos(20_000_000); // polls every 20 ms: the resolution of the measurement (it errs high)
			}
		}

		void drain(Duration max) {
			long until = System.nanoTime() + max.toNanos();
			while (!pending.isEmpty() && System.nanoTime() < until) {
				LockSupport.parkNanos(10_000_000);
			}
			running.set(false);
		}

		int measured() {
			return latencies.size();
		}

		int pending() {
			return pending.size();
		}

		double[] percentiles() {
			double[] all = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			if (all.length == 0) {
				return new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN };
			}
			return new double[] { all[all.length / 2], all[(int) Math.ceil(all.length * 0.99) - 1],
					all[(int) Math.ceil(all.length * 0.9) - 1], all[(int) Math.ceil(all.length * 0.95) - 1], all[all.length - 1] };
		}

		private record Expected(String workId, String status, long acceptedAt, boolean counted) {
		}

	}

}
