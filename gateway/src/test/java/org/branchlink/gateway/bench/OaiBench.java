package org.branchlink.gateway.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.gateway.IntegrationTest;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OAI-PMH benchmark ({@code ./bench oai [records]}, default 1,000,000): N generated records loaded as in the
 * catalogue benchmark, then the whole catalogue harvested with ListRecords in {@code marcxml} over HTTP along the
 * resumption tokens (one client, as a harvester does), beside a raw JDBC read of the same rows (every work in
 * datestamp order with its records, copies and their circulation state, one streaming query). The client is exempt
 * from the rate limits (an anonymous harvester is held to 600 pages a minute). Writes
 * {@code src/docs/bench/interop.json} (key {@code oai}).
 */
final class OaiBench {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	private OaiBench() {
	}

	static void run(int records) throws Exception {
		Path data = IntegrationTest.freshDataDir();
		try (ConfigurableApplicationContext app = Bench.start(data)) {
			Bench.Loaded loaded = Bench.load(app, records);
			long works = app.getBean(CatalogSearch.class).countWorks();
			Bench.log("ingest: %,d records → %,d works in %.1f s: %,.0f records/s", loaded.read(), works, loaded.seconds(),
					loaded.read() / loaded.seconds());
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/oai";
			Harvest warm = harvest(base, 20);
			Bench.log("warm-up: %,d records in %d pages", warm.records(), warm.pages());

			long t0 = System.nanoTime();
			long rows = rawRead(app.getBean(DataSource.class));
			double rawSeconds = (System.nanoTime() - t0) / 1e9;
			Bench.log("raw JDBC read of the same works: %,d rows in %.1f s, %,.0f works/s", rows, rawSeconds, works / rawSeconds);

			long t1 = System.nanoTime();
			Harvest full = harvest(base, Integer.MAX_VALUE);
			double oaiSeconds = (System.nanoTime() - t1) / 1e9;
			double rate = full.records() / oaiSeconds;
			Bench.log("OAI-PMH ListRecords marcxml: %,d records in %d pages, %.1f s: %,.0f records/s, %.1f MB; raw/OAI = %.2f",
					full.records(), full.pages(), oaiSeconds, rate, full.bytes() / 1e6, rawSeconds / oaiSeconds);

			double[] markMillis = markChanged(app);
			double batchMillis = 1000 / (loaded.read() / loaded.seconds()) * 1000;
			Bench.log("datestamps on the write path, per batch of 1,000 works: %.1f ms for works just created (a first"
					+ " load), %.1f ms for random existing ones; a batch of 1,000 records took %.1f ms to ingest",
					markMillis[0], markMillis[1], batchMillis);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "oai");
			result.put("date", OffsetDateTime.now().toString());
			result.put("records", loaded.read());
			result.put("works", works);
			result.put("ingest_records_per_s", Math.round(loaded.read() / loaded.seconds()));
			result.put("oai_metadata_prefix", "marcxml");
			result.put("oai_page_size", 500);
			result.put("oai_records", full.records());
			result.put("oai_pages", full.pages());
			result.put("oai_seconds", Bench.round(oaiSeconds));
			result.put("oai_records_per_s", Math.round(rate));
			result.put("oai_megabytes", Bench.round(full.bytes() / 1e6));
			result.put("raw_sql_seconds", Bench.round(rawSeconds));
			result.put("raw_sql_works_per_s", Math.round(works / rawSeconds));
			result.put("oai_ratio", Bench.round(rawSeconds / oaiSeconds));
			result.put("mark_changed_ms_per_1000_new_works", Bench.round(markMillis[0]));
			result.put("mark_changed_ms_per_1000_random_works", Bench.round(markMillis[1]));
			result.put("ingest_ms_per_1000_records", Bench.round(batchMillis));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeInterop("oai", result);
		}
		Bench.deleteData(data);
	}

	/**
	 * What the datestamps cost the ingest: {@link WorkStore#markChanged} (the one statement the ingest runs per batch
	 * for them), each batch in its own transaction, mean milliseconds per batch of 1,000 works: on works created just
	 * before (as in a first load, where the batch's works were inserted by the merge a moment earlier), and on random
	 * existing works (a nightly export touching works all over the catalogue).
	 */
	private static double[] markChanged(ConfigurableApplicationContext app) {
		WorkStore store = app.getBean(WorkStore.class);
		TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
		long fresh = 0;
		for (int batch = 0; batch < 100; batch++) {
			Map<String, String> created = new LinkedHashMap<>();
			for (int i = 0; i < 1000; i++) {
				String id = String.format("wbench%05d%05d", batch, i);
				created.put("bench:" + id, id);
			}
			transactions.executeWithoutResult(status -> store.addWorks(created));
			long t = System.nanoTime();
			transactions.executeWithoutResult(status -> store.markChanged(created.values()));
			fresh += System.nanoTime() - t;
		}
		List<String> works = app.getBean(JdbcClient.class).sql("select id from work order by md5(id) limit 100000")
			.query(String.class)
			.list();
		long started = System.nanoTime();
		for (int i = 0; i + 1000 <= works.size(); i += 1000) {
			List<String> batch = works.subList(i, i + 1000);
			transactions.executeWithoutResult(status -> store.markChanged(batch));
		}
		return new double[] { fresh / 1e6 / 100, (System.nanoTime() - started) / 1e6 / (works.size() / 1000) };
	}

	private record Harvest(long records, int pages, long bytes) {
	}

	/** ListRecords from the start along the tokens, at most {@code maxPages} pages; counts records and bytes. */
	private static Harvest harvest(String base, int maxPages) throws Exception {
		String query = "verb=ListRecords&metadataPrefix=marcxml";
		long records = 0;
		long bytes = 0;
		int pages = 0;
		while (query != null && pages < maxPages) {
			HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?" + query)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("the provider answered " + response.statusCode());
			}
			String token = null;
			try (InputStream body = response.body()) {
				CountingStream counted = new CountingStream(body);
				XMLStreamReader xml = XML.createXMLStreamReader(counted);
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT) {
						switch (xml.getLocalName()) {
							case "record" -> records += "http://www.openarchives.org/OAI/2.0/".equals(xml.getNamespaceURI()) ? 1 : 0;
							case "resumptionToken" -> token = xml.getElementText();
							case "error" -> throw new IllegalStateException("OAI error " + xml.getAttributeValue(null, "code"));
							default -> {
							}
						}
					}
				}
				bytes += counted.count;
			}
			pages++;
			query = token == null || token.isEmpty() ? null
					: "verb=ListRecords&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		}
		return new Harvest(records, pages, bytes);
	}

	/** Every work in datestamp order with its records, copies and their state, read and dropped; returns the rows. */
	private static long rawRead(DataSource database) throws Exception {
		try (Connection connection = database.getConnection()) {
			connection.setAutoCommit(false); // a cursor: rows stream in fetch-size batches
			try (PreparedStatement statement = connection.prepareStatement("""
					select w.id, w.changed_at, r.site_id, r.record_id, r.title, r.other_titles, r.authors, r.isbns,
					       r.publisher, r.year, r.language, r.format, r.classification, r.subjects,
					       i.barcode, i.call_number, i.location, i.status, st.status
					from work w join bib_record r on r.work_id = w.id
					left join item i on i.site_id = r.site_id and i.record_id = r.record_id
					left join item_state st on st.site_id = i.site_id and st.barcode = i.barcode
					where w.changed_at is not null
					order by w.changed_at, w.id, r.site_id, r.record_id, i.barcode""")) {
				statement.setFetchSize(5000);
				long rows = 0;
				long chars = 0;
				try (ResultSet rs = statement.executeQuery()) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						rows++;
						for (int c = 1; c <= columns; c++) {
							String value = rs.getString(c);
							chars += value == null ? 0 : value.length();
						}
					}
				}
				connection.commit();
				return chars < 0 ? -rows : rows;
			}
		}
	}

	/** An input stream that counts the bytes read through it. */
	private static final class CountingStream extends FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count += b < 0 ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count += Math.max(n, 0);
			return n;
		}

	}

}
