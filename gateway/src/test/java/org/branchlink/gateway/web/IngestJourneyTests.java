package org.branchlink.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Central staff upload a reading room's inventory sheet from the ingest page and read, in Chinese, why a row was
 * refused and where it is. Every page passes {@link JourneyBrowser#check}.
 */
class IngestJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffUploadAnInventoryAndReadItsRefusalsInChinese(int width) throws Exception {
		Path sheet = Files.createTempFile("inventory-" + width, ".csv");
		Files.writeString(sheet, "题名,作者,条码\n上传旅程测试书" + width + ",佚名,JRN-" + width + "-1\n,佚名,JRN-" + width + "-2\n",
				StandardCharsets.UTF_8);
		try (JourneyBrowser browser = JourneyBrowser.open(port, "central-ingest", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("admin", "demo-admin");
			browser.go("/ingest");
			browser.find("#upload-form");
			browser.check("ingest-upload");

			browser.submit("#upload-submit");
			assertThat(browser.text("#upload-site-error")).contains("请选择");
			browser.check("ingest-upload-no-site");

			new Select(browser.find("#upload-site")).selectByValue("baishi");
			browser.find("#upload-file").sendKeys(sheet.toAbsolutePath().toString());
			browser.submit("#upload-submit");
			assertThat(browser.text("#notice")).contains(sheet.getFileName().toString()).contains("读取 2 条").contains("隔离 1 条");
			assertThat(browser.text("#quarantine")).contains("记录没有题名").contains("第 3 行");
			browser.check("ingest-uploaded");
		}
		finally {
			Files.deleteIfExists(sheet);
		}
	}

}
