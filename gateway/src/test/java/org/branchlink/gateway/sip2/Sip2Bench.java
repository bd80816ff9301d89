package org.branchlink.gateway.sip2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.bench.Bench;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SIP2 benchmark ({@code ./bench sip2 [seconds]}): the demo county; 20 kiosks, each with its own account at its
 * own site, its own reader and its site's copies, each on one connection doing checkout then checkin round trips.
 * Four phases of the given seconds: SIP2 as fast as the answers come (closed loop, after a warm-up), the same
 * checkouts and checkins sent to {@link LendingDesk} directly by 20 threads (the raw figure), then both again at
 * {@code bench.rate} transactions a second offered (default 500, the target), a transaction's time counted
 * from when it was due. Reports transactions (messages answered) per second, p50/p99 and CPU per transaction.
 * Afterwards the journal is checked: every acknowledged transaction stored once. Writes
 * {@code src/docs/bench/interop.json} (key {@code sip2}).
 */
public final class Sip2Bench {

	private static final int KIOSKS = 20;

	private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up", 20);

	/** The target: this many transactions a second from the 20 kiosks, each answered within 50 ms at p99. */
	private static final int RATE = Integer.getInteger("bench.rate", 500);

	/** Before each phase after the first: the new connections' first messages are not counted. */
	private static final int WARM_UP_AGAIN = 5;

	/** {@code -Dbench.slow-log=true}: lists every transaction over 50 ms (when it was due, how long it took). */
	private static final boolean SLOW_LOG = Boolean.getBoolean("bench.slow-log");

	private Sip2Bench() {
	}

