package org.branchlink.gateway.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Population and coverage (issue 20, point 1): the statistics bureau's list is taken whole or refused whole with each
 * problem and its line (the list in force stays); coverage counts villages with a centre, participation and copies are
 * per resident, and the townships' spread is measured.
 */
class PopulationTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Villages villages;

	@Autowired
	PopulationFigures figures;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	private List<Villages.Village> demoList;

	@BeforeEach
	void keepTheDemoList() {
		demoList = villages.all();
	}

	@AfterEach
	void restoreTheDemoList() {
		String csv = "area_code,name,residents,served_by,priority\n" + demoList.stream()
			.map(v -> v.areaCode() + "," + v.name() + "," + v.residents() + "," + (v.servedBy() == null ? "" : v.servedBy())
					+ "," + (v.priority() == null ? "" : v.priority()))
			.collect(Collectors.joining("\n"));
		villages.replace("demo.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
	}

	/** Baishi's village centres with their own area codes, and one village of Baishi that has none. */
	private String baishiList() {
		List<Site> centres = sites.require().childrenOf("baishi").stream().filter(site -> site.kind().code().equals("village_center")).toList();
		String township = sites.require().find("baishi").orElseThrow().areaCode().township();
		StringBuilder csv = new StringBuilder("区划代码,名称,常住人口\n");
		centres.forEach(site -> csv.append(site.areaCode().value()).append(",").append(site.name().zh()).append(",1000\n"));
		csv.append(township).append("398,白石镇无中心村,2000\n");
		return csv.toString();
	}

	@Test
	void aListWithProblemsIsRefusedWholeWithEachLineAndTheListInForceStays() throws Exception {
		int before = villages.all().size();
		String bad = "区划代码,名称,常住人口\n330000000000,外县村,100\n12345,短代码村,100\n" + sites.require().find("baishi")
			.orElseThrow().areaCode().township() + "201,白石一村,很多\n";
		mvc.perform(multipart("/population/villages").file(new MockMultipartFile("file", "villages.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8))).with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("refused", "名单有 3 处问题，整份未导入，原有名单不变。"))
			.andExpect(flash().attribute("problems", Matchers.contains(Matchers.startsWith("第 2 行：区划代码 330000000000 不属于本县"),
					Matchers.startsWith("第 3 行：区划代码“12345”不是 12 位数字"), Matchers.startsWith("第 4 行：常住人口“很多”"))));
		assertThat(villages.all()).hasSize(before);

		mvc.perform(multipart(HttpMethod.PUT, "/api/population/villages").file(new MockMultipartFile("file", "villages.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8))).with(httpBasic("admin", "demo-admin")).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems.length()").value(3))
			.andExpect(jsonPath("$.problems[1].line").value(3))
			.andExpect(jsonPath("$.problems[1].kind").value("code"));
		mvc.perform(multipart(HttpMethod.PUT, "/api/population/villages").file(new MockMultipartFile("file", "villages.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8))).with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		assertThat(villages.all()).hasSize(before);
	}

	@Test
	void remoteAndPoorVillagesMakeTheirCentresPriorityStopsAndAnUnknownMarkIsRefused() throws Exception {
		assertThat(demoList).as("the demo marks poor and remote villages").anyMatch(v -> "poor".equals(v.priority()))
			.anyMatch(v -> "remote".equals(v.priority()));
		String township = sites.require().find("baishi").orElseThrow().areaCode().township();
		Site first = sites.require().childrenOf("baishi").stream().filter(site -> site.kind().code().equals("village_center"))
			.findFirst().orElseThrow();
		String marked = "区划代码,名称,常住人口,重点帮扶\n" + first.areaCode().value() + ",一村,900,脱贫村\n" + township
				+ "397,山里村,300,偏远\n" + township + "396,平原村,800,\n";
		villages.replace("marked.csv", marked.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(villages.all()).extracting(Villages.Village::priority).containsExactly("poor", null, "remote");
		assertThat(villages.siteIds()).as("only a village with a centre gives a stop").containsExactly(first.id());

		String wrong = "区划代码,名称,常住人口,重点帮扶\n" + township + "395,某村,800,很远\n";
		mvc.perform(multipart("/population/villages").file(new MockMultipartFile("file", "villages.csv", "text/csv",
				wrong.getBytes(StandardCharsets.UTF_8))).with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("problems", Matchers.contains(Matchers.startsWith("第 2 行：重点帮扶“很远”"))));
		assertThat(villages.all()).hasSize(3);
	}

	@Test
	void coverageCountsVillagesWithACentreAndTheFiguresArePerResident() throws Exception {
		// GB18030, as a spreadsheet in China saves CSV
		mvc.perform(multipart("/population/villages").file(new MockMultipartFile("file", "villages.csv", "text/csv",
				baishiList().getBytes(Charset.forName("GB18030"))))
				.with(user(accounts.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(flash().attribute("notice", Matchers.startsWith("已导入")));
		List<Villages.Village> list = villages.all();
		assertThat(list).anyMatch(village -> village.name().equals("白石镇无中心村") && village.servedBy() == null);
		assertThat(list).filteredOn(village -> village.servedBy() != null).hasSize(list.size() - 1);

		LocalDate today = LocalDate.now();
		PopulationFigures.Figures year = figures.of(today.withDayOfYear(1), today);
		assertThat(year.townships()).hasSize(1);
		PopulationFigures.Row baishi = year.townships().get(0);
		assertThat(baishi.township()).isEqualTo("baishi");
		assertThat(baishi.villages()).isEqualTo(list.size());
		assertThat(baishi.residents()).isEqualTo(1000L * (list.size() - 1) + 2000);
		assertThat(baishi.coverage()).isEqualTo((double) (list.size() - 1) / list.size());
		assertThat(baishi.copiesPerHead()).isEqualTo((double) baishi.copies() / baishi.residents());
		assertThat(baishi.participationPerThousand()).isEqualTo(baishi.participants() * 1000.0 / baishi.residents());
		double baishiArea = sites.require().sites().stream()
			.filter(site -> site.floorArea() != null && site.kind().level() != SiteLevel.MOBILE)
			.filter(site -> sites.require().townshipOf(site.id()).map(Site::id).orElse("").equals("baishi"))
			.mapToDouble(Site::floorArea).sum();
		assertThat(baishiArea).as("the demo's sites have their floor area").isPositive();
		assertThat(baishi.floorAreaPerTenThousand()).isCloseTo(baishiArea * 10_000 / baishi.residents(), within(1e-6));
		assertThat(year.county().floorArea()).as("the county's own institutions too").isGreaterThan(baishiArea);

		// every village centre and station has a weekly standard (42 h); the demo's village hours are 26, 39 or 45.5 h
		assertThat(year.openingHours()).filteredOn(check -> check.kind().equals("village_center")).isNotEmpty()
			.allSatisfy(check -> assertThat(check.standard()).isEqualTo(42));
		assertThat(year.openingHours()).filteredOn(check -> check.kind().equals("central_library"))
			.singleElement().satisfies(check -> {
				assertThat(check.weeklyHours()).as("Tu-Su 09:00-20:30").isEqualTo(69);
				assertThat(check.meets()).isTrue();
			});
		assertThat(year.shortOfHours()).isNotEmpty().allSatisfy(check -> assertThat(check.meets()).isFalse());
		assertThat(year.openingHoursCompliance()).isStrictlyBetween(0.0, 1.0);
		// the targets: coverage from application.yml, the others from the demo profile, in their order
		assertThat(year.targets()).extracting(PopulationFigures.TargetCheck::figure)
			.containsExactly("coverage", "reach", "participation", "copies", "floorArea", "openingHours");
		assertThat(year.targets().get(0).met()).as("one village has no centre").isFalse();
		assertThat(year.targets().get(5).value()).isEqualTo(year.openingHoursCompliance());

		mvc.perform(get("/population").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"figure-coverage\""),
					Matchers.containsString("目标 100%"), Matchers.containsString("id=\"population-targets\""),
					Matchers.containsString("未达到"), Matchers.containsString("每周开放时间未达标准的站点"))));
		mvc.perform(get("/api/population/figures").param("from", today.withDayOfYear(1).toString()).param("to", today.toString())
				.with(httpBasic("admin", "demo-admin")))
			.andExpect(jsonPath("$.townships[0].township").value("baishi"))
			.andExpect(jsonPath("$.townships[0].coverage").isNumber())
			.andExpect(jsonPath("$.county.floorAreaPerTenThousand").isNumber())
			.andExpect(jsonPath("$.openingHoursCompliance").isNumber())
			.andExpect(jsonPath("$.shortOfHours[0].meets").value(false))
			.andExpect(jsonPath("$.targets[0].figure").value("coverage"))
			.andExpect(jsonPath("$.targets[0].met").value(false));
	}

	@Test
	void aListWhoseVillagesBelongToNoTownshipStationStillShowsThePage() throws Exception {
		String county = sites.require().federation().areaCode().county();
		villages.replace("v.csv", ("区划代码,名称,常住人口\n" + county + "398201,无站乡一村,500\n").getBytes(StandardCharsets.UTF_8), "test");
		assertThat(figures.of(LocalDate.now().withDayOfYear(1), LocalDate.now()).unknownTownship()).isEqualTo(1);
		mvc.perform(get("/population").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"population-county\""))));
	}

	@Test
	void anXlsxListImportsAndTheTownshipsSpreadIsMeasured() throws Exception {
		String longhu = sites.require().find("longhu").orElseThrow().areaCode().township();
		String baishi = sites.require().find("baishi").orElseThrow().areaCode().township();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("村（社区）");
			String[][] rows = { { "area_code", "name", "residents" }, { baishi + "201", "白石一村", "1000" },
					{ baishi + "202", "白石二村", "1000" }, { longhu + "201", "龙湖一村", "4000" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (r > 0 && c == 2) {
						row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
					}
					else {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
		}
		mvc.perform(multipart(HttpMethod.PUT, "/api/population/villages").file(new MockMultipartFile("file", "villages.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()))
				.with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.villages").value(3))
			.andExpect(jsonPath("$.residents").value(6000));
		LocalDate today = LocalDate.now();
		PopulationFigures.Figures year = figures.of(today.withDayOfYear(1), today);
		assertThat(year.townships()).extracting(PopulationFigures.Row::township).containsExactly("baishi", "longhu");
		PopulationFigures.Equalisation copies = year.equalisation().stream().filter(e -> e.figure().equals("copies"))
			.findFirst().orElseThrow();
		assertThat(copies.lowest()).isLessThanOrEqualTo(copies.highest());
		assertThat(copies.ratio()).isBetween(0.0, 1.0);
	}

}
