package org.branchlink.gateway.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.cql.CqlSearch;
import org.branchlink.gateway.IntegrationTest;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SRU benchmark ({@code ./bench sru [records]}, default 1,000,000): N generated records loaded as in the catalogue
 * benchmark, then about fifty CQL queries (titles, creators, publishers, years, Chinese in both scripts, pinyin,
 * initials, English, booleans, phrases, exact titles) run as searchRetrieve over HTTP (10 records in {@code marcxml},
 * one client) beside the very same translated Solr query through SolrJ (same rows), back to back, each way first half
 * of the time, for several rounds after a warm-up round ({@code -Dbench.sru-rounds}, default 10). Prints p50 and p95
 * of both and p95 SRU / p95 raw (target at most 2), and where the difference goes: the same searchRetrieve without
 * records (HTTP and the search) and an explain (HTTP alone); writes {@code src/docs/bench/interop.json} (key {@code sru}).
 */
final class SruBench {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final int ROUNDS = Integer.getInteger("bench.sru-rounds", 10);

	private static final List<String> QUERIES = List.of("dc.title=中国历史", "dc.title=書法", "dc.title=地方志",
			"dc.title=唐诗", "dc.title=宋詞", "dc.title=红楼梦", "dc.title=儿童故事", "dc.title=水稻栽培", "dc.title=茶叶种植",
			"dc.title=中醫養生", "dc.title=计算机基础", "dc.title=乡村振兴", "dc.title=心理学", "dc.title=围棋", "dc.title=摄影",
			"dc.title=戏曲", "dc.title=\"zhongguo lishi\"", "dc.title=shufa", "dc.title=tangshi", "dc.title=zgls",
			"dc.title=sdys", "dc.title=history", "dc.title=calligraphy", "dc.title=\"rice farming\"", "dc.title=poetry",
			"dc.creator=王伟", "dc.creator=李芳", "dc.creator=張強", "dc.creator=\"Liu, Cixin\"", "dc.creator=smith",
			"dc.publisher=中华书局", "dc.publisher=商务印书馆", "dc.date=2001", "dc.date>=2020", "唐诗 and 精选",
			"\"图说书法\"", "dc.title=入门 and dc.date<1990", "dc.title=简史 or dc.title=概论",
			"(dc.title=书法 or dc.title=国画) and dc.date>2010", "dc.title=散文 not dc.title=精选",
			"dc.title=茶叶 and dc.creator=王", "dc.title adj \"实用手册\"", "dc.title all \"中医 养生\"",
			"dc.title any \"围棋 摄影 戏曲\"", "dc.title==茶叶种植入门", "dc.title=少年 and dc.publisher=浙江少年儿童出版社",
			"cql.anywhere=科幻小说", "dc.title=天文 sortBy dc.date/sort.descending", "dc.title=音乐 sortBy dc.title",
			"dc.title=环境保*");

	private SruBench() {
	}

	static void run(int records) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		try (ConfigurableApplicationContext app = Bench.start(data)) {
			Bench.Loaded loaded = Bench.load(app, records);
			long works = app.getBean(CatalogSearch.class).countWorks();
			Bench.log("ingest: %,d records → %,d works in %.1f s", loaded.read(), works, loaded.seconds());
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/sru";
			CqlSearch solr = app.getBean(CqlSearch.class);

			long hits = 0;
			for (String cql : QUERIES) { // warm-up round, and every query must run
				hits += sru(base, cql, 10);
				raw(solr, cql);
			}
			double[] sru = new double[QUERIES.size() * ROUNDS];
			double[] raw = new double[sru.length];
			double[] count = new double[sru.length];
			double[] explain = new double[sru.length];
			int n = 0;
			for (int round = 0; round < ROUNDS; round++) {
				for (String cql : QUERIES) {
					boolean sruFirst = n % 2 == 0;
					if (sruFirst) {
						sru[n] = time(() -> sru(base, cql, 10));
					}
					raw[n] = time(() -> raw(solr, cql));
					if (!sruFirst) {
						sru[n] = time(() -> sru(base, cql, 10));
					}
					count[n] = time(() -> sru(base, cql, 0));
					explain[n] = time(() -> explain(base));
					n++;
				}
			}
			double[] sruP = percentiles(sru);
			double[] rawP = percentiles(raw);
			double[] countP = percentiles(count);
			double[] explainP = percentiles(explain);
			double ratio = sruP[1] / rawP[1];
			Bench.log("SRU searchRetrieve (10 marcxml records over HTTP): p50 %.1f ms, p95 %.1f ms; raw in-process CqlSearch of the same"
					+ " query: p50 %.1f ms, p95 %.1f ms; p95 SRU / raw = %.2f (target ≤ 2); %,d queries, %,d hits in the"
					+ " warm-up round", sruP[0], sruP[1], rawP[0], rawP[1], ratio, sru.length, hits);
			Bench.log("where the difference goes: the same searchRetrieve with maximumRecords=0 (HTTP and the search, no"
					+ " records) p50 %.1f ms, p95 %.1f ms; explain (HTTP alone) p50 %.1f ms, p95 %.1f ms", countP[0],
					countP[1], explainP[0], explainP[1]);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "sru");
			result.put("date", OffsetDateTime.now().toString());
			result.put("records", loaded.read());
			result.put("works", works);
			result.put("queries", QUERIES.size());
			result.put("rounds", ROUNDS);
			result.put("maximum_records", 10);
			result.put("record_schema", "marcxml");
			result.put("sru_p50_ms", Bench.round(sruP[0]));
			result.put("sru_p95_ms", Bench.round(sruP[1]));
			result.put("raw_solr_p50_ms", Bench.round(rawP[0]));
			result.put("raw_solr_p95_ms", Bench.round(rawP[1]));
			result.put("p95_ratio_sru_to_raw", Bench.round(ratio));
			result.put("sru_count_only_p50_ms", Bench.round(countP[0]));
			result.put("sru_count_only_p95_ms", Bench.round(countP[1]));
			result.put("http_explain_p50_ms", Bench.round(explainP[0]));
			result.put("http_explain_p95_ms", Bench.round(explainP[1]));
			result.put("target_ratio", 2);
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeInterop("sru", result);
		}
		Bench.deleteData(data);
	}

	private interface Call {

		void run() throws Exception;

	}

	private static double time(Call call) throws Exception {
		long t = System.nanoTime();
		call.run();
		return (System.nanoTime() - t) / 1e6;
	}

	/** A searchRetrieve of that many MARCXML records, read to its end; the number of hits. */
	private static long sru(String base, String cql, int records) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
				+ "?operation=searchRetrieve&version=1.2&maximumRecords=" + records + "&recordSchema=marcxml&query="
				+ URLEncoder.encode(cql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		if (response.statusCode() != 200 || body.contains("info:srw/diagnostic/")) {
			throw new IllegalStateException("SRU answered " + response.statusCode() + " to " + cql + ": " + body);
		}
		int from = body.indexOf("numberOfRecords>") + 16;
		return Long.parseLong(body.substring(from, body.indexOf('<', from)));
	}

	/** An explain: the endpoint's cost without a search. */
	private static void explain(String base) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("explain answered " + response.statusCode());
		}
	}

	/** The same query through the catalogue's CQL search in process (translated, run through SolrJ): 10 ids. */
	private static void raw(CqlSearch solr, String cql) {
		solr.search(cql, 0, 10);
	}

	private static double[] percentiles(double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new double[] { sorted[(int) (sorted.length * 0.50)], sorted[(int) (sorted.length * 0.95)] };
	}

}
