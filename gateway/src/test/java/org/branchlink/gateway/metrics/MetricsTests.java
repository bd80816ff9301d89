package org.branchlink.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCountyAccess;
import org.branchlink.gateway.events.EventCheckIns;
import org.branchlink.gateway.events.EventRegistrations;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Metrics from the data the other capabilities write, the staffing and training checks, and the CSV report. */
class MetricsTests extends IntegrationTest {

	@Autowired
	ServiceMetrics metrics;

	@Autowired
	Staffing staffing;

	@Autowired
	EventCatalog events;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	EventCheckIns checkIns;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Test
	void aTownshipStationNeedsTwoFullTimeStaffAVillageOnePartTimeAndTrainingDaysAreCountedPerLevel() {
		int year = 2031;
		// from a station nobody works at: the demo's staff of longhu and its first village have left
		String village = "longhu-" + DemoCountyAccess.firstVillageSlug("longhu");
		staffing.members(List.of("longhu", village), year).forEach(member -> staffing.setActive(member.id(), false));
		assertThat(staffing.check(year).staffing()).anySatisfy(s -> assertThat(s.siteId()).isEqualTo("longhu"));
		long first = staffing.addStaff(new Staffing.StaffRequest("longhu", "龙湖站长", "full_time"));
		assertThat(staffing.check(year).staffing()).anySatisfy(s -> {
			assertThat(s.siteId()).isEqualTo("longhu");
			assertThat(s.fullTime()).isEqualTo(1);
		});
		staffing.addStaff(new Staffing.StaffRequest("longhu", "龙湖专干", "full_time"));
		staffing.addStaff(new Staffing.StaffRequest(village, "村文化管理员", "part_time"));
		Staffing.Check check = staffing.check(year);
		assertThat(check.staffing()).noneMatch(s -> s.siteId().equals("longhu") || s.siteId().equals(village));

		long county = staffing.addStaff(new Staffing.StaffRequest("central-library", "参考馆员", "full_time"));
		staffing.addTraining(county, new Staffing.TrainingRequest(LocalDate.of(year, 3, 1), new BigDecimal("10"), "古籍保护"));
		staffing.addTraining(first, new Staffing.TrainingRequest(LocalDate.of(year, 4, 1), new BigDecimal("5"), "总分馆业务"));
		staffing.addTraining(first, new Staffing.TrainingRequest(LocalDate.of(year - 1, 4, 1), new BigDecimal("9"), "去年"));
		Staffing.Check training = staffing.check(year);
		assertThat(training.training()).anySatisfy(t -> {
			assertThat(t.staffId()).isEqualTo(county);
			assertThat(t.required()).isEqualTo(15);
			assertThat(t.days()).isEqualTo(10.0);
		});
		assertThat(training.training()).noneMatch(t -> t.staffId() == first);
		assertThatThrownBy(() -> staffing.addStaff(new Staffing.StaffRequest("longhu", "某人", "volunteer")))
			.hasMessageContaining("full_time");
	}

	@Test
	void theMonthsFiguresComeFromLoansEventsAndCheckInsAndTheReportExportsAsCsv() throws Exception {
		ZoneId china = ZoneId.of("Asia/Shanghai");
		ReportPeriod month = ReportPeriod.monthOf(LocalDate.now(china));
		// an event that began five minutes ago, but not before this month did (just after midnight on the 1st)
		Instant monthStart = month.from().atStartOfDay(china).toInstant();
		Instant starts = Instant.now().minus(Duration.ofMinutes(5));
		starts = starts.isBefore(monthStart) ? monthStart : starts;
		ServiceMetrics.Row before = row(month, "baishi");
		CulturalEvent talk = events.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, "baishi", "metrics-talk-"
				+ System.nanoTime(), "", 0, CulturalEvent.Kind.EVENT, EventCategory.LECTURE, "农技讲座", "", "baishi", "",
				starts, Instant.now().plus(Duration.ofHours(1)), 30, Set.of(), false,
				null, false)).event();
		var reader = readers.register(new ReaderRegistry.Registration("效能读者", LocalDate.of(1980, 1, 1), "adult",
				"baishi", null, false, null, null, null));
		checkIns.checkIn(talk.id(), reader.cardNumber());
		checkIns.checkIn(talk.id(), null);
		mvc.perform(MockMvcRequestBuilders.post("/api/sites/baishi/visits")
			.with(httpBasic("librarian", "demo-librarian")).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"day\":\"" + month.from() + "\",\"visits\":120,\"source\":\"gate\"}]"))
			.andExpect(status().isOk());
		ServiceMetrics.Row after = row(month, "baishi");
		assertThat(after.events()).isEqualTo(before.events() + 1);
		assertThat(after.attendance()).isEqualTo(before.attendance() + 2);
		assertThat(after.participants()).isEqualTo(before.participants() + 1);
		assertThat(after.readers()).isEqualTo(before.readers() + 1);
		assertThat(after.activeReaders()).isEqualTo(before.activeReaders() + 1);
		assertThat(after.visits()).isGreaterThanOrEqualTo(120);
		ServiceMetrics.Report bySite = metrics.report(month.from(), month.to(), true);
		assertThat(bySite.townships()).anySatisfy(r -> {
			// by site: the township station's own count, which the township's row (its villages too) includes
			assertThat(r.township()).isEqualTo("baishi");
			assertThat(r.visits()).isGreaterThanOrEqualTo(120).isLessThanOrEqualTo(after.visits());
		});
		assertThat(bySite.county().events()).isEqualTo(metrics.report(month.from(), month.to()).county().events());
		assertThat(after.eventsByCategory()).containsKey("lecture");
		assertThat(after.attendanceByCategory().get("lecture"))
			.isEqualTo(before.attendanceByCategory().getOrDefault("lecture", 0L) + 2);
		assertThat(after.loans()).isGreaterThanOrEqualTo(2);
		assertThat(after.utilisation()).isEqualTo(Math.round((double) after.loans() / after.copies() * 10000) / 10000.0);
		assertThat(metrics.report(month.from(), month.to()).county().events())
			.isGreaterThanOrEqualTo(after.events());

		mvc.perform(get("/api/reports/" + month.code() + ".csv").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.startsWith(ReportCsv.HEADER + "\nbaishi,")))
			.andExpect(content().string(Matchers.containsString("\nall,")));
		mvc.perform(get("/api/reports/" + month.code() + ".csv").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/metrics").param("period", "2026-13").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theQuarterlyReportRendersAsAPdfWithItsChineseText() throws Exception {
		byte[] pdf = mvc.perform(get("/reports/2026-Q4.pdf").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("2026-Q4");
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			// Chinese text needs a CJK font on the host (CI installs fonts-wqy-microhei); without one it renders as #
			Assumptions.assumeTrue(Stream.of("wqy/wqy-microhei.ttc", "wqy/wqy-zenhei.ttc",
					"arphic/uming.ttc").anyMatch(font -> Files.exists(Path.of("/usr/share/fonts/truetype", font))),
					"no CJK font on this machine");
			assertThat(text).contains("白石镇综合文化站");
		}
	}

	private ServiceMetrics.Row row(ReportPeriod period, String township) {
		return metrics.report(period.from(), period.to()).townships().stream()
			.filter(r -> r.township().equals(township)).findFirst().orElseThrow();
	}

}