	public static void run(int seconds) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BranchLinkApplication.class).profiles("demo")
			.run("--server.port=0", "--branchlink.sip2.port=0", "--branchlink.gateway.data-dir=" + data, "--branchlink.demo.activity-days=0",
					"--logging.level.org.branchlink=WARN", "--spring.main.banner-mode=off",
					"--logging.level.org.branchlink.catalog.index.AvailabilityIndexer=INFO")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> sites = jdbc.sql("""
					select i.site_id from item i join catalog_site s on s.id = i.site_id where s.kind <> 'city_study_room'
					group by i.site_id having count(*) >= 200 order by count(*) desc limit""" + " " + KIOSKS)
				.query(String.class).list();
			KioskAccounts accounts = app.getBean(KioskAccounts.class);
			ReaderRegistry readers = app.getBean(ReaderRegistry.class);
			List<Kiosk> kiosks = new ArrayList<>();
			for (int k = 0; k < KIOSKS; k++) {
				String site = sites.get(k % sites.size());
				accounts.save("bench-kiosk-" + k, "bench", site, StandardCharsets.UTF_8, false);
				String card = readers.register(new ReaderRegistry.Registration("压测读者" + k, LocalDate.of(1980, 1, 1),
						"adult", site, null, false, null, null, null)).cardNumber();
				List<String> copies = jdbc.sql("""
						select i.barcode from item i where i.site_id = :site
						  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
						  and (select count(*) from item o where o.barcode = i.barcode) = 1
						order by md5(i.barcode || :k) limit 400""")
					.param("site", site).param("k", k).query(String.class).list();
				kiosks.add(new Kiosk("bench-kiosk-" + k, site, card, copies, new AtomicInteger()));
			}
			int port = app.getBean(Sip2Server.class).port();
			Bench.log("%d kiosks at %d sites; %d s warm-up, %d s measured", KIOSKS, sites.size(), WARM_UP_SECONDS, seconds);
			LendingDesk desk = app.getBean(LendingDesk.class);
			Result sip2 = load(kiosks, seconds, 0, (kiosk, i) -> sip2(kiosk, port), WARM_UP_SECONDS);
			Bench.log("SIP2 as fast as answered: %.0f transactions/s, p50 %.1f ms, p99 %.1f ms, %d failed; CPU %s",
					sip2.rate(), sip2.p50(), sip2.p99(), sip2.failed(), sip2.cpu());
			Result raw = load(kiosks, seconds, 0, (kiosk, i) -> raw(kiosk, desk, i, "raw-"), WARM_UP_AGAIN);
			Bench.log("raw LendingDesk as fast as answered: %.0f transactions/s, p50 %.1f ms, p99 %.1f ms; CPU %s",
					raw.rate(), raw.p50(), raw.p99(), raw.cpu());
			Bench.resetStatements(jdbc);
			Result paced = load(kiosks, seconds, RATE, (kiosk, i) -> sip2(kiosk, port), WARM_UP_AGAIN);
			Bench.log("SIP2 at %d transactions/s offered: %.0f answered/s, p50 %.1f ms, p99 %.1f ms, %d failed; CPU %s",
					RATE, paced.rate(), paced.p50(), paced.p99(), paced.failed(), paced.cpu());
			// over the warm-up and the measured seconds of the paced phase
			Bench.logStatements(jdbc, Math.round(paced.rate() * (seconds + WARM_UP_AGAIN)), 15);
			Result rawPaced = load(kiosks, seconds, RATE, (kiosk, i) -> raw(kiosk, desk, i, "raw-paced-"), WARM_UP_AGAIN);
			Bench.log("raw LendingDesk at %d transactions/s offered: %.0f answered/s, p50 %.1f ms, p99 %.1f ms; CPU %s",
					RATE, rawPaced.rate(), rawPaced.p50(), rawPaced.p99(), rawPaced.cpu());
			long stored = jdbc.sql("select count(*) from circulation_event where event_id like 'sip2:bench-kiosk-%'")
				.query(Long.class).single();
			long applied = jdbc.sql("""
					select count(*) from circulation_event where event_id like 'sip2:bench-kiosk-%' and applied_at is not null""")
				.query(Long.class).single();
			long acknowledged = sip2.acknowledged() + paced.acknowledged();
			Bench.log("journal: %d SIP2 events stored, %d applied, %d acknowledged", stored, applied, acknowledged);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "sip2");
			result.put("date", OffsetDateTime.now().toString());
			result.put("kiosks", KIOSKS);
			result.put("seconds", seconds);
			result.put("warm_up_seconds", WARM_UP_SECONDS);
			result.put("offered_transactions_per_s", RATE);
			result.put("transactions_per_s", Math.round(paced.rate()));
			result.put("p50_ms", Bench.round(paced.p50()));
			result.put("p99_ms", Bench.round(paced.p99()));
			result.put("failed", sip2.failed() + paced.failed());
			result.put("most_transactions_per_s", Math.round(sip2.rate()));
			result.put("most_p50_ms", Bench.round(sip2.p50()));
			result.put("most_p99_ms", Bench.round(sip2.p99()));
			result.put("raw_desk_transactions_per_s", Math.round(rawPaced.rate()));
			result.put("raw_desk_p50_ms", Bench.round(rawPaced.p50()));
			result.put("raw_desk_p99_ms", Bench.round(rawPaced.p99()));
			result.put("raw_desk_most_transactions_per_s", Math.round(raw.rate()));
			result.put("raw_desk_most_p99_ms", Bench.round(raw.p99()));
			result.put("ratio", Bench.round(sip2.rate() / raw.rate()));
			result.put("p99_ratio", Bench.round(paced.p99() / rawPaced.p99()));
			result.put("cpu_per_transaction", paced.cpu());
			result.put("raw_desk_cpu_per_transaction", rawPaced.cpu());
			result.put("events_stored", stored);
			result.put("events_applied", applied);
			result.put("acknowledged", acknowledged);
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeInterop("sip2", result);
		}
		Bench.deleteData(data);
	}

	/** JVM and PostgreSQL CPU per transaction. */
	private static String cpu(long[] before, long[] after, long transactions) {
		return String.format(Locale.ROOT, "%.2f ms JVM (the kiosks' clients included) + %.2f ms PostgreSQL per transaction",
				(after[0] - before[0]) / 1e6 / Math.max(1, transactions), (after[1] - before[1]) / 1e6 / Math.max(1, transactions));
	}

	/** A kiosk with its reader and copies; {@code steps} counts its transactions over all phases (even: a checkout). */
	private record Kiosk(String user, String site, String card, List<String> copies, AtomicInteger steps) {
	}

	/** One transaction of a kiosk's loop: answers whether it was ok. */
	private interface Step {

		boolean run(int n) throws Exception;

	}

	private interface Steps {

		Step open(Kiosk kiosk, int index) throws Exception;

	}

	/** @param cpu JVM and PostgreSQL CPU per transaction over the measured seconds */
	private record Result(double rate, double p50, double p99, long failed, long acknowledged, String cpu) {
	}

	/**
	 * Every kiosk on its own thread, a warm-up, then the measured seconds. With {@code rate} 0 the loop is closed (each
	 * kiosk sends its next message when the last is answered: the most the server answers); with a rate, the kiosks
	 * together offer that many transactions a second, each on its own fixed schedule, and a transaction's time counts
	 * from when it was due, not when it could be sent (a late answer delays the next, whose wait is counted too).
	 */
	private static Result load(List<Kiosk> kiosks, int seconds, int rate, Steps steps, int warmUpSeconds)
			throws Exception {
		ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
		AtomicLong failed = new AtomicLong();
		AtomicLong acknowledged = new AtomicLong();
		// every kiosk signs in first (a password hash each): the clock starts when all are connected
		List<Step> opened = new ArrayList<>();
		for (int k = 0; k < kiosks.size(); k++) {
			opened.add(steps.open(kiosks.get(k), k));
		}
		long start = System.nanoTime();
		long measureFrom = start + warmUpSeconds * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		long interval = rate == 0 ? 0 : 1_000_000_000L * kiosks.size() / rate;
		List<Thread> threads = new ArrayList<>();
		for (int k = 0; k < kiosks.size(); k++) {
			Step step = opened.get(k);
			long first = start + interval * k / kiosks.size();
			Thread thread = new Thread(() -> {
				for (int n = 0; System.nanoTime() < end; n++) {
					long due = first + n * interval;
					while (interval > 0 && System.nanoTime() < due) {
						LockSupport.parkNanos(due - System.nanoTime());
					}
					long t0 = interval > 0 ? due : System.nanoTime();
					boolean ok;
					try {
						ok = step.run(n);
					}
					catch (Exception ex) {
						ok = false;
					}
					long t1 = System.nanoTime();
					if (ok) {
						acknowledged.incrementAndGet();
					}
					if (t0 >= measureFrom) {
						if (ok) {
							millis.add((t1 - t0) / 1e6);
							if (SLOW_LOG && t1 - t0 > 50_000_000L) {
								slow.add(String.format(Locale.ROOT, "%.3f+%.0f", (t0 - measureFrom) / 1e9, (t1 - t0) / 1e6));
							}
						}
						else {
							failed.incrementAndGet();
						}
					}
				}
			}, "bench-kiosk-" + k);
			threads.add(thread);
			thread.start();
		}
		while (System.nanoTime() < measureFrom) {
			LockSupport.parkNanos(measureFrom - System.nanoTime());
		}
		long[] cpuFrom = Bench.cpuNanos();
		if (SLOW_LOG) {
			Bench.log("measuring from %s", Instant.now());
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] cpuTo = Bench.cpuNanos();
		if (SLOW_LOG) {
			Bench.log("slow (s+ms): %s", slow.stream().sorted().toList());
		}
		String cpu = cpu(cpuFrom, cpuTo, millis.size() + failed.get());
		double[] all = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (all.length == 0) {
			return new Result(0, Double.NaN, Double.NaN, failed.get(), acknowledged.get(), cpu);
		}
		return new Result(all.length / (double) seconds, all[all.length / 2], all[(int) Math.ceil(all.length * 0.99) - 1],
				failed.get(), acknowledged.get(), cpu);
	}

	/** A kiosk's connection: even steps check a copy out, odd steps check it back in. */
	private static Step sip2(Kiosk kiosk, int port) throws Exception {
		KioskClient client = new KioskClient(port);
		if (!client.login(kiosk.user(), "bench").ok()) {
			throw new IllegalStateException("bench kiosk cannot sign in");
		}
		return ignored -> {
			int n = kiosk.steps().getAndIncrement();
			String barcode = kiosk.copies().get(n / 2 % kiosk.copies().size());
			KioskClient.Response answer = n % 2 == 0 ? client.checkout(kiosk.card(), barcode, KioskClient.now())
					: client.checkin(barcode, KioskClient.now());
			return answer.ok();
		};
	}

	/** The same through LendingDesk directly, with event ids of its own. */
	private static Step raw(Kiosk kiosk, LendingDesk desk, int index, String prefix) {
		return ignored -> {
			int n = kiosk.steps().getAndIncrement();
			String barcode = kiosk.copies().get(n / 2 % kiosk.copies().size());
			String id = prefix + index + "-" + n;
			var report = n % 2 == 0 ? desk.checkout(kiosk.site(), kiosk.card(), barcode, id, Instant.now())
					: desk.checkin(kiosk.site(), barcode, id, Instant.now());
			return report.accepted() == 1;
		};
	}

}
