package org.branchlink.gateway.web;

import java.nio.charset.StandardCharsets;

import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ingest page: central staff upload a site's file and read the answer; each quarantined record's reason and
 * position in the page's language (the reason's text as written stays beside it); librarians read, do not upload.
 */
class IngestPageTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	private RequestPostProcessor as(String name) {
		return user(accounts.loadUserByUsername(name));
	}

	@Test
	void centralStaffUploadAMarcFileAndReadItsRefusalsInChinese() throws Exception {
		byte[] good = MarcFixtures.iso2709("UTF-8", cnmarc("page-1", null, "佚名", "页面上传测试书", "2021", "PAGE-UP-1"));
		byte[] untitled = MarcFixtures.iso2709("UTF-8", MarcFixtures.marc21("page-2", null, "佚名", null, "2021", "PAGE-UP-2"));
		byte[] broken = MarcFixtures.iso2709("UTF-8", cnmarc("page-3", null, "佚名", "坏记录", "2021", "PAGE-UP-3"));
		broken[0] = 'x';
		byte[] file = new byte[good.length + untitled.length + broken.length];
		System.arraycopy(good, 0, file, 0, good.length);
		System.arraycopy(untitled, 0, file, good.length, untitled.length);
		System.arraycopy(broken, 0, file, good.length + untitled.length, broken.length);

		mvc.perform(multipart("/ingest/upload").file(new MockMultipartFile("file", "page-upload.mrc", null, file))
			.param("site", "central-library").param("mode", "incremental").with(as("admin")).with(csrf()))
			.andExpect(redirectedUrl("/ingest"))
			.andExpect(flash().attribute("notice", containsString("读取 3 条")))
			.andExpect(flash().attribute("notice", containsString("隔离 2 条")));

		mvc.perform(get("/ingest").with(as("admin")))
			.andExpect(content().string(containsString("id=\"upload-form\"")))
			.andExpect(content().string(containsString("记录头标区（leader）不合规")))
			.andExpect(content().string(containsString("记录没有题名")))
			.andExpect(content().string(containsString("data-code=\"bad-leader\"")))
			.andExpect(content().string(containsString("第 3 条记录（文件第 " + (good.length + untitled.length) + " 字节处）")))
			.andExpect(content().string(containsString("bad leader")));
	}

	@Test
	void anUploadWithoutSiteFileOrTitleColumnIsRefusedBesideItsField() throws Exception {
		mvc.perform(multipart("/ingest/upload").file(new MockMultipartFile("file", "x.csv", null, "题名\n书\n".getBytes(
				StandardCharsets.UTF_8))).param("site", "").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("siteError", true))
			.andExpect(flash().attribute("refused", containsString("请选择要导入数据的站点")));
		mvc.perform(multipart("/ingest/upload").file(new MockMultipartFile("file", "empty.mrc", null, new byte[0]))
			.param("site", "baishi").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("fileError", true))
			.andExpect(flash().attribute("refused", containsString("请选择要上传的文件")));
		mvc.perform(multipart("/ingest/upload").file(new MockMultipartFile("file", "books.csv", null,
				"作者,条码\n佚名,NO-TITLE-1\n".getBytes(StandardCharsets.UTF_8)))
			.param("site", "baishi").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("fileError", true))
			.andExpect(flash().attribute("refused", containsString("没有题名列")));
	}

	@Test
	void librariansReadTheirSitesRunsButDoNotUpload() throws Exception {
		mvc.perform(get("/ingest").with(as("librarian")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"upload-form\""))));
		mvc.perform(multipart("/ingest/upload").file(new MockMultipartFile("file", "x.mrc", null, new byte[] { 1 }))
			.param("site", "baishi").with(as("librarian")).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
