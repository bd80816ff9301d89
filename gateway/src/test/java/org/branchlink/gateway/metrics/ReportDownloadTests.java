package org.branchlink.gateway.metrics;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The report page: figures with their definitions against the period before, and CSV and XLSX from the page session. */
class ReportDownloadTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void theReportComparesWithThePeriodBeforeAndDefinesEachFigure() throws Exception {
		mvc.perform(get("/reports/2026-Q3").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("对比上期 2026-04-01 至 2026-06-30 和去年同期 2025-07-01 至 2025-09-30"),
					containsString("本期外借册次 ÷ 馆藏册数。"), containsString("/reports/2026-Q3.xlsx"),
					containsString("data-labels="))));
		assertThat(ReportPeriod.parse("2026-01").previous().code()).isEqualTo("2025-12");
		assertThat(ReportPeriod.parse("2026-Q1").previous().code()).isEqualTo("2025-Q4");
		assertThat(ReportPeriod.parse("2026").previous().code()).isEqualTo("2025");
		assertThat(ReportPeriod.parse("2026-03").sameLastYear().code()).isEqualTo("2025-03");
		assertThat(ReportPeriod.parse("2026-Q2").sameLastYear().code()).isEqualTo("2025-Q2");
	}

	@Test
	void theReportDownloadsAsAWorkbookFromThePageSession() throws Exception {
		byte[] xlsx = mvc.perform(get("/reports/2026-11.xlsx").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("branchlink-2026-11.xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheet("2026-11");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("township");
			int last = sheet.getLastRowNum();
			assertThat(last).isGreaterThanOrEqualTo(2);
			// the county's line comes last
			assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo("all");
			// figures are numbers, not text
			assertThat(sheet.getRow(last).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		}
		mvc.perform(get("/reports/2026-11.csv").with(user(accounts.loadUserByUsername("admin")))).andExpect(status().isOk());
		mvc.perform(get("/reports/2026-11.xlsx").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isForbidden());
	}

}
