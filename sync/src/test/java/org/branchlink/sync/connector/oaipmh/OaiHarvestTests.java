package org.branchlink.sync.connector.oaipmh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OAI-PMH harvester against a repository replayed on loopback: pages along resumption tokens, incremental by
 * datestamp, deletions, a harvest interrupted and continued from its saved token, bad records quarantined.
 */
class OaiHarvestTests extends RouteTest {

	@Autowired
	OaiPmhHarvester harvester;

	@Autowired
	CatalogSearch search;

	private HttpServer server;

	private final Map<String, Response> responses = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private record Response(int status, String body) {
	}

	@BeforeEach
	void startRepository() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String query = exchange.getRequestURI().getRawQuery();
			requests.add(exchange.getRequestURI().getPath() + "?" + query);
			Response response = responses.getOrDefault(exchange.getRequestURI().getPath() + "?" + query,
					new Response(404, "no such page"));
			byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(response.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopRepository() {
		server.stop(0);
	}

	@Test
	void pagesIncrementsAndDeletions() {
		String base = base("/a");
		page("/a?verb=ListRecords&metadataPrefix=marcxml", "t1", marc("oai:a:1", "2026-01-01", "采集测试甲"),
				marc("oai:a:2", "2026-01-02", "采集测试乙"));
		page("/a?verb=ListRecords&resumptionToken=t1", "", marc("oai:a:3", "2026-01-03", "采集测试丙"));

		IngestReport first = harvester.harvest("central-library", base, "marcxml", null);

		assertThat(first.added()).isEqualTo(3);
		assertThat(titles("采集测试")).contains("采集测试甲", "采集测试乙", "采集测试丙");
		assertThat(harvester.state("central-library", base, "marcxml").harvestedUntil()).isEqualTo("2026-01-03");

		page("/a?verb=ListRecords&metadataPrefix=marcxml&from=2026-01-03", "",
				"<record><header status=\"deleted\"><identifier>oai:a:2</identifier><datestamp>2026-01-04</datestamp></header></record>",
				marc("oai:a:1", "2026-01-05", "采集测试甲（修订）"));

		IngestReport second = harvester.harvest("central-library", base, "marcxml", null);

		assertThat(second.deleted()).isEqualTo(1);
		assertThat(second.updated()).isEqualTo(1);
		assertThat(titles("采集测试")).contains("采集测试甲（修订）", "采集测试丙").doesNotContain("采集测试乙");
		assertThat(harvester.state("central-library", base, "marcxml").harvestedUntil()).isEqualTo("2026-01-05");
	}

	@Test
	void anInterruptedHarvestContinuesFromItsSavedToken() {
		String base = base("/b");
		page("/b?verb=ListRecords&metadataPrefix=marcxml", "b2", marc("oai:b:1", "2026-02-01", "断点续采甲"));
		responses.put("/b?verb=ListRecords&resumptionToken=b2", new Response(503, "busy"));

		assertThatExceptionOfType(OaiException.class)
			.isThrownBy(() -> harvester.harvest("central-library", base, "marcxml", null))
			.withMessageStartingWith("HTTP 503");
		assertThat(titles("断点续采")).containsExactly("断点续采甲");
		assertThat(harvester.state("central-library", base, "marcxml").resumptionToken()).isEqualTo("b2");

		page("/b?verb=ListRecords&resumptionToken=b2", "", marc("oai:b:2", "2026-02-02", "断点续采乙"));
		requests.clear();
		IngestReport resumed = harvester.harvest("central-library", base, "marcxml", null);

		assertThat(requests).containsExactly("/b?verb=ListRecords&resumptionToken=b2");
		assertThat(resumed.added()).isEqualTo(1);
		assertThat(titles("断点续采")).containsExactlyInAnyOrder("断点续采甲", "断点续采乙");
		assertThat(harvester.state("central-library", base, "marcxml").resumptionToken()).isNull();
	}

	@Test
	void dublinCoreRecordsAndBadRecords() {
		String base = base("/c");
		page("/c?verb=ListRecords&metadataPrefix=oai_dc", "",
				"<record><header><identifier>oai:c:1</identifier><datestamp>2026-03-01</datestamp></header><metadata>"
						+ "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
						+ "<dc:title>都柏林核心测试</dc:title><dc:creator>佚名</dc:creator><dc:date>2019</dc:date>"
						+ "<dc:identifier>ISBN 978-7-5339-7402-2</dc:identifier>"
						+ "<dc:identifier>https://ebooks.example.org/dc/1</dc:identifier></oai_dc:dc></metadata></record>",
				"<record><header><identifier>oai:c:2</identifier><datestamp>2026-03-02</datestamp></header><metadata>"
						+ "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
						+ "<dc:creator>无题</dc:creator></oai_dc:dc></metadata></record>");

		IngestReport report = harvester.harvest("central-library", base, "oai_dc", null);

		assertThat(report.added()).isEqualTo(1);
		assertThat(report.quarantined()).isEqualTo(1);
		var work = search.search(SearchRequest.of("9787533974022")).works();
		assertThat(work).extracting("title").containsExactly("都柏林核心测试");
		assertThat(work.get(0).onlineUrls()).as("a web identifier is where it is online").containsExactly("https://ebooks.example.org/dc/1");
	}

	@Test
	void noRecordsMatchIsAnEmptyHarvest() {
		String base = base("/d");
		responses.put("/d?verb=ListRecords&metadataPrefix=marcxml", new Response(200,
				"<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"noRecordsMatch\">none</error></OAI-PMH>"));

		IngestReport report = harvester.harvest("central-library", base, "marcxml", null);

		assertThat(report.state()).isEqualTo("finished");
		assertThat(report.read()).isZero();
	}

	private String base(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void page(String pathAndQuery, String token, String... records) {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
				+ "<responseDate>2026-11-23T00:00:00Z</responseDate><ListRecords>" + String.join("", records)
				+ (token.isEmpty() ? "<resumptionToken/>" : "<resumptionToken>" + token + "</resumptionToken>")
				+ "</ListRecords></OAI-PMH>";
		responses.put(pathAndQuery, new Response(200, body));
	}

	private static String marc(String identifier, String datestamp, String title) {
		return "<record><header><identifier>" + identifier + "</identifier><datestamp>" + datestamp
				+ "</datestamp></header><metadata><record xmlns=\"http://www.loc.gov/MARC21/slim\">"
				+ "<leader>00000nam a2200000 a 4500</leader>"
				+ "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + title + "</subfield></datafield>"
				+ "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">佚名</subfield></datafield>"
				+ "</record></metadata></record>";
	}

	private List<String> titles(String query) {
		return new ArrayList<>(search.search(SearchRequest.of(query)).works().stream().map(w -> w.title()).toList());
	}

}
