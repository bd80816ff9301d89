package org.branchlink.gateway.sru;

import java.io.ByteArrayInputStream;

import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.junit.jupiter.api.BeforeEach;
import org.marc4j.marc.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SRU tests' catalogue: the demo county plus a few works of their own, loaded once, whose titles, names, years
 * and ISBNs nothing else has: two by 欧阳测试 (one titled in traditional characters, one in simplified), a UNIMARC one,
 * one with an accented French title, one for pinyin, one with a subject and an ISBN.
 */
abstract class SruTest extends IntegrationTest {

	static final String AUTHOR = "欧阳测试";

	static final String SHIJI = "史记选读新编";

	static final String SHIJI_ISBN = "9787999900016";

	static final String TRADITIONAL = "圖書館學概論新探";

	static final String SIMPLIFIED = "图书馆员手记新编";

	static final String UNIMARC = "秦岭山水记事";

	static final String UNIMARC_ISBN = "9787999900023";

	static final String LEGENDE = "La Légende des siècles";

	static final String PINYIN = "黄河水利史话";

	static final String SUBJECT = "纪传体研究";

	private static boolean loaded;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteCatalogIngest ingest;

	@BeforeEach
	void loadTheCatalogue() {
		synchronized (SruTest.class) {
			if (loaded) {
				return;
			}
			Record shiji = MarcFixtures.marc21("sru-a1", "978-7-9999-0001-6", "司马迁", SHIJI, "1999", "SRU-A1");
			shiji.addVariableField(MarcFixtures.field("650", 'a', SUBJECT));
			ingest("longhu", shiji, MarcFixtures.marc21("sru-e1", null, "Victor Hugo", LEGENDE, "1859", "SRU-E1"),
					MarcFixtures.marc21("sru-f1", null, "张水利", PINYIN, "1988", "SRU-F1"));
			ingest("baishi", MarcFixtures.marc21("sru-b1", null, AUTHOR, TRADITIONAL, "2005", "SRU-B1"),
					MarcFixtures.cnmarc("sru-d1", "978-7-9999-0002-3", "贾平凹", UNIMARC, "2019", "SRU-D1"));
			ingest("tongxi", MarcFixtures.marc21("sru-c1", null, AUTHOR, SIMPLIFIED, "2010", "SRU-C1"));
			loaded = true;
		}
	}

	private void ingest(String site, Record... records) {
		IngestReport report = ingest.ingestFile(site, site + "-sru-test.mrc",
				new ByteArrayInputStream(MarcFixtures.iso2709("UTF-8", records)), "UTF-8", IngestMode.INCREMENTAL);
		assertThat(report.quarantined()).isZero();
	}

	/** The work of a site's record. */
	String work(String site, String recordId) {
		return jdbc.sql("select work_id from bib_record where site_id = :s and record_id = :r")
			.param("s", site)
			.param("r", recordId)
			.query(String.class)
			.single();
	}

	/** A GET of {@code /sru} with these parameters (name, value, name, value…). */
	SruResponse sru(String... parameters) throws Exception {
		MockHttpServletRequestBuilder request = get("/sru");
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return send(request);
	}

	SruResponse send(MockHttpServletRequestBuilder request) throws Exception {
		byte[] body = mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return SruResponse.of(body);
	}

	/** A searchRetrieve in SRU 1.2. */
	SruResponse search(String query, String... more) throws Exception {
		return sru(concat(new String[] { "operation", "searchRetrieve", "version", "1.2", "query", query }, more));
	}

	/** A searchRetrieve in SRU 2.0. */
	SruResponse search2(String query, String... more) throws Exception {
		return sru(concat(new String[] { "operation", "searchRetrieve", "version", "2.0", "query", query }, more));
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
