package org.branchlink.gateway.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The holds benchmark ({@code ./bench holds [seconds]}): the demo county; 200 readers, each on its own thread, place
 * holds as fast as they can on 100 titles that have one to three copies, picking up at random lending sites. The
 * figure is placements per second through the hold service (placement, queue check, targeting, allocation); the
 * check is the database's own count of copies allocated to more than one active hold. In the same run, the raw engine:
 * plain JDBC transactions of the least a placement must do, on the same pool and threads. Writes
 * {@code src/docs/bench/holds.json}.
 */
final class HoldsBench {

	private static final int READERS = 200;

	private static final int TITLES = 1000;

	private HoldsBench() {
	}

	/**
	 * The raw engine in the same run: 200 threads on the application's own connection pool, each transaction the
	 * least a placement must do — insert a hold row and read the title's queue — with plain JDBC, on a scratch table.
	 */
	private static double rawEngine(ConfigurableApplicationContext app, List<String> titles, int seconds) throws Exception {
		DataSource source = app.getBean(DataSource.class);
		try (var c = source.getConnection(); var st = c.createStatement()) {
			st.execute("create table if not exists bench_raw_hold (id bigserial primary key, work_id text not null, "
					+ "card text not null, placed_at timestamptz not null default now())");
			st.execute("create index if not exists bench_raw_hold_work on bench_raw_hold (work_id, placed_at)");
		}
		AtomicLong done = new AtomicLong();
		CountDownLatch finished = new CountDownLatch(READERS);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		for (int r = 0; r < READERS; r++) {
			String card = "raw" + r;
			Thread thread = new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					try (var c = source.getConnection()) {
						c.setAutoCommit(false);
						String work = titles.get(random.nextInt(titles.size()));
						try (var insert = c.prepareStatement("insert into bench_raw_hold (work_id, card) values (?, ?) returning id")) {
							insert.setString(1, work);
							insert.setString(2, card);
							insert.executeQuery().close();
						}
						try (var queue = c.prepareStatement(
								"select count(*) from bench_raw_hold where work_id = ? and placed_at < now()")) {
							queue.setString(1, work);
							queue.executeQuery().close();
						}
						c.commit();
						done.incrementAndGet();
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
				finished.countDown();
			});
			thread.start();
		}
		finished.await();
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	static void run(int seconds) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BranchLinkApplication.class)
			.profiles("demo")
			.run("--server.port=0", "--branchlink.gateway.data-dir=" + data, "--logging.level.org.branchlink=WARN",
					"--spring.main.banner-mode=off", "--branchlink.holds.per-reader=1000000",
					"--spring.datasource.hikari.maximum-pool-size=40", "--branchlink.demo.activity-days=0")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			HoldQueue holds = app.getBean(HoldQueue.class);
			ReaderRegistry registry = app.getBean(ReaderRegistry.class);
			List<String> titles = jdbc.sql("""
					select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
					group by r.work_id having count(*) between 1 and 3 order by md5(r.work_id) limit :n""")
				.param("n", TITLES).query(String.class).list();
			List<String> pickups = jdbc.sql("select id from catalog_site where 'library' = any(service_lines)")
				.query(String.class).list();
			List<Reader> readers = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				readers.add(registry.register(new ReaderRegistry.Registration("预约压测" + i, LocalDate.of(1990, 1, 1),
						"adult", pickups.get(i % pickups.size()), null, false, null, null, null)));
			}
			Bench.log("%d readers, %d titles (%d copies), %d pickup sites; %d s", READERS, titles.size(),
					jdbc.sql("select count(*) from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id "
							+ "where r.work_id = any(:w)").param("w", titles.toArray(String[]::new)).query(Long.class).single(),
					pickups.size(), seconds);
			// warm up the code paths
			for (int i = 0; i < READERS; i++) {
				// the last title of the reader's walk below, which the run does not reach
				holds.place(readers.get(i), titles.get((i * (TITLES / READERS) + TITLES - 1) % titles.size()), null,
						pickups.get(0));
			}
			AtomicLong placed = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			CountDownLatch done = new CountDownLatch(READERS);
			long start = System.nanoTime();
			long end = start + seconds * 1_000_000_000L;
			for (int r = 0; r < readers.size(); r++) {
				Reader reader = readers.get(r);
				// each reader walks the titles from its own place: a reader holds a title once (hold-duplicate), and
				// 1,000 titles last a reader longer than a run
				int offset = r * (TITLES / READERS);
				Thread thread = new Thread(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					int next = 0;
					while (System.nanoTime() < end) {
						try {
							holds.place(reader, titles.get((offset + next++) % titles.size()), null,
									pickups.get(random.nextInt(pickups.size())));
							placed.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failed.incrementAndGet();
						}
					}
					done.countDown();
				});
				thread.start();
			}
			done.await();
			double elapsed = (System.nanoTime() - start) / 1e9;
			long doubles = jdbc.sql("""
					select count(*) from (select allocated_site, allocated_barcode from hold
					  where status in ('allocated', 'in_transit', 'ready') group by 1, 2 having count(*) > 1) d""")
				.query(Long.class).single();
			long allocated = jdbc.sql("select count(*) from hold where status = 'allocated'").query(Long.class).single();
			double rate = placed.get() / elapsed;
			Bench.log("%,d holds placed in %.1f s: %.0f placements/s (%d failed); %d copies allocated, %d allocated twice",
					placed.get(), elapsed, rate, failed.get(), allocated, doubles);
			double raw = rawEngine(app, titles, Math.max(5, seconds / 3));
			Bench.log("raw PostgreSQL, same threads and pool: %.0f transactions/s (insert a hold row, read its queue); "
					+ "placements at %.2f of it", raw, rate / raw);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "holds");
			result.put("date", OffsetDateTime.now().toString());
			result.put("readers", READERS);
			result.put("titles", titles.size());
			result.put("seconds", Bench.round(elapsed));
			result.put("placements", placed.get());
			result.put("placements_per_s", Math.round(rate));
			result.put("failed", failed.get());
			result.put("allocated_copies", allocated);
			result.put("double_allocations", doubles);
			result.put("raw_transactions_per_s", Math.round(raw));
			result.put("ratio_to_raw", Bench.round(rate / raw));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeJson("holds", result);
		}
		Bench.deleteData(data);
	}

}
