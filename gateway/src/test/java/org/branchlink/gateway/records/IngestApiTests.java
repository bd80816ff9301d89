package org.branchlink.gateway.records;

import java.nio.charset.StandardCharsets;

import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.gateway.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ingest API: uploads, bulk loads, runs and quarantine, each in its site's scope. */
class IngestApiTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aSiteSystemUploadsItsFileAndGetsTheRunsCounts() throws Exception {
		byte[] good = MarcFixtures.iso2709("UTF-8", cnmarc("api-1", null, "佚名", "上传测试书", "2020", "API-1"),
				cnmarc("api-2", null, "佚名", "上传测试书二", "2020", "API-2"));
		byte[] broken = MarcFixtures.iso2709("UTF-8", cnmarc("api-3", null, "佚名", "坏记录", "2020", "API-3"));
		broken[0] = 'x';
		byte[] file = new byte[good.length + broken.length];
		System.arraycopy(good, 0, file, 0, good.length);
		System.arraycopy(broken, 0, file, good.length, broken.length);

		mvc.perform(multipart("/api/sites/central-library/ingest").file(new MockMultipartFile("file", "upload.mrc",
				"application/marc", file)).param("mode", "incremental").header("X-API-Key", "demo-central-library-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("finished"))
			.andExpect(jsonPath("$.read").value(3))
			.andExpect(jsonPath("$.quarantined").value(1))
			.andExpect(jsonPath("$.recordsPerSecond").isNumber());

		mvc.perform(get("/api/search").param("q", "上传测试书"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.works[*].title", hasItem("上传测试书")));
		mvc.perform(get("/api/ingest/quarantine").param("site", "central-library").header("X-API-Key", "demo-central-library-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].source").value("upload.mrc"))
			.andExpect(jsonPath("$[0].position").value("record 3 at byte " + good.length))
			.andExpect(jsonPath("$[0].reason").value(Matchers.startsWith("bad leader")));
		mvc.perform(get("/api/ingest/runs").param("site", "central-library").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].source").value("upload.mrc"));
	}

	@Test
	void aSiteSystemMayNotFeedAnotherSite() throws Exception {
		byte[] file = MarcFixtures.iso2709("UTF-8", cnmarc("x-1", null, "佚名", "越权", "2020", "X-1"));

		mvc.perform(multipart("/api/sites/baishi/ingest").file(new MockMultipartFile("file", "x.mrc", null, file))
			.header("X-API-Key", "demo-central-library-key"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(multipart("/api/sites/baishi/ingest").file(new MockMultipartFile("file", "x.mrc", null, file))
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/ingest/quarantine").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/ingest/quarantine").param("site", "baishi").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk());
	}

	@Test
	void anUnknownSiteOrAnEmptyFileIsAClearError() throws Exception {
		byte[] file = MarcFixtures.iso2709("UTF-8", cnmarc("x-2", null, "佚名", "无站点", "2020", "X-2"));

		mvc.perform(multipart("/api/sites/atlantis/ingest").file(new MockMultipartFile("file", "x.mrc", null, file))
			.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("no site 'atlantis' in the registry"));
		mvc.perform(multipart("/api/sites/baishi/ingest").file(new MockMultipartFile("file", "x.mrc", null, new byte[0]))
			.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("the file is empty"));
	}


	@Test
	void theCentralAdminLoadsSeveralSitesFilesAsOneBulkLoad() throws Exception {
		byte[] central = MarcFixtures.iso2709("UTF-8", cnmarc("cl-bulk-1", null, "佚名", "整县载入测试书", "2021", "CL-BULK-1"));
		String room = "书名,作者,条码\n整县载入测试书,佚名,XW-BULK-1\n";
		var centralFile = new MockMultipartFile("central-library", "central.mrc", null, central);
		var roomFile = new MockMultipartFile("tongxi-xiwan-books", "inventory.csv", "text/csv",
				room.getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/ingest/bulk").file(centralFile).file(roomFile).header("X-API-Key", "demo-central-library-key"))
			.andExpect(status().isForbidden());
		long analysedBefore = analyseCount("bib_record");
		long writesBefore = siteWrites("central-library");
		mvc.perform(multipart("/api/ingest/bulk").file(centralFile).file(roomFile).with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[*].siteId", Matchers.containsInAnyOrder("central-library", "tongxi-xiwan-books")))
			.andExpect(jsonPath("$[*].added", Matchers.contains(1, 1)));
		// the tables are analysed before the works are read back for indexing (plans made for empty tables were slow)
		assertThat(analyseCount("bib_record")).isGreaterThan(analysedBefore);
		// the site's batch counted its write (a look at the site's records taken before it is stale now)
		assertThat(siteWrites("central-library")).isGreaterThan(writesBefore);
		mvc.perform(get("/api/search").param("q", "整县载入测试书"))
			.andExpect(jsonPath("$.works.length()").value(2)) // no ISBN and no year in the spreadsheet: two editions
			.andExpect(jsonPath("$.works[*].holdings[0].siteId", Matchers.containsInAnyOrder(
					"central-library", "tongxi-xiwan-books")));
		mvc.perform(multipart("/api/ingest/bulk").file(new MockMultipartFile("atlantis", "a.mrc", null, central))
			.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isNotFound());

		// a file that cannot be read stops the load with its reason; what came before it is searchable all the same
		var before = new MockMultipartFile("central-library", "before.mrc", null, MarcFixtures.iso2709("UTF-8",
				cnmarc("cl-bulk-2", null, "佚名", "半途载入测试书", "2021", "CL-BULK-2")));
		var headless = new MockMultipartFile("tongxi-xiwan-books", "no-header.csv", "text/csv",
				"甲,乙\n1,2\n".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/ingest/bulk").file(before).file(headless).with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("no-header.csv")));
		mvc.perform(get("/api/search").param("q", "半途载入测试书"))
			.andExpect(jsonPath("$.works[0].title").value("半途载入测试书"));
	}

	private long analyseCount(String table) {
		return jdbc.sql("select analyze_count from pg_stat_user_tables where relname = :table").param("table", table)
			.query(Long.class)
			.single();
	}

	private long siteWrites(String site) {
		return jdbc.sql("select coalesce(max(writes), 0) from site_record_writes where site_id = :site").param("site", site)
			.query(Long.class)
			.single();
	}

	/** A bulk load stores new records by COPY and indexes them from the database: text must come back as it went in. */
	@Test
	void backslashesQuotesBracesAndTabsComeBackFromTheStoreAsSent() throws Exception {
		String title = "反斜杠\\与\"引号\"的\t书 {甲,乙} \\N";
		String room = "书名,作者,条码\n\"" + title.replace("\"", "\"\"") + "\",\"张\\三, \"\"李四\"\"\",ESC-1\n";
		mvc.perform(multipart("/api/ingest/bulk").file(new MockMultipartFile("tongxi-xiwan-books", "escapes.csv", "text/csv",
				room.getBytes(StandardCharsets.UTF_8))).with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].added").value(1));
		mvc.perform(get("/api/search").param("q", "反斜杠 引号"))
			.andExpect(jsonPath("$.works[0].title").value(title))
			.andExpect(jsonPath("$.works[0].authors[0]").value("张\\三, \"李四\""))
			.andExpect(jsonPath("$.works[0].holdings[0].barcode").value("ESC-1"));
	}

	@Test
	void aNulCharacterIsQuarantinedAndTwoRecordsClaimingOneBarcodeDoNotStopTheRun() throws Exception {
		StringBuilder push = new StringBuilder("[");
		for (int i = 0; i < 1000; i++) { // a full batch first, stored while the rest is read
			push.append("{\"id\": \"nul-").append(i).append("\", \"title\": \"零字符测试书").append(i).append("\"},");
		}
		push.append("{\"id\": \"nul-bad\", \"title\": \"零字符\\u0000测试书\"},");
		push.append("{\"id\": \"dup-a\", \"title\": \"重复条码甲\", \"items\": [{\"barcode\": \"DUP-1\"}]},");
		push.append("{\"id\": \"dup-b\", \"title\": \"重复条码乙\", \"items\": [{\"barcode\": \"DUP-1\"}]}]");

		mvc.perform(MockMvcRequestBuilders.post("/api/sites/central-library/records")
			.header("X-API-Key", "demo-central-library-key").contentType(MediaType.APPLICATION_JSON).content(push.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("finished"))
			.andExpect(jsonPath("$.read").value(1003))
			.andExpect(jsonPath("$.added").value(1002))
			.andExpect(jsonPath("$.quarantined").value(1));
		mvc.perform(get("/api/ingest/quarantine").param("site", "central-library").header("X-API-Key", "demo-central-library-key"))
			.andExpect(jsonPath("$[0].position").value("record nul-bad"))
			.andExpect(jsonPath("$[0].reason").value(Matchers.startsWith("a NUL character")));
		mvc.perform(get("/api/search").param("q", "重复条码乙"))
			.andExpect(jsonPath("$.works[0].title").value("重复条码乙"))
			.andExpect(jsonPath("$.works[0].holdings[0].barcode").value("DUP-1"));
		mvc.perform(get("/api/search").param("q", "零字符测试书999"))
			.andExpect(jsonPath("$.works[0].title").value("零字符测试书999"));
	}

	@Test
	void aReadingRoomsSpreadsheetIsIngested() throws Exception {
		String csv = "书名,作者,条码,索书号\n百姓书房表格测试书,佚名,HP-0001,I0/1\n百姓书房表格测试书,佚名,HP-0002,I0/1\n";

		mvc.perform(multipart("/api/sites/chengdong-heping-reading-room/ingest")
			.file(new MockMultipartFile("file", "inventory.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(1))
			.andExpect(jsonPath("$.added").value(1));
		mvc.perform(get("/api/search").param("q", "百姓书房表格测试书"))
			.andExpect(jsonPath("$.works[0].items").value(2))
			.andExpect(jsonPath("$.works[0].holdings[0].siteId").value("chengdong-heping-reading-room"));
	}


	@Test
	void aSiteSystemPushesJsonRecordsAndDeletions() throws Exception {
		String push = """
				[{"id": "push-1", "title": "推送测试书", "authors": ["佚名"], "isbns": ["978-7-5339-7402-2"], "year": 2020,
				  "items": [{"barcode": "PUSH-1", "callNumber": "I247/1"}]},
				 {"id": "push-2", "title": "推送待删书", "items": [{"barcode": "PUSH-2"}]},
				 {"id": "push-3"}]""";

		mvc.perform(MockMvcRequestBuilders.post("/api/sites/central-library/records")
			.header("X-API-Key", "demo-central-library-key").contentType(MediaType.APPLICATION_JSON).content(push))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(2))
			.andExpect(jsonPath("$.quarantined").value(1));
		mvc.perform(MockMvcRequestBuilders.post("/api/sites/central-library/records")
			.header("X-API-Key", "demo-central-library-key").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"id\": \"push-2\", \"deleted\": true}]"))
			.andExpect(jsonPath("$.deleted").value(1));
		assertThat(jdbc.sql("select count(*) from item where site_id = 'central-library' and barcode = 'PUSH-2'")
			.query(Integer.class).single()).as("a deleted record's copies go with it").isZero();

		mvc.perform(get("/api/search").param("q", "推送测试书")).andExpect(jsonPath("$.works[0].isbns[0]").value("9787533974022"));
		mvc.perform(get("/api/search").param("q", "推送待删书"))
			.andExpect(jsonPath("$.works[*].title", Matchers.not(hasItem("推送待删书"))));
		mvc.perform(MockMvcRequestBuilders.post("/api/sites/baishi/records")
			.header("X-API-Key", "demo-central-library-key").contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isForbidden());
	}

}
