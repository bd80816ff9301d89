package org.branchlink.gateway.sru;

import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * explain and scan in both versions, every diagnostic the server gives, queries that try to break out, the anonymous
 * rate limit, and no reader data in a record whose copy is on loan.
 */
class SruProtocolTests extends SruTest {

	@Autowired
	CatalogSearch catalogue;

	@Test
	void explainDescribesIndexesSchemasAndBounds() throws Exception {
		for (SruResponse sru : new SruResponse[] { sru(), sru("operation", "explain", "version", "1.2"),
				sru("operation", "explain", "version", "2.0") }) {
			assertThat(sru.root()).isEqualTo("explainResponse");
			assertThat(sru.string("/*/s:record/s:recordSchema")).isEqualTo(SruXml.ZEEREX);
			String explain = "/*/s:record/s:recordData/zr:explain";
			assertThat(sru.string(explain + "/zr:serverInfo/@protocol")).isEqualTo("SRU");
			assertThat(sru.string(explain + "/zr:serverInfo/zr:database")).isEqualTo("sru");
			assertThat(sru.strings(explain + "/zr:indexInfo/zr:index/zr:map/zr:name")).contains("title", "creator",
					"subject", "publisher", "date", "isbn", "id", "anywhere", "serverChoice");
			assertThat(sru.string(explain + "/zr:indexInfo/zr:index[zr:map/zr:name='title']/@scan")).isEqualTo("true");
			assertThat(sru.strings(explain + "/zr:schemaInfo/zr:schema/@identifier"))
				.containsExactly("info:srw/schema/1/marcxml-v1.1", "info:srw/schema/1/dc-v1.1");
			assertThat(sru.string(explain + "/zr:configInfo/zr:default[@type='numberOfRecords']")).isEqualTo("10");
			assertThat(sru.string(explain + "/zr:configInfo/zr:setting[@type='maximumRecords']")).isEqualTo("100");
			assertThat(sru.diagnostics()).isEmpty();
		}
		assertThat(sru("operation", "explain", "version", "2.0").namespace()).isEqualTo(SruXml.SRU_2);
	}

	@Test
	void scanListsTermsFromTheScanTermWithTheirCounts() throws Exception {
		SruResponse sru = sru("operation", "scan", "version", "1.2", "scanClause", "dc.creator=" + AUTHOR,
				"maximumTerms", "3");

		assertThat(sru.root()).isEqualTo("scanResponse");
		assertThat(sru.children("/*")).containsExactly("version", "terms");
		assertThat(sru.string("/*/s:terms/s:term[1]/s:value")).isEqualTo(AUTHOR);
		assertThat(sru.string("/*/s:terms/s:term[1]/s:numberOfRecords")).isEqualTo("2");
		assertThat(sru.count("/*/s:terms/s:term")).isBetween(1, 3);

		SruResponse title = sru("operation", "scan", "version", "2.0", "scanClause", "dc.title=史记选读",
				"responsePosition", "2", "maximumTerms", "5");
		assertThat(title.namespace()).isEqualTo(SruXml.SCAN_2);
		assertThat(title.children("/*")).containsExactly("terms");
		assertThat(title.string("/*/s:terms/s:term[2]/s:value")).isEqualTo(SHIJI);
		assertThat(title.string("/*/s:terms/s:term[2]/s:numberOfRecords")).isEqualTo("1");
		assertThat(title.string("/*/s:terms/s:term[1]/s:value")).isLessThan("史记选读");
		assertThat(title.count("/*/s:terms/s:term")).isEqualTo(5);
		SruResponse french = sru("operation", "scan", "scanClause", "dc.title=\"La Légende\"", "maximumTerms", "1");
		assertThat(french.string("/*/s:terms/s:term/s:value")).isEqualTo("lalégendedessiècles");
		assertThat(french.string("/*/s:terms/s:term/s:displayTerm")).isEqualTo(LEGENDE);
		assertThat(french.children("/*/s:terms/s:term")).containsExactly("value", "numberOfRecords", "displayTerm",
				"whereInList");

		assertThat(sru("operation", "scan", "scanClause", "dc.date=1859").string("/*/s:terms/s:term[1]/s:value"))
			.isEqualTo("1859");
		assertThat(sru("operation", "scan", "scanClause", "bath.isbn=978-7-9999-0001-6")
			.string("/*/s:terms/s:term[1]/s:value")).isEqualTo(SHIJI_ISBN);
		assertThat(sru("operation", "scan", "scanClause", "dc.subject=纪").strings("/*/s:terms/s:term/s:value"))
			.first()
			.asString()
			.startsWith("纪");
		SruResponse last = sru("operation", "scan", "scanClause", "dc.creator=\uFFEE", "responsePosition", "1");
		assertThat(last.count("/*/s:terms/s:term")).isZero();
		assertThat(last.diagnostics()).isEmpty();
	}

