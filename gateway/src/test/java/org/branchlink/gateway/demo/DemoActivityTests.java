package org.branchlink.gateway.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.gateway.survey.Surveys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county starts with its past (here the tests' shorter one: 60 days, 520 readers): the dashboard's figures
 * are not zeros, its satisfaction survey is answered, and a new survey can draw its sample of 500.
 */
class DemoActivityTests extends IntegrationTest {

	@Autowired
	ServiceMetrics metrics;

	@Autowired
	Surveys surveys;

	@Test
	void theDemoCountyHasAPastTheDashboardShows() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		ServiceMetrics.Row county = metrics.report(today.minusDays(60), today).county();
		assertThat(county.loans()).as("loans over the generated days").isGreaterThan(200);
		assertThat(county.visits()).as("gate counts").isGreaterThan(1000);
		assertThat(county.readers()).as("registered readers").isGreaterThanOrEqualTo(520);
		assertThat(county.activeReaders()).isGreaterThan(50);
		// the dashboard shows the latest survey (other tests in this context may draw newer ones): the demo's is answered
		assertThat(county.satisfactionN()).as("a survey with answers").isNotNull();
		List<Object[]> drawn = surveys.list();
		assertThat(drawn).anySatisfy(survey -> assertThat((Long) survey[3]).isGreaterThan(200));
	}

	@Test
	void aNewSurveyDrawsItsSampleOf500() {
		Surveys.Drawn drawn = surveys.create(new Surveys.SurveyRequest("演示抽样", Surveys.STANDARD, 500, 7L), "admin");
		assertThat(drawn.sampleSize()).isEqualTo(500);
		assertThat(drawn.perTownship().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
	}

}
