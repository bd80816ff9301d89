package org.branchlink.gateway.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A survey of the demo county's readers: the drawn sample, one response per invitation, results, export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyTests extends IntegrationTest {

	@Autowired
	Surveys surveys;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	SiteDirectory sites;

	@Autowired
	JdbcClient jdbc;

	private static final List<Surveys.Question> QUESTIONS = List.of(
			new Surveys.Question("overall", "scale", "您对本地公共文化服务的总体满意度", true),
			new Surveys.Question("hours", "scale", "开放时间", false),
			new Surveys.Question("needs", "text", "您还希望增加哪些服务？", false));

	@BeforeAll
	void readersInEveryTownship() {
		List<Site> villages = sites.require().sites().stream()
			.filter(site -> site.kind() == SiteKind.VILLAGE_CENTER || site.kind() == SiteKind.COMMUNITY_CENTER)
			.toList();
		int have = jdbc.sql("select count(*) from reader").query(Integer.class).single();
		for (int i = have; i < 560; i++) {
			readers.register(new ReaderRegistry.Registration("调查读者" + i, LocalDate.of(1960 + i % 50, 1 + i % 12, 1),
					"adult", villages.get(i % villages.size()).id(), null, false, null, null, null));
		}
	}

	@Test
	void aSurveyDrawsFiveHundredReadersByTownshipTakesOneResponseEachAndReportsTheRateWithItsMargin() {
		Surveys.Drawn drawn = surveys.create(new Surveys.SurveyRequest("2026 年度公共文化服务满意度调查", QUESTIONS, 500, 42L),
				"admin");
		assertThat(drawn.sampleSize()).isEqualTo(500);
		assertThat(drawn.perTownship().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
		assertThat(drawn.perTownship()).hasSizeGreaterThanOrEqualTo(15);
		List<String> tokens = surveys.tokens(drawn.id());
		assertThat(tokens).hasSize(500).doesNotHaveDuplicates();

		// 100 answers: 85 satisfied (4 or 5), 10 not (1-3), 5 don't know (0, left out of the rate)
		for (int i = 0; i < 100; i++) {
			int score = i < 85 ? 4 + i % 2 : i < 95 ? 1 + i % 3 : 0;
			surveys.respond(tokens.get(i), Map.of("overall", score, "hours", 3, "needs", "希望增加少儿活动, \"周末\""));
		}
		assertThatThrownBy(() -> surveys.respond(tokens.get(0), Map.of("overall", 5)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> surveys.respond(tokens.get(100), Map.of("overall", 7)))
			.hasMessageContaining("1 to 5");

		Surveys.Results results = surveys.results(drawn.id());
		assertThat(results.overall().responses()).isEqualTo(100);
		assertThat(results.overall().scored()).isEqualTo(95);
		assertThat(results.overall().rate()).isCloseTo(85.0 / 95, within(0.0001));
		assertThat(results.overall().marginOfError())
			.isCloseTo(1.96 * Math.sqrt((85.0 / 95) * (10.0 / 95) / 95), within(0.0001));
		assertThat(results.townships()).allSatisfy(cell -> assertThat(cell.sufficient()).isEqualTo(cell.scored() >= 30));
		assertThat(results.meanByQuestion()).containsEntry("hours", 3.0);

		String csv = surveys.csv(drawn.id());
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("township,overall,hours,needs");
		assertThat(csv.lines().count()).isEqualTo(101);
		assertThat(csv).contains("\"希望增加少儿活动, \"\"周末\"\"\"").doesNotContain("BL");
	}

	@Test
	void theSameSeedDrawsTheSameReadersAndASampleUnderFiveHundredIsRefused() {
		Surveys.Drawn a = surveys.create(new Surveys.SurveyRequest("复核抽样", QUESTIONS, 500, 7L), "admin");
		Surveys.Drawn b = surveys.create(new Surveys.SurveyRequest("复核抽样", QUESTIONS, 500, 7L), "admin");
		String readersOf = "select reader_id from survey_invitation where survey_id = :id order by reader_id";
		assertThat(jdbc.sql(readersOf).param("id", a.id()).query(Long.class).list())
			.isEqualTo(jdbc.sql(readersOf).param("id", b.id()).query(Long.class).list());
		assertThatThrownBy(() -> surveys.create(new Surveys.SurveyRequest("太小", QUESTIONS, 300, 1L), "admin"))
			.hasMessageContaining("at least 500");
	}

}
