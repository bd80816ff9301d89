package org.branchlink.gateway.oai;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.awaitility.Awaitility;
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
 * ListIdentifiers and ListRecords: pages of 500 along resumption tokens (cursor, completeListSize, expirationDate),
 * sets, both formats, from/until by second, and a work whose last record went listed as deleted.
 */
class OaiListTests extends IntegrationTest {

	private static final String DATESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesOfFiveHundredAlongResumptionTokensListEveryWorkOnce() throws Exception {
		Instant started = Instant.now();
		OaiResponse page = oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "marcxml"));
		long size = Long.parseLong(page.string("//o:resumptionToken/@completeListSize"));
		assertThat(size).isEqualTo(jdbc.sql("select count(*) from work where changed_at is not null").query(Long.class).single());
		assertThat(Instant.parse(page.string("//o:resumptionToken/@expirationDate"))).isAfter(started.plusSeconds(3000));
		List<String> listed = new ArrayList<>();
		List<String> datestamps = new ArrayList<>();
		int pages = 0;
		while (true) {
			pages++;
			assertThat(page.error()).isEmpty();
			assertThat(page.string("//o:resumptionToken/@cursor")).isEqualTo(Integer.toString(listed.size()));
			listed.addAll(page.strings("//o:header/o:identifier"));
			datestamps.addAll(page.strings("//o:header/o:datestamp"));
			String token = page.string("//o:resumptionToken");
			if (token.isEmpty()) {
				break;
			}
			assertThat(page.count("//o:header")).isEqualTo(500);
			page = oai(get("/oai").param("verb", "ListIdentifiers").param("resumptionToken", token));
		}
		assertThat(pages).isGreaterThan(1);
		assertThat(page.count("//o:resumptionToken")).as("the last page of several ends with an empty token").isEqualTo(1);
		assertThat(new HashSet<>(listed)).hasSameSizeAs(listed);
		assertThat(listed).allMatch(id -> id.startsWith("oai:qingxi:work/"));
		assertThat(datestamps).allMatch(d -> d.matches(DATESTAMP)).isSorted();
		// works changed while the list was read (copies circulating) leave it for the next harvest; all others are in it
		List<String> unchanged = jdbc.sql("select 'oai:qingxi:work/' || id from work where changed_at < :started")
			.param("started", Timestamp.from(started)).query(String.class).list();
		assertThat(listed).containsAll(unchanged).hasSizeLessThanOrEqualTo((int) size);
	}

	@Test
	void aSiteSetListsTheWorksHeldThereAndATownshipSetThoseOfItsSites() throws Exception {
		String site = jdbc.sql("""
				select r.site_id from bib_record r join catalog_site s on s.id = r.site_id where s.township is not null
				group by r.site_id having count(distinct r.work_id) between 5 and 400 order by r.site_id limit 1""")
			.query(String.class).single();
		String township = jdbc.sql("select township from catalog_site where id = :s").param("s", site).query(String.class).single();

		OaiResponse held = oai(get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc").param("set", "site:" + site));
		int works = jdbc.sql("select count(distinct work_id) from bib_record where site_id = :s").param("s", site)
			.query(Integer.class).single();
		assertThat(held.count("//o:record")).isEqualTo(works);
		assertThat(held.count("//o:record[o:header/o:setSpec = 'site:" + site + "']")).isEqualTo(works);
		assertThat(held.count("//o:record/o:metadata/oai_dc:dc/dc:title")).isGreaterThanOrEqualTo(works);

		OaiResponse town = oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "marcxml")
			.param("set", "township:" + township));
		int inTownship = jdbc.sql("""
				select count(distinct r.work_id) from bib_record r join catalog_site s on s.id = r.site_id
				where s.township = :t""").param("t", township).query(Integer.class).single();
		String listed = town.string("//o:resumptionToken/@completeListSize");
		assertThat(listed.isEmpty() ? town.count("//o:header") : Integer.parseInt(listed)).isEqualTo(inTownship);
		assertThat(town.count("//o:header[o:setSpec = 'township:" + township + "']")).isEqualTo(town.count("//o:header"));
	}

	@Test
	void theEventsSetListsEventsInDublinCore() throws Exception {
		OaiResponse events = oai(get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc").param("set", "events"));
		int stored = jdbc.sql("select count(*) from cultural_event").query(Integer.class).single();

		String size = events.string("//o:resumptionToken/@completeListSize");
		assertThat(size.isEmpty() ? events.count("//o:record") : Integer.parseInt(size)).isEqualTo(stored).isPositive();
		assertThat(events.strings("//o:header/o:identifier")).allMatch(id -> id.startsWith("oai:qingxi:event/"));
		assertThat(events.count("//o:record[not(o:header/@status)]/o:metadata/oai_dc:dc/dc:publisher"))
			.isEqualTo(events.count("//o:record[not(o:header/@status)]"));
	}

	@Test
	void aChangedWorkIsListedFromItsDatestampAndStaysListedAsDeletedWhenItsLastRecordGoes() throws Exception {
		push("[{\"id\": \"oai-list-1\", \"title\": \"开放存取测试书\", \"isbns\": [\"978-7-5327-6631-4\"], \"year\": 2021,"
				+ " \"items\": [{\"barcode\": \"OAI-LIST-1\", \"callNumber\": \"I247/9\"}]}]");
		String work = jdbc.sql("select work_id from bib_record where site_id = 'central-library' and record_id = 'oai-list-1'")
			.query(String.class).single();
		String id = OaiVerbTests.workId(work);
		OaiResponse got = oai(get("/oai").param("verb", "GetRecord").param("metadataPrefix", "marcxml").param("identifier", id));
		String datestamp = got.string("//o:header/o:datestamp");
		assertThat(got.string("//marc:datafield[@tag='020']/marc:subfield[@code='a']")).isEqualTo("9787532766314");
		assertThat(got.string("//marc:datafield[@tag='852']/marc:subfield[@code='p']")).isEqualTo("OAI-LIST-1");

		OaiResponse since = oai(get("/oai").param("verb", "ListRecords").param("metadataPrefix", "oai_dc").param("from", datestamp));
		assertThat(since.strings("//o:header/o:identifier")).contains(id);
		assertThat(since.strings("//o:header/o:datestamp")).allMatch(d -> d.compareTo(datestamp) >= 0);
		assertThat(since.count("//o:record")).as("only what changed from then on").isLessThan(100);
		assertThat(since.string("//o:record[o:header/o:identifier='" + id + "']//dc:title")).isEqualTo("开放存取测试书");
		OaiResponse until = oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "oai_dc")
			.param("until", datestamp));
		assertThat(until.strings("//o:header/o:datestamp")).allMatch(d -> d.compareTo(datestamp) <= 0);

		push("[{\"id\": \"oai-list-1\", \"deleted\": true}]");
		OaiResponse deleted = oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "marcxml")
			.param("from", datestamp));
		assertThat(deleted.string("//o:header[o:identifier='" + id + "']/@status")).isEqualTo("deleted");
		assertThat(deleted.count("//o:header[o:identifier='" + id + "']/o:setSpec")).isZero();
		OaiResponse record = oai(get("/oai").param("verb", "GetRecord").param("metadataPrefix", "oai_dc").param("identifier", id));
		assertThat(record.string("//o:record/o:header/@status")).isEqualTo("deleted");
		assertThat(record.count("//o:record/o:metadata")).isZero();
		OaiResponse site = OaiResponse.of(mvc.perform(get("/oai").param("verb", "ListIdentifiers")
			.param("metadataPrefix", "marcxml").param("set", "site:central-library").param("from", datestamp))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(site.error()).isIn("", "noRecordsMatch");
		assertThat(site.strings("//o:header/o:identifier")).as("a deleted work belongs to no set any more").doesNotContain(id);
	}

	@Test
	void aCopysNewStatusMovesItsWorksDatestampAndShowsInItsMarcRecord() throws Exception {
		var copy = jdbc.sql("""
				select i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				join catalog_site s on s.id = i.site_id
				where s.kind = 'township_station' and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode) desc limit 1""").query().singleRow();
		String work = (String) copy.get("work_id");
		Instant before = changedAt(work);
		String event = "[{\"eventId\":\"oai-checkin-1\",\"type\":\"checkin\",\"occurredAt\":\"2026-11-03T10:00:00+08:00\","
				+ "\"barcode\":\"" + copy.get("barcode") + "\"}]";

		mvc.perform(post("/api/sites/central-library/circulation/events").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON).content(event)).andExpect(status().isOk());

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> changedAt(work).isAfter(before));
		String id = OaiVerbTests.workId(work);
		OaiResponse record = oai(get("/oai").param("verb", "GetRecord").param("metadataPrefix", "marcxml").param("identifier", id));
		// MARC21: 876 $p barcode $j status; UNIMARC (a work that came in as CNMARC): 995 $f barcode $s status
		assertThat(record.string("//marc:datafield[@tag='876'][marc:subfield[@code='p']='" + copy.get("barcode")
				+ "']/marc:subfield[@code='j'] | //marc:datafield[@tag='995'][marc:subfield[@code='f']='"
				+ copy.get("barcode") + "']/marc:subfield[@code='s']")).as("returned elsewhere: on its way home")
			.isEqualTo("in_transit");
		String datestamp = record.string("//o:header/o:datestamp");
		assertThat(Instant.parse(datestamp)).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
		assertThat(oai(get("/oai").param("verb", "ListIdentifiers").param("metadataPrefix", "marcxml")
			.param("from", datestamp)).strings("//o:header/o:identifier")).contains(id);
	}

	private Instant changedAt(String work) {
		return jdbc.sql("select changed_at from work where id = :w").param("w", work).query(Timestamp.class)
			.single().toInstant();
	}

	private void push(String json) throws Exception {
		mvc.perform(post("/api/sites/central-library/records").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
	}

	private OaiResponse oai(MockHttpServletRequestBuilder request) throws Exception {
		OaiResponse response = OaiResponse.of(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray());
		assertThat(response.error()).as(request.toString()).isEmpty();
		return response;
	}

}
