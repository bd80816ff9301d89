package org.branchlink.gateway.oai;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A work whose representative record came in as UNIMARC/CNMARC is published in {@code marcxml} as UNIMARC (200 and
 * no 245, 100 in Unicode, one 995 per copy with its status); one that came in as MARC21 stays MARC21.
 */
class OaiUnimarcTests extends IntegrationTest {

	private static final String RECORD = "//o:record/o:metadata/marc:record";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteCatalogIngest ingest;

	@Test
	void aWorkThatCameInAsCnmarcIsPublishedAsUnimarc() throws Exception {
		ingest("baishi", "UTF-8", MarcFixtures.cnmarc("bs-unimarc-1", "978-7-5042-1977-0", "贾平凹", "统一格式发布测试书", "2019",
				"BS-UNI-1"));
		String work = work("baishi", "bs-unimarc-1");

		OaiResponse oai = getRecord(work);

		assertThat(oai.string(RECORD + "/marc:leader")).hasSize(24).startsWith("00000nam ").matches(".{9} 22.*450 ");
		assertThat(oai.string(RECORD + "/marc:controlfield[@tag='001']")).isEqualTo(work);
		assertThat(oai.count(RECORD + "/marc:controlfield[@tag='003']")).isZero();
		assertThat(oai.string(field("010", 'a'))).isEqualTo("9787504219770");
		String general = oai.string(field("100", 'a'));
		assertThat(general).hasSize(36).matches("\\d{8}d2019 {4}.*").endsWith("50      ea");
		assertThat(oai.string(field("101", 'a'))).isEqualTo("chi");
		assertThat(oai.string(field("200", 'a'))).isEqualTo("统一格式发布测试书");
		assertThat(oai.string(field("200", 'f'))).isEqualTo("贾平凹");
		assertThat(oai.string(field("210", 'c'))).isEqualTo("重庆出版社");
		assertThat(oai.string(field("210", 'd'))).isEqualTo("2019");
		assertThat(oai.string(field("690", 'a'))).isEqualTo("I247.55");
		assertThat(oai.string(field("700", 'a'))).isEqualTo("贾平凹");
		assertThat(oai.string(field("801", 'b'))).isEqualTo("qingxi");
		assertThat(oai.strings(RECORD + "/marc:datafield[@tag='995']/marc:subfield")).containsExactly("baishi", "baishi", "中文图书", "BS-UNI-1", "I247.55/123", "available");
		assertThat(oai.count(RECORD + "/marc:datafield[@tag='245' or @tag='020' or @tag='852' or @tag='876']")).isZero();
	}

	@Test
	void everyCopyOfADemoWorkThatCameInAsUnimarcHasA995WithItsStatus() throws Exception {
		String work = workWithCopiesWhoseFirstRecordIs("unimarc");
		OaiResponse oai = getRecord(work);

		int copies = jdbc.sql("""
				select count(*) from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				where r.work_id = :w""").param("w", work).query(Integer.class).single();
		assertThat(oai.string(field("200", 'a'))).isNotBlank();
		assertThat(oai.count(RECORD + "/marc:datafield[@tag='995']")).isEqualTo(copies).isPositive();
		assertThat(oai.strings(field("995", 's'))).hasSize(copies).allMatch(status -> status.matches("[a-z_]+"));
		assertThat(oai.count(RECORD + "/marc:datafield[@tag='245']")).isZero();
	}

	@Test
	void aWorkThatCameInAsMarc21StaysMarc21() throws Exception {
		ingest("baishi", "UTF-8", MarcFixtures.marc21("bs-marc21-1", null, "王安忆", "格式不变测试书", "2015", "BS-M21-1"));
		OaiResponse oai = getRecord(work("baishi", "bs-marc21-1"));

		assertThat(oai.string(RECORD + "/marc:leader")).matches(".{9}a.*");
		assertThat(oai.string(field("245", 'a'))).isEqualTo("格式不变测试书");
		assertThat(oai.string(field("852", 'p'))).isEqualTo("BS-M21-1");
		assertThat(oai.string(field("876", 'j'))).isEqualTo("available");
		assertThat(oai.count(RECORD + "/marc:datafield[@tag='200' or @tag='995']")).isZero();
	}

	@Test
	void theRealCnmarcSampleComesOutAsUnimarcWithItsTitles() throws Exception {
		Path sample = Path.of("../../shared/data/dp2-cnmarc/sample_cnmarcxml.xml");
		assumeTrue(Files.isRegularFile(sample), "../shared/data is not beside this clone");
		List<BibRecord> records = new ArrayList<>();
		try (InputStream in = Files.newInputStream(sample)) {
			MarcSources.open(in, MarcCharset.AUTO)
				.forEachRemaining(raw -> records.add(MarcRecordMapper.map(raw.record(), "baishi")));
		}
		try (InputStream in = Files.newInputStream(sample)) {
			assertThat(ingest.ingestFile("baishi", "dp2-cnmarc.xml", in, "UTF-8", IngestMode.INCREMENTAL).quarantined())
				.isZero();
		}
		int published = 0;
		for (BibRecord record : records) {
			String work = work("baishi", record.recordId());
			String first = jdbc.sql("select site_id || '/' || record_id from bib_record where work_id = :w "
					+ "order by site_id, record_id limit 1").param("w", work).query(String.class).single();
			if (!first.equals("baishi/" + record.recordId())) {
				continue; // another site's record of the same work represents it (another test loaded the sample)
			}
			OaiResponse oai = getRecord(work);
			assertThat(oai.string(field("200", 'a'))).as(record.recordId()).isEqualTo(record.title());
			assertThat(oai.count(RECORD + "/marc:datafield[@tag='245']")).isZero();
			assertThat(oai.strings(field("010", 'a'))).containsAll(record.isbns());
			published++;
		}
		assertThat(records).hasSize(10);
		assertThat(published).as("works the sample's records represent").isPositive();
	}

	private void ingest(String site, String charset, Record record) {
		IngestReport report = ingest.ingestFile(site, site + "-unimarc-test.mrc",
				new ByteArrayInputStream(MarcFixtures.iso2709(charset, record)), charset, IngestMode.INCREMENTAL);
		assertThat(report.quarantined()).isZero();
	}

	private String work(String site, String recordId) {
		return jdbc.sql("select work_id from bib_record where site_id = :s and record_id = :r").param("s", site)
			.param("r", recordId).query(String.class).single();
	}

	/** A demo work with copies whose representative record (its first by site, then record id) came in so. */
	private String workWithCopiesWhoseFirstRecordIs(String sourceFormat) {
		return jdbc.sql("""
				select w.work_id from (select distinct on (r.work_id) r.work_id, r.source_format from bib_record r
				                       order by r.work_id, r.site_id, r.record_id) w
				where w.source_format = :format and exists (select 1 from item i join bib_record b
				      on b.site_id = i.site_id and b.record_id = i.record_id where b.work_id = w.work_id)
				order by w.work_id limit 1""").param("format", sourceFormat).query(String.class).single();
	}

	private static String field(String tag, char code) {
		return RECORD + "/marc:datafield[@tag='" + tag + "']/marc:subfield[@code='" + code + "']";
	}

	private OaiResponse getRecord(String work) throws Exception {
		OaiResponse oai = OaiResponse.of(mvc.perform(get("/oai").param("verb", "GetRecord")
			.param("identifier", OaiVerbTests.workId(work)).param("metadataPrefix", "marcxml"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(oai.error()).isEmpty();
		return oai;
	}

}
