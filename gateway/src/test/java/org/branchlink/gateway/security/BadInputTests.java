package org.branchlink.gateway.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Bad input answers 4xx with its reason, never 500: the probe's cases, on the API and on the pages. */
class BadInputTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void aPageFarPastTheEndIsABadRequest() throws Exception {
		assertClientError(get("/api/search").param("q", "中国").param("page", "21474837"));
		assertClientError(get("/search").param("q", "中国").param("page", "21474837"));
		assertClientError(get("/api/search").param("q", "中国").param("page", "-1"));
	}

	@Test
	void unknownFilterValuesOnEventsAreBadRequests() throws Exception {
		assertClientError(get("/api/events").param("category", "nonsense"));
		assertClientError(get("/api/events").param("audience", "martians"));
		assertClientError(get("/api/events").param("when", "someday"));
		assertClientError(get("/events").param("category", "nonsense"));
		assertClientError(get("/events").param("when", "someday"));
		assertClientError(get("/events").param("near", "north,east"));
		assertClientError(get("/events").param("view", "calendar").param("month", "2026-13"));
		assertClientError(get("/events").param("view", "calendar").param("category", "nonsense"));
		assertClientError(get("/search").param("title", "红楼梦").param("isbn", "12345").param("yearFrom", "later"));
	}

	@Test
	void aSkillEndingInABackslashIsJustText() throws Exception {
		RequestPostProcessor librarian = httpBasic("librarian", "demo-librarian");
		int status = mvc.perform(get("/api/volunteers").param("skill", "书法\\").with(librarian)).andReturn()
			.getResponse().getStatus();
		assertThat(status).isEqualTo(200);
		status = mvc.perform(post("/api/volunteers").with(librarian).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"王五\",\"birthDate\":\"1980-01-01\",\"homeSite\":\"baishi\",\"skills\":[\"摄影\\\\\"]}"))
			.andReturn().getResponse().getStatus();
		assertThat(status).isLessThan(500);
		status = mvc.perform(get("/volunteers").param("skill", "书法\\").with(user(accounts.loadUserByUsername("librarian"))))
			.andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(200);
	}

	@Test
	void aSpreadsheetThatInflatesPastTheCapIsRefused() throws Exception {
		assertClientError(multipart("/api/sites/baishi/ingest")
			.file(new MockMultipartFile("file", "books.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zipBomb()))
			.with(httpBasic("admin", "demo-admin")));
	}

	@Test
	void aPeriodThatDoesNotExistIsABadRequest() throws Exception {
		RequestPostProcessor admin = httpBasic("admin", "demo-admin");
		assertClientError(get("/api/metrics").param("period", "2026-Q9").with(admin));
		assertClientError(get("/api/reports/2026-Q9.csv").with(admin));
		assertClientError(get("/api/metrics").param("period", "2026-13").with(admin));
		RequestPostProcessor page = user(accounts.loadUserByUsername("admin"));
		assertClientError(get("/reports/2026-Q9").with(page));
		assertClientError(get("/reports/2026-Q9.pdf").with(page));
		assertClientError(get("/reports/2026-Q9.csv").with(page));
	}

	private void assertClientError(RequestBuilder request) throws Exception {
		var result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus())
			.as("%s %s", result.getRequest().getRequestURI(), result.getResponse().getContentAsString())
			.isBetween(400, 499);
	}

	/** An XLSX whose one sheet inflates from a few kilobytes to 200 MB. */
	private static byte[] zipBomb() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
					+ "spreadsheetml.sheet.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1 << 20];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 200; i++) {
				zip.write(spaces);
			}
		}
		return out.toByteArray();
	}

}