	@Test
	void protocolDiagnostics() throws Exception {
		assertDiagnostic(sru("operation", "delete"), 4);
		assertDiagnostic(sru("operation", "searchRetrieve", "version", "1.1", "query", "a"), 5);
		assertDiagnostic(sru("operation", "explain", "version", "3.0"), 5);
		assertDiagnostic(search("a", "startRecord", "0"), 6);
		assertDiagnostic(search("a", "maximumRecords", "many"), 6);
		assertDiagnostic(search2("a", "queryType", "pqf"), 6);
		assertDiagnostic(sru("operation", "searchRetrieve", "version", "1.2"), 7);
		assertDiagnostic(sru("operation", "scan", "version", "2.0"), 7);
		assertDiagnostic(search("a", "colour", "red"), 8);
		assertDiagnostic(search("a", "sortKeys", "title,,1"), 8);
		assertDiagnostic(search("a", "recordXMLEscaping", "xml"), 8);
		assertDiagnostic(search("dc.title=" + SHIJI, "startRecord", "3"), 61);
		assertDiagnostic(search("a", "startRecord", "20000"), 61);
		assertDiagnostic(search("a", "recordSchema", "mods"), 66);
		assertDiagnostic(search("a", "recordPacking", "json"), 71);
		assertDiagnostic(search2("a", "recordXMLEscaping", "json"), 71);
		assertDiagnostic(search("a", "stylesheet", "http://example.org/s.xsl"), 110);
		assertDiagnostic(sru("operation", "scan", "scanClause", "dc.title=a", "responsePosition", "30", "maximumTerms",
				"5"), 120);
		assertThat(search("a", "x-branchlink-ignored", "1").diagnostics()).isEmpty();
	}

	@Test
	void queryDiagnostics() throws Exception {
		assertDiagnostic(search("dc.title=("), 10);
		assertDiagnostic(search("dc.title=a)"), 10);
		assertDiagnostic(search("(dc.title=a"), 10);
		assertDiagnostic(search("dc.nothing=a"), 16);
		assertDiagnostic(search("dc.title > a"), 19);
		assertDiagnostic(search("bath.isbn adj 123"), 19);
		assertDiagnostic(search("dc.title =/stem a"), 20);
		assertDiagnostic(search("dc.title=\"\""), 27);
		assertDiagnostic(search("dc.date=lastyear"), 36);
		assertDiagnostic(search("a prox b"), 37);
		assertDiagnostic(search("a and/rel.algorithm=cori b"), 46);
		assertDiagnostic(search("a sortBy dc.subject"), 80);
		assertDiagnostic(sru("operation", "scan", "scanClause", "rec.id=w1"), 16);
		assertDiagnostic(sru("operation", "scan", "scanClause", "dc.title any a"), 19);
		assertDiagnostic(sru("operation", "scan", "scanClause", "a and b"), 10);
	}

