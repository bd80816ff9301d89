package org.branchlink.gateway.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.solr.client.solrj.SolrClient;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ReportPeriod;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages benchmark ({@code ./bench pages [rounds]}): the demo county as it starts, every page a visitor, a reader,
 * a librarian and central staff open, each requested over HTTP with its own signed-in session, one after the other;
 * the server time of each page (p50, p95) against the target of p95 ≤ 300 ms. In the same run the raw engine: the
 * search page beside the Solr query it sends, run with plain SolrJ, and the cheapest answer of the same server (a
 * static file), so the ratio shows what the page adds. Writes {@code src/docs/bench/pages.json}.
 */
final class PagesBench {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern WORK = Pattern.compile("href=\"/works/([^\"]+)\"");

	private static final Pattern EVENT = Pattern.compile("href=\"/events/(\\d+)\"");

	private static final String SEARCH = "历史";

	/** A misspelt query that finds nothing: the page asks for spellings, pinyin and a relaxed query. */
	private static final String NOTHING = "calligrapy beginers";

	private PagesBench() {
	}

	/** One signed-in (or anonymous) browser: its cookies, its pages. */
	private record Person(String who, HttpClient http, List<String> pages) {
	}

	static void run(int rounds) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		try (ConfigurableApplicationContext app = Bench.start(data, "--spring.profiles.active=demo")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Person visitor = person(base, null, null);
			String searchPage = get(visitor.http(), base + "/search?q=" + enc(SEARCH));
			String work = first(WORK, searchPage, "a work in the search results");
			String events = get(visitor.http(), base + "/events");
			String event = first(EVENT, events, "an event in the list");
			String quarter = ReportPeriod.parse(OffsetDateTime.now().getYear() + "-Q"
					+ ((OffsetDateTime.now().getMonthValue() - 1) / 3 + 1)).code();

			visitor.pages().addAll(List.of("/", "/search?q=" + enc(SEARCH),
					"/search?q=" + enc(SEARCH) + "&format=book&sort=year&page=1", "/works/" + work, "/events",
					"/events/" + event, "/events?tab=mobile", "/events?view=calendar", "/search/advanced", "/search?q=" + enc(NOTHING),
					"/sites/baishi", "/demand", "/survey", "/login", "/menu/village", "/open", "/open/catalog", "/volunteer", "/venues"));
			Person reader = person(base, "reader", "demo-reader");
			reader.pages().addAll(List.of("/", "/my/loans", "/my/holds", "/my/registrations", "/my/card", "/works/" + work,
					"/menu/village", "/venues"));
			Person librarian = person(base, "librarian", "demo-librarian");
			librarian.pages().addAll(List.of("/circulation", "/holds/pull?site=baishi", "/transfers", "/ingest", "/menu",
					"/volunteers", "/demand/tickets", "/events/new", "/events/manage", "/notices", "/supervision", "/venues/manage", "/troupes"));
			Person central = person(base, "admin", "demo-admin");
			central.pages().addAll(List.of("/dashboard", "/reports/" + quarter, "/planning", "/rotas", "/surveys",
					"/sites/manage", "/sites/manage/baishi", "/population", "/mobile/today", "/supervision", "/venues/manage",
					"/venues/manage?site=baishi"));
			List<Person> people = List.of(visitor, reader, librarian, central);

			for (Person person : people) { // warm-up, and every page must answer 200
				for (String page : person.pages()) {
					for (int i = 0; i < 5; i++) {
						get(person.http(), base + page);
					}
				}
			}
			SolrClient solr = app.getBean(SolrClient.class);
			CatalogSearch search = app.getBean(CatalogSearch.class);
			SearchRequest rawRequest = SearchRequest.of(SEARCH);
			for (int i = 0; i < 20; i++) {
				solr.query(search.solrQuery(rawRequest));
				get(visitor.http(), base + "/css/app.css");
			}

			Map<String, double[]> times = new LinkedHashMap<>();
			double[] raw = new double[rounds];
			double[] floor = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				for (Person person : people) {
					for (String page : person.pages()) {
						long t = System.nanoTime();
						get(person.http(), base + page);
						times.computeIfAbsent(person.who() + " " + page, k -> new double[rounds])[round] = millis(t);
					}
				}
				long t = System.nanoTime();
				solr.query(search.solrQuery(rawRequest));
				raw[round] = millis(t);
				t = System.nanoTime();
				get(visitor.http(), base + "/css/app.css");
				floor[round] = millis(t);
			}

			Map<String, Object> perPage = new LinkedHashMap<>();
			double worst = 0;
			String slowest = "";
			for (Map.Entry<String, double[]> page : times.entrySet()) {
				double[] p = percentiles(page.getValue());
				Bench.log("%-60s p50 %6.1f ms  p95 %6.1f ms", page.getKey(), p[0], p[1]);
				perPage.put(page.getKey(), "p50 " + Bench.round(p[0]) + " ms, p95 " + Bench.round(p[1]) + " ms");
				if (p[1] > worst) {
					worst = p[1];
					slowest = page.getKey();
				}
			}
			double[] searchP = percentiles(times.get("visitor /search?q=" + enc(SEARCH)));
			double[] rawP = percentiles(raw);
			double[] floorP = percentiles(floor);
			double ratio = searchP[1] / rawP[1];
			Bench.log("slowest page: %s, p95 %.1f ms (target ≤ 300 ms: %s)", slowest, worst, worst <= 300 ? "met" : "NOT met");
			Bench.log("search page p95 %.1f ms; raw SolrJ of its works query p95 %.1f ms; page/raw = %.2f; a static file"
					+ " from the same server p95 %.1f ms", searchP[1], rawP[1], ratio, floorP[1]);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "pages");
			result.put("date", OffsetDateTime.now().toString());
			result.put("rounds", rounds);
			result.put("pages", times.size());
			result.put("slowest_page", slowest);
			result.put("slowest_p95_ms", Bench.round(worst));
			result.put("target_p95_ms", 300);
			result.put("met", worst <= 300);
			result.put("search_page_p95_ms", Bench.round(searchP[1]));
			result.put("raw_solr_p95_ms", Bench.round(rawP[1]));
			result.put("p95_ratio_search_page_to_raw", Bench.round(ratio));
			result.put("static_file_p95_ms", Bench.round(floorP[1]));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			result.put("per_page", perPage);
			Bench.writeJson("pages", result);
		}
		Bench.deleteData(data);
	}

	/** A browser of its own; signed in through the login form when a username is given. */
	private static Person person(String base, String username, String password) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		if (username != null) {
			String form = get(http, base + "/login");
			String token = first(CSRF, form, "the login form's CSRF token");
			HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
						+ enc(token)))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + location);
			}
		}
		return new Person(username == null ? "visitor" : username, http, new ArrayList<>());
	}

	private static String get(HttpClient http, String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static String first(Pattern pattern, String html, String what) {
		Matcher matcher = pattern.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + what);
		}
		return matcher.group(1);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static double millis(long since) {
		return (System.nanoTime() - since) / 1e6;
	}

	private static double[] percentiles(double[] millis) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new double[] { sorted[(int) (sorted.length * 0.50)], sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.95)] };
	}

}
