package org.branchlink.gateway.oai;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every verb of the provider on the demo county: Identify, ListMetadataFormats, ListSets and GetRecord in both formats,
 * for works and events, by GET and by POST; the envelope as the protocol's schema orders it. A work that came in as
 * UNIMARC is in {@link OaiUnimarcTests}.
 */
class OaiVerbTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void identifyDescribesTheRepository() throws Exception {
		OaiResponse oai = oai(get("/oai").param("verb", "Identify"));

		assertThat(oai.children("/o:OAI-PMH")).containsExactly("responseDate", "request", "Identify");
		assertThat(oai.string("/o:OAI-PMH/o:responseDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(oai.string("/o:OAI-PMH/o:request/@verb")).isEqualTo("Identify");
		assertThat(oai.string("/o:OAI-PMH/o:request")).isEqualTo("http://localhost/oai");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:repositoryName")).contains("青溪");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:baseURL")).isEqualTo("http://localhost/oai");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:protocolVersion")).isEqualTo("2.0");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:adminEmail")).contains("@");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:earliestDatestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:deletedRecord")).isEqualTo("persistent");
		assertThat(oai.string("/o:OAI-PMH/o:Identify/o:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
		assertThat(oai.children("/o:OAI-PMH/o:Identify")).containsExactly("repositoryName", "baseURL",
				"protocolVersion", "adminEmail", "earliestDatestamp", "deletedRecord", "granularity");
	}

	@Test
	void listMetadataFormatsNamesBothFormatsAndOnlyDublinCoreForAnEvent() throws Exception {
		OaiResponse all = oai(get("/oai").param("verb", "ListMetadataFormats"));
		assertThat(all.strings("//o:metadataFormat/o:metadataPrefix")).containsExactly("marcxml", "oai_dc");
		assertThat(all.string("//o:metadataFormat[o:metadataPrefix='oai_dc']/o:metadataNamespace"))
			.isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");

		OaiResponse work = oai(get("/oai").param("verb", "ListMetadataFormats").param("identifier", workId(anyWork())));
		assertThat(work.strings("//o:metadataFormat/o:metadataPrefix")).containsExactly("marcxml", "oai_dc");

		OaiResponse event = oai(get("/oai").param("verb", "ListMetadataFormats").param("identifier", eventId(anyEvent())));
		assertThat(event.strings("//o:metadataFormat/o:metadataPrefix")).containsExactly("oai_dc");
	}

	@Test
	void listSetsNamesEverySiteEveryTownshipAndTheEvents() throws Exception {
		OaiResponse oai = oai(get("/oai").param("verb", "ListSets"));

		int sites = jdbc.sql("select count(*) from catalog_site").query(Integer.class).single();
		int townships = jdbc.sql("select count(distinct township) from catalog_site").query(Integer.class).single();
		assertThat(oai.count("//o:set[starts-with(o:setSpec, 'site:')]")).isEqualTo(sites);
		assertThat(oai.count("//o:set[starts-with(o:setSpec, 'township:')]")).isEqualTo(townships);
		assertThat(oai.strings("//o:setSpec")).contains("site", "township", "events", "site:central-library");
		assertThat(oai.string("//o:set[o:setSpec='site:central-library']/o:setName")).contains("图书馆");
	}

	@Test
	void getRecordGivesAWorkThatCameInAsMarc21AsMarcxmlWithEveryCopyAndItsStatus() throws Exception {
		String work = anyMarc21Work();
		OaiResponse oai = oai(get("/oai").param("verb", "GetRecord").param("identifier", workId(work))
			.param("metadataPrefix", "marcxml"));

		assertThat(oai.string("//o:record/o:header/o:identifier")).isEqualTo(workId(work));
		assertThat(oai.string("//o:record/o:header/o:datestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(oai.strings("//o:record/o:header/o:setSpec")).contains("site:" + site(work));
		String record = "//o:record/o:metadata/marc:record";
		assertThat(oai.string(record + "/marc:leader")).hasSize(24).matches(".{9}a.*");
		assertThat(oai.string(record + "/marc:controlfield[@tag='001']")).isEqualTo(work);
		assertThat(oai.string(record + "/marc:datafield[@tag='245']/marc:subfield[@code='a']")).isNotBlank();
		int copies = jdbc.sql("select count(*) from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id "
				+ "where r.work_id = :w").param("w", work).query(Integer.class).single();
		assertThat(oai.count(record + "/marc:datafield[@tag='852']")).isEqualTo(copies).isPositive();
		assertThat(oai.count(record + "/marc:datafield[@tag='876']/marc:subfield[@code='j']")).isEqualTo(copies);
		assertThat(oai.strings(record + "/marc:datafield[@tag='852']/marc:subfield[@code='a']")).contains(site(work));
		assertThat(oai.strings(record + "/marc:datafield[@tag='876']/marc:subfield[@code='j']"))
			.allMatch(status -> status.matches("[a-z_]+"));
	}

	@Test
	void getRecordGivesAWorkAndAnEventAsDublinCore() throws Exception {
		String work = anyWork();
		OaiResponse oai = oai(get("/oai").param("verb", "GetRecord").param("identifier", workId(work))
			.param("metadataPrefix", "oai_dc"));
		String title = jdbc.sql("select title from bib_record where work_id = :w order by site_id, record_id limit 1")
			.param("w", work).query(String.class).single();
		assertThat(oai.string("//o:metadata/oai_dc:dc/dc:title[1]")).isEqualTo(title);
		assertThat(oai.string("//o:metadata/oai_dc:dc/@xsi:schemaLocation")).contains("oai_dc.xsd");

		long event = anyEvent();
		OaiResponse dc = oai(get("/oai").param("verb", "GetRecord").param("identifier", eventId(event))
			.param("metadataPrefix", "oai_dc"));
		var row = jdbc.sql("select e.title, e.category, s.name_zh from cultural_event e join catalog_site s on s.id = e.site_id "
				+ "where e.id = :id").param("id", event).query().singleRow();
		assertThat(dc.strings("//o:record/o:header/o:setSpec")).containsExactly("events");
		assertThat(dc.string("//oai_dc:dc/dc:title")).isEqualTo(row.get("title"));
		assertThat(dc.string("//oai_dc:dc/dc:publisher")).isEqualTo(row.get("name_zh"));
		assertThat(dc.string("//oai_dc:dc/dc:coverage")).startsWith((String) row.get("name_zh"));
		assertThat(dc.strings("//oai_dc:dc/dc:type")).contains("Event");
		assertThat(dc.strings("//oai_dc:dc/dc:date").get(0)).endsWith("Z");
	}

	@Test
	void aHarvesterMayPostItsRequestFormEncodedWithoutACsrfToken() throws Exception {
		OaiResponse oai = oai(post("/oai").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + workId(anyWork())));

		assertThat(oai.error()).isEmpty();
		assertThat(oai.string("//o:request/@verb")).isEqualTo("GetRecord");
		assertThat(oai.count("//o:GetRecord/o:record/o:metadata/oai_dc:dc")).isEqualTo(1);
	}

	private OaiResponse oai(MockHttpServletRequestBuilder request) throws Exception {
		byte[] body = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return OaiResponse.of(body);
	}

	private String anyWork() {
		return jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where r.site_id = 'central-library' order by r.work_id limit 1""").query(String.class).single();
	}

	/** A work with copies whose representative record (its first by site, then record id) came in as MARC21. */
	private String anyMarc21Work() {
		return jdbc.sql("""
				select w.work_id from (select distinct on (r.work_id) r.work_id, r.source_format from bib_record r
				                       order by r.work_id, r.site_id, r.record_id) w
				where w.source_format = 'marc21' and exists (select 1 from item i join bib_record b
				      on b.site_id = i.site_id and b.record_id = i.record_id where b.work_id = w.work_id)
				order by w.work_id limit 1""").query(String.class).single();
	}

	private String site(String work) {
		return jdbc.sql("select min(site_id) from bib_record where work_id = :w").param("w", work).query(String.class).single();
	}

	private long anyEvent() {
		return jdbc.sql("select min(id) from cultural_event where not cancelled").query(Long.class).single();
	}

	static String workId(String work) {
		return "oai:qingxi:work/" + work;
	}

	static String eventId(long event) {
		return "oai:qingxi:event/" + event;
	}

}