	@Test
	void aFatalDiagnosticKeepsTheOperationsResponseInItsVersion() throws Exception {
		SruResponse v12 = search("dc.title=(");
		assertThat(v12.root()).isEqualTo("searchRetrieveResponse");
		assertThat(v12.children("/*")).containsExactly("version", "numberOfRecords", "diagnostics");
		assertThat(v12.numberOfRecords()).isZero();
		assertThat(v12.string("/*/s:diagnostics/diag:diagnostic/diag:message")).contains("syntax");

		SruResponse v20 = search2("dc.nothing=a");
		assertThat(v20.namespace()).isEqualTo(SruXml.SRU_2);
		assertThat(v20.string("/*/s:diagnostics/diag:diagnostic/diag:details")).isEqualTo("dc.nothing");

		SruResponse scan = sru("operation", "scan", "version", "2.0", "scanClause", "dc.nothing=a");
		assertThat(scan.namespace()).isEqualTo(SruXml.SCAN_2);
		assertThat(scan.diagnostics()).containsExactly(16);

		SruResponse version = sru("operation", "searchRetrieve", "version", "1.1", "query", "a");
		assertThat(version.string("/*/s:diagnostics/diag:diagnostic/diag:details")).isEqualTo("2.0");

		SruResponse operation = sru("operation", "delete", "version", "2.0");
		assertThat(operation.root()).isEqualTo("explainResponse");
		assertThat(operation.children("/*")).containsExactly("version", "record", "diagnostics");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dc.title=\"x\\\" OR *:*\"", "dc.title=\"*:* OR id:*\"", "dc.title=\"{!lucene}*:*\"",
			"dc.creator=\"x} OR {!term f=doc_type}site\"", "rec.id=\"*\"", "bath.isbn=\"x} OR *:*\"",
			"dc.title==\"a\\\"b\"", "cql.anywhere=\"title:[* TO *]\"", "dc.title adj \"a\\\" OR \\\"b\"",
			"dc.subject=\"\\\\\"", "dc.title=\"&&||!\"", "dc.title=\"AND OR NOT TO\"", "dc.title=\"<x>&amp;</x>\"" })
	void injectionsFindNothingOrAreRefused(String query) throws Exception {
		SruResponse sru = search(query, "recordSchema", "dc");

		// the words of the attempt may be found in real titles (other test classes load real records into the shared
		// application); what must never happen is a query that matches the whole catalogue
		assertThat(sru.numberOfRecords()).as(sru.toString()).isLessThan(catalogue.countWorks() / 10);
		assertThat(sru.diagnostics()).allMatch(code -> code == 10);
	}

	@Test
	void whatComesFromOutsideIsEscaped() throws Exception {
		SruResponse sru = search("\"dc.x<&amp;>]]></diag:details>\"=\"</diag:message>\"");

		assertThat(sru.diagnostics()).containsExactly(16);
		assertThat(sru.string("/*/s:diagnostics/diag:diagnostic/diag:details")).isEqualTo("dc.x<&amp;>]]></diag:details>");
	}

	@Test
	void anAnonymousClientIsRateLimitedAsOnOai() throws Exception {
		int refused = 0;
		for (int i = 0; i < 2_000 && refused == 0; i++) {
			int status = mvc.perform(get("/sru").with(from("203.0.113.80"))).andReturn().getResponse().getStatus();
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).as("a GET past the anonymous burst").isEqualTo(1);
		mvc.perform(get("/sru").with(from("203.0.113.81"))).andExpect(status().isOk());
		// POST counts the same (its own address: the bucket refills 10 a second, a request after a pause may pass)
		refused = 0;
		for (int i = 0; i < 2_000 && refused == 0; i++) {
			int status = mvc.perform(post("/sru").with(from("203.0.113.82")).param("operation", "explain"))
				.andReturn().getResponse().getStatus();
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).as("a POST past the anonymous burst").isEqualTo(1);
	}

	@Test
	void aCopyOnLoanShowsItsStatusAndNothingOfItsReader() throws Exception {
		List<Map<String, Object>> loans = jdbc.sql("""
				select l.work_id, l.card, r.name from loan l join reader r on r.card_number = l.card
				where l.card is not null and l.returned_at is null order by l.loan_key limit 1""").query().listOfRows();
		assumeTrue(!loans.isEmpty(), "the demo county has no loan to a reader");
		Map<String, Object> loan = loans.get(0);
		for (String schema : new String[] { "marcxml", "dc" }) {
			SruResponse sru = search("rec.id=" + loan.get("work_id"), "recordSchema", schema);

			assertThat(sru.numberOfRecords()).isEqualTo(1);
			assertThat(sru.strings("//bl:copy/@status")).contains("on_loan");
			assertThat(sru.toString()).doesNotContain((String) loan.get("card")).doesNotContain((String) loan.get("name"));
		}
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static void assertDiagnostic(SruResponse sru, int code) {
		assertThat(sru.diagnostics()).as(sru.toString()).containsExactly(code);
	}

}
