package org.branchlink.gateway.oai;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.branchlink.catalog.Change;
import org.branchlink.catalog.ChangeQuery;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error code of OAI-PMH 2.0 where section 3.6 puts it, answered with HTTP 200 and an {@code error} element; for
 * badVerb and badArgument the request element carries the base URL only.
 */
class OaiErrorTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenKeyStore keys;

	@Test
	void aMissingUnknownOrRepeatedVerbIsBadVerb() throws Exception {
		assertThat(oai(get("/oai")).error()).isEqualTo("badVerb");
		OaiResponse unknown = oai(get("/oai").param("verb", "ListThings").param("metadataPrefix", "oai_dc"));
		assertThat(unknown.error()).isEqualTo("badVerb");
		assertThat(unknown.count("//o:request/@*")).as("no attributes echoed for badVerb").isZero();
		assertThat(oai(get("/oai").param("verb", "Identify", "Identify")).error()).isEqualTo("badVerb");
		assertThat(oai(post("/oai").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("verb=identify")).error())
			.as("verbs are case-sensitive").isEqualTo("badVerb");
	}

	@Test
	void illegalMissingRepeatedOrMalformedArgumentsAreBadArgument() throws Exception {
		expect("badArgument", get("/oai").param("verb", "ListRecords"));
		expect("badArgument", get("/oai").param("verb", "GetRecord").param("metadataPrefix", "oai_dc"));
		expect("badArgument", get("/oai").param("verb", "Identify").param("set", "events"));
		expect("badArgument", get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc", "marcxml"));
		expect("badArgument", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc")
			.param("from", "yesterday"));
		expect("badArgument", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc")
			.param("from", "2026-01-01").param("until", "2026-02-01T00:00:00Z"));
		expect("badArgument", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc")
			.param("from", "2026-02-01").param("until", "2026-01-01"));
		expect("badArgument", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc")
			.param("resumptionToken", "x"));
		OaiResponse empty = oai(get("/oai").param("verb", "ListSets").param("set", ""));
		assertThat(empty.error()).isEqualTo("badArgument");
		assertThat(empty.count("//o:request/@*")).as("no attributes echoed for badArgument").isZero();
	}

	@Test
	void anUnknownFormatCannotBeDisseminatedNorAnEventAsMarc() throws Exception {
		expect("cannotDisseminateFormat", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "mods"));
		expect("cannotDisseminateFormat", get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "mods"));
		long event = jdbc.sql("select min(id) from cultural_event").query(Long.class).single();
		OaiResponse marc = oai(get("/oai").param("verb", "GetRecord").param("metadataPrefix", "marcxml")
			.param("identifier", OaiVerbTests.eventId(event)));
		assertThat(marc.error()).isEqualTo("cannotDisseminateFormat");
		assertThat(marc.string("//o:request/@identifier")).as("the arguments are echoed").isEqualTo(OaiVerbTests.eventId(event));
	}

	@Test
	void anUnknownIdentifierDoesNotExist() throws Exception {
		expect("idDoesNotExist", get("/oai").param("verb", "GetRecord").param("metadataPrefix", "oai_dc")
			.param("identifier", "oai:qingxi:work/w0000000000000000"));
		expect("idDoesNotExist", get("/oai").param("verb", "GetRecord").param("metadataPrefix", "oai_dc")
			.param("identifier", "oai:elsewhere:event/1"));
		expect("idDoesNotExist", get("/oai").param("verb", "ListMetadataFormats").param("identifier", "oai:qingxi:event/x"));
	}

	@Test
	void anEmptyListIsNoRecordsMatch() throws Exception {
		expect("noRecordsMatch", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc")
			.param("from", "2999-01-01"));
		expect("noRecordsMatch", get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc")
			.param("until", "1999-12-31T23:59:59Z"));
		expect("noRecordsMatch", get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc")
			.param("set", "site:nowhere"));
		expect("noRecordsMatch", get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc")
			.param("set", "shelf:3"));
		expect("noRecordsMatch", get("/oai").param("verb", "ListRecords").param("metadataPrefix", "marcxml")
			.param("set", "events"));
	}

	@Test
	void aForgedAlteredOrExpiredResumptionTokenIsBad() throws Exception {
		String token = oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc"))
			.string("//o:resumptionToken");
		assertThat(token).isNotEmpty();
		assertThat(oai(get("/oai").param("verb", "ListIdentifiers").param("resumptionToken", token)).error()).isEmpty();

		expect("badResumptionToken", get("/oai").param("verb", "ListIdentifiers").param("resumptionToken", "made-up"));
		char last = token.charAt(token.length() - 1);
		expect("badResumptionToken", get("/oai").param("verb", "ListIdentifiers")
			.param("resumptionToken", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')));
		String otherKey = new ResumptionTokens("not the repository's key".getBytes()).write(place(Instant.now().plusSeconds(600)));
		expect("badResumptionToken", get("/oai").param("verb", "ListIdentifiers").param("resumptionToken", otherKey));
		String expired = new ResumptionTokens(keys.key()).write(place(Instant.now().minusSeconds(1)));
		OaiResponse refused = oai(get("/oai").param("verb", "ListRecords").param("resumptionToken", expired));
		assertThat(refused.error()).isEqualTo("badResumptionToken");
		assertThat(refused.string("//o:error")).contains("expired");
		String genuine = new ResumptionTokens(keys.key()).write(place(Instant.now().plusSeconds(600)));
		assertThat(oai(get("/oai").param("verb", "ListRecords").param("resumptionToken", genuine)).error())
			.as("the same place under the repository's key and in time is honoured").isEmpty();
		expect("badResumptionToken", get("/oai").param("verb", "ListSets").param("resumptionToken", token));
	}

	@Test
	void aDeletedItemHasNoMetadataFormats() throws Exception {
		String work = jdbc.sql("select min(id) from work").query(String.class).single();
		String deleted = "wdeleted0000oai1";
		jdbc.sql("insert into work (id, changed_at) values (:id, now()) on conflict do nothing").param("id", deleted).update();

		expect("noMetadataFormats", get("/oai").param("verb", "ListMetadataFormats")
			.param("identifier", OaiVerbTests.workId(deleted)));
		assertThat(oai(get("/oai").param("verb", "ListMetadataFormats").param("identifier", OaiVerbTests.workId(work)))
			.error()).isEmpty();
	}

	private static ResumptionToken place(Instant expires) {
		Instant now = Instant.now();
		ChangeQuery query = new ChangeQuery(true, true, ChangeQuery.Scope.ALL, null, null, now);
		return new ResumptionToken(MetadataFormat.OAI_DC, query,
				new Change.Position(now.minus(3650, ChronoUnit.DAYS), Change.Kind.WORK, "w"), 0, 1,
				expires.truncatedTo(ChronoUnit.SECONDS));
	}

	private void expect(String code, MockHttpServletRequestBuilder request) throws Exception {
		OaiResponse response = oai(request);
		assertThat(response.error()).as(request.toString()).isEqualTo(code);
		assertThat(response.string("//o:error")).isNotBlank();
		assertThat(response.children("/o:OAI-PMH")).containsExactly("responseDate", "request", "error");
	}

	private OaiResponse oai(MockHttpServletRequestBuilder request) throws Exception {
		return OaiResponse.of(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray());
	}

}
