package org.branchlink.gateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.solr.client.solrj.SolrClient;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.containers.ClusterBench;
import org.branchlink.gateway.records.UnifiedSearch;
import org.branchlink.gateway.demo.DemoCatalogue;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.sip2.Sip2Bench;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue benchmark ({@code ./bench catalog [records]}): N generated MARC records spread over the demo county's
 * sites go from files to searchable through the real ingest; in the same run the same work documents are bulk-added
 * with plain SolrJ to a fresh embedded Solr on the same configset; then search latency through the HTTP API and through
 * raw SolrJ on the same index. Prints the figures and writes {@code src/docs/bench/catalog.json}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String what = args.length > 0 ? args[0] : "catalog";
		String size = args.length > 1 ? args[1].replace("_", "").replace(",", "") : "";
		switch (what) {
			case "catalog" -> catalog(size.isEmpty() ? 1_000_000 : Integer.parseInt(size));
			case "lending" -> LendingBench.run(size.isEmpty() ? 60 : Integer.parseInt(size));
			case "holds" -> HoldsBench.run(size.isEmpty() ? 30 : Integer.parseInt(size));
			case "sip2" -> Sip2Bench.run(size.isEmpty() ? 30 : Integer.parseInt(size));
			case "schedule" -> ScheduleBench.run(size);
			case "oai" -> OaiBench.run(size.isEmpty() ? 1_000_000 : Integer.parseInt(size));
			case "sru" -> SruBench.run(size.isEmpty() ? 1_000_000 : Integer.parseInt(size));
			case "pages" -> PagesBench.run(size.isEmpty() ? 40 : Integer.parseInt(size));
			case "cluster" -> ClusterBench.run(size.isEmpty() ? 60 : Integer.parseInt(size));
			case "restore" -> RestoreBench.run(size.isEmpty() ? 1_000_000 : Integer.parseInt(size));
			default -> throw new IllegalArgumentException(
					"unknown benchmark '" + what + "'; one of: catalog, lending, holds, schedule, sip2, oai, sru, pages, cluster, restore");
		}
		System.exit(0);
	}

	/** {@code -Dbench.catalog=sites} loads the files site by site (one ingest run each, searchable at its end). */
	private static final boolean BULK = !"sites".equals(System.getProperty("bench.catalog", "bulk"));

	/**
	 * Records a throwaway application loads before the measured one ({@code -Dbench.catalog-warm-up}; 0 measures a
	 * cold JVM, and the raw add then runs in a fresh JVM too). The raw add is timed after the measured load, on code
	 * the JIT has compiled by then; without a warm-up the measured load alone would pay the compiling (C2 took about
	 * half a core in the index phase's first 30 s).
	 */
	private static final int WARM_UP = Integer.getInteger("bench.catalog-warm-up", 200_000);

	static void catalog(int records) throws Exception {
		if (WARM_UP > 0) {
			long t = System.nanoTime();
			Path warmData = IntegrationTest.freshDataDir();
			try (ConfigurableApplicationContext warm = start(warmData)) {
				load(warm, WARM_UP);
			}
			deleteData(warmData);
			log("warm-up: %,d records loaded in a throwaway application (%.1f s)", WARM_UP, seconds(t));
		}
		Path data = IntegrationTest.freshDataDir();
		log("data directory %s", data);
		try (ConfigurableApplicationContext app = start(data)) {
			Loaded loaded = load(app, records);
			int read = loaded.read();
			double ingestSeconds = loaded.seconds();
			long works = app.getBean(CatalogSearch.class).countWorks();
			double ingestRate = read / ingestSeconds;
			log("ingest: %,d records → %,d works searchable in %.1f s: %,.0f records/s", read, works, ingestSeconds, ingestRate);

			double rawSeconds = rawBulkAdd(app, data.resolve("raw-solr"));
			double rawDocsRate = works / rawSeconds;
			double ingestRatio = rawSeconds / ingestSeconds;
			log("raw SolrJ bulk add of the same %,d work documents: %.1f s, %,.0f docs/s; ingest/raw = %.2f", works,
					rawSeconds, rawDocsRate, ingestRatio);

			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			SolrClient solr = app.getBean(SolrClient.class);
			CatalogSearch search = app.getBean(CatalogSearch.class);
			UnifiedSearch unified = app.getBean(UnifiedSearch.class);
			EventSearch events = app.getBean(EventSearch.class);
			ExecutorService beside = Executors.newSingleThreadExecutor();
			// raw: the same Solr requests the API sends — the works query and, beside it as the API does, the events query
			double[][] both = latencies(queries(), q -> httpSearch(port, q), q -> {
				SearchRequest request = SearchRequest.of(q);
				Future<?> coming = UnifiedSearch.showsEvents(request)
						? beside.submit(() -> solr.query(events.solrQuery(unified.eventsQuery(request), false))) : null;
				solr.query(search.solrQuery(request));
				if (coming != null) {
					coming.get();
				}
			});
			beside.shutdown();
			double[] api = both[0];
			double[] raw = both[1];
			double searchRatio = api[1] / raw[1];
			log("search through the API: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", api[0], api[1], api[2]);
			log("search through raw SolrJ: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; API/raw p95 = %.2f", raw[0], raw[1],
					raw[2], searchRatio);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "catalog");
			result.put("date", OffsetDateTime.now().toString());
			result.put("load", BULK ? "bulk" : "sites");
			result.put("records", read);
			result.put("warm_up_records", WARM_UP);
			result.put("works", works);
			result.put("ingest_seconds", round(ingestSeconds));
			result.put("ingest_records_per_s", Math.round(ingestRate));
			result.put("raw_jvm", WARM_UP > 0 ? "the benchmark's, after the load" : "a fresh one");
			result.put("raw_index_seconds", round(rawSeconds));
			result.put("raw_index_docs_per_s", Math.round(rawDocsRate));
			result.put("ingest_ratio", round(ingestRatio));
			result.put("api_p50_ms", round(api[0]));
			result.put("api_p95_ms", round(api[1]));
			result.put("api_p99_ms", round(api[2]));
			result.put("raw_p50_ms", round(raw[0]));
			result.put("raw_p95_ms", round(raw[1]));
			result.put("raw_p99_ms", round(raw[2]));
			result.put("search_ratio", round(searchRatio));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			writeJson("catalog", result);
		}
		deleteData(data);
	}

	/**
	 * Deletes a finished run's data directory unless {@code -Dbench.keep-data=true}: a 1M-record catalogue run leaves
	 * several GB (PostgreSQL, two Solr indexes, the MARC files).
	 */
	public static void deleteData(Path data) throws IOException {
		if (!Boolean.getBoolean("bench.keep-data")) {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	static ConfigurableApplicationContext start(Path data, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--branchlink.gateway.data-dir=" + data,
				"--logging.level.org.branchlink=WARN", "--logging.level.org.branchlink.catalog.CatalogIngest=INFO",
				"--logging.level.org.branchlink.catalog.index.WorkIndexer=INFO",
				"--logging.level.org.branchlink.catalog.ingest.WorkStore=INFO", "--spring.main.banner-mode=off",
				// the search latency measures the engine, one client asking 1,050 questions in a row: not the anonymous
				// rate limit, which would answer 429 after 120 (its own cost, a Hazelcast bucket per request, is left out)
				"--branchlink.security.rate-limits.exempt=127.0.0.1"));
		args.addAll(List.of(more));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(BranchLinkApplication.class)
			.run(args.toArray(String[]::new));
		app.getBean(SiteDirectory.class).load(DemoCounty.registryYaml(), "demo-county.yml", false);
		return app;
	}

	/** What a load read and how long it took. */
	record Loaded(int read, double seconds) {
	}

	/** Writes N generated records as the sites' files (untimed), then ingests them (timed until searchable). */
	static Loaded load(ConfigurableApplicationContext app, int records) throws Exception {
		List<DemoCatalogue.Holder> holders = DemoCatalogue.holders(app.getBean(SiteDirectory.class).require());
		long t0 = System.nanoTime();
		Path data = Path.of(app.getEnvironment().getRequiredProperty("branchlink.gateway.data-dir"));
		Map<String, Path> files = DemoCatalogue.write(holders, records, data.resolve("bench-files"));
		log("generated %,d records in %d files (%.1f s)", records, files.size(), seconds(t0));
		SiteCatalogIngest ingest = app.getBean(SiteCatalogIngest.class);
		long started = System.nanoTime();
		int read = 0;
		if (BULK) { // all sites' files as one load, each work indexed once at the end
			List<SiteCatalogIngest.SiteFile> siteFiles = files.entrySet().stream()
				.map(file -> SiteCatalogIngest.SiteFile.of(file.getKey(), file.getValue()))
				.toList();
			for (IngestReport report : ingest.ingestFiles(siteFiles)) {
				read += report.read();
				log("  %s: %,d records stored, %.0f/s", report.siteId(), report.read(), report.recordsPerSecond());
			}
		}
		else { // site by site, each file searchable when its run ends
			for (Map.Entry<String, Path> file : files.entrySet()) {
				IngestReport report = ingest.ingestFile(file.getKey(), file.getValue().getFileName().toString(),
						Files.newInputStream(file.getValue()), null, IngestMode.FULL);
				read += report.read();
				log("  %s: %,d records, %.0f/s", file.getKey(), report.read(), report.recordsPerSecond());
			}
		}
		return new Loaded(read, seconds(started));
	}

	/** Writes a run's figures to {@code src/docs/bench/<name>.json} (or {@code -Dbench.out}) and prints them. */
	public static void writeJson(String name, Map<String, Object> result) throws IOException {
		String json = toJson(result);
		Path out = Path.of(System.getProperty("bench.out", "../src/docs/bench/" + name + ".json"));
		Files.createDirectories(out.getParent());
		Files.writeString(out, json + "\n");
		System.out.println(json);
	}

	/**
	 * Writes one protocol's figures into {@code src/docs/bench/interop.json} (the SIP2, SRU and OAI-PMH benchmarks
	 * share it, each under its own key, keeping the others' latest figures) and prints them.
	 */
	public static void writeInterop(String part, Map<String, Object> result) throws IOException {
		Path out = Path.of(System.getProperty("bench.out", "../src/docs/bench/interop.json"));
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Map<String, Object> all = new LinkedHashMap<>();
		if (Files.exists(out)) {
			Map<String, Object> before = json.readValue(out.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
			});
			// a file of one benchmark only (before the protocols shared it) is dropped
			if ("interop".equals(before.get("benchmark"))) {
				all.putAll(before);
			}
		}
		all.put("benchmark", "interop");
		all.put(part, result);
		Files.createDirectories(out.getParent());
		Files.writeString(out, json.writeValueAsString(all) + "\n");
		System.out.println(toJson(result));
	}

	/** Forgets PostgreSQL's statement statistics ({@code pg_stat_statements}), so {@link #logStatements} tells one phase. */
	public static void resetStatements(JdbcClient jdbc) {
		jdbc.sql("select monitoring.pg_stat_statements_reset()").query((ResultSet rs) -> {
		});
	}

	/**
	 * Logs the statements that took PostgreSQL the most time since {@link #resetStatements}: share of the time, calls,
	 * milliseconds per call and per unit of work (an event, a transaction): where the database's time per event goes.
	 */
	public static void logStatements(JdbcClient jdbc, long units, int top) {
		double[] total = { 0 };
		List<String> lines = new ArrayList<>();
		jdbc.sql("select calls, total_exec_time, query from monitoring.pg_stat_statements order by total_exec_time desc")
			.query((ResultSet rs) -> {
				double ms = rs.getDouble(2);
				total[0] += ms;
				if (lines.size() < top) {
					String query = rs.getString(3).replaceAll("\\s+", " ");
					lines.add(String.format(Locale.ROOT, "%8d calls %7.3f ms each %6.3f ms per unit  %s", rs.getLong(1),
							ms / Math.max(1, rs.getLong(1)), ms / Math.max(1, units),
							query.length() > 150 ? query.substring(0, 150) + "…" : query));
				}
			});
		log("PostgreSQL statements by time (%.3f ms per unit in all, %,d units):", total[0] / Math.max(1, units), units);
		lines.forEach(line -> log("  %s", line));
	}

	/**
	 * CPU time used so far by this JVM and by the PostgreSQL processes (Linux {@code /proc}; 0 elsewhere), in
	 * nanoseconds: the load's cost per event, steadier across runs than latency on a machine whose speed drifts.
	 */
	public static long[] cpuNanos() {
		long jvm = ((OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
		long postgres = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String command = Files.readString(process.resolve("comm")).strip();
					if (command.startsWith("postgres")) {
						String stat = Files.readString(process.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // 100 ticks/s
					}
				}
				catch (IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return new long[] { jvm, 0 };
		}
		return new long[] { jvm, postgres };
	}

	/** The raw add ({@link RawAdd}) in the same JIT state as the measured load: this JVM after a warm-up, else a fresh one. */
	private static double rawBulkAdd(ConfigurableApplicationContext app, Path home) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		if (WARM_UP > 0) {
			return RawAdd.inThisJvm(app.getBean(WorkStore.class), jdbc, home);
		}
		HikariDataSource database = app.getBean(HikariDataSource.class);
		return RawAdd.inFreshJvm(database.getJdbcUrl(), database.getUsername(), database.getPassword(), home);
	}

	private interface Query {

		void run(String q) throws Exception;

	}

	/**
	 * Latency percentiles p50, p95, p99 in milliseconds of two ways to run the same queries, after a warm-up. Each
	 * query runs both ways back to back, each way going first half of the time, so Solr's caches favour neither.
	 */
	private static double[][] latencies(List<String> queries, Query first, Query second) throws Exception {
		for (String q : queries.subList(0, 50)) {
			first.run(q);
			second.run(q);
		}
		double[] a = new double[queries.size()];
		double[] b = new double[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			String q = queries.get(i);
			if (i % 2 == 0) {
				a[i] = time(first, q);
				b[i] = time(second, q);
			}
			else {
				b[i] = time(second, q);
				a[i] = time(first, q);
			}
		}
		return new double[][] { percentiles(a), percentiles(b) };
	}

	private static double time(Query query, String q) throws Exception {
		long t = System.nanoTime();
		query.run(q);
		return (System.nanoTime() - t) / 1e6;
	}

	private static double[] percentiles(double[] millis) {
		Arrays.sort(millis);
		return new double[] { millis[(int) (millis.length * 0.50)], millis[(int) (millis.length * 0.95)],
				millis[(int) Math.min(millis.length - 1, millis.length * 0.99)] };
	}

	private static List<String> queries() {
		String[] words = { "中国历史", "书法", "地方志", "唐诗", "红楼梦", "儿童故事", "水稻栽培", "茶叶种植", "中医养生", "计算机基础",
				"乡村振兴", "心理学", "围棋", "摄影", "戏曲", "history", "calligraphy", "rice farming", "poetry", "health",
				"zhongguo lishi", "shufa", "tangshi", "zgls", "sdys", "入门", "简史", "教程", "图说", "少年" };
		Random random = new Random(7);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 1050; i++) {
			queries.add(words[random.nextInt(words.length)]);
		}
		return queries;
	}

	private static void httpSearch(int port, String q) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/search?rows=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("search answered " + response.statusCode());
		}
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	public static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** The figures as indented JSON (nested maps, such as the schedule benchmark's peers, as JSON objects). */
	static String toJson(Map<String, Object> values) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(values);
	}

	public static void log(String format, Object... args) {
		System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
	}

}
