package org.branchlink.gateway.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting upward against a culture cloud played by the test (a local HTTP server, the true outside boundary): what
 * is owed and sent, what a refusal and an unreachable target leave in the log, what a late report does to the on-time
 * rate, and what the cloud receives (the figures, the events, the quarter's narrative, the token and idempotency key).
 */
class ReportSubmissionTests extends IntegrationTest {

	@Autowired
	ReportSubmissions submissions;

	@Autowired
	JsonMapper json;

	private HttpServer cloud;

	private final List<Received> received = new ArrayList<>();

	/** Refuse the next this many calls with 422. */
	private volatile int refuse;

	private record Received(String type, String authorization, String key, byte[] body) {
	}

	@BeforeEach
	void startTheCloud() throws IOException {
		cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		cloud.createContext("/reports", this::take);
		cloud.start();
	}

	@AfterEach
	void stopTheCloud() {
		cloud.stop(0);
	}

	private synchronized void take(HttpExchange call) throws IOException {
		try (call; InputStream in = call.getRequestBody()) {
			byte[] body = in.readAllBytes();
			received.add(new Received(call.getRequestHeaders().getFirst("Content-Type"),
					call.getRequestHeaders().getFirst("Authorization"), call.getRequestHeaders().getFirst("Idempotency-Key"),
					body));
			boolean refused = refuse > 0;
			if (refused) {
				refuse--;
			}
			byte[] answer = (refused ? "缺少字段 figures.county" : "ok").getBytes(StandardCharsets.UTF_8);
			call.sendResponseHeaders(refused ? 422 : 200, answer.length);
			call.getResponseBody().write(answer);
		}
	}

	private ReportingProperties.Target target(String id, ReportingProperties.Format format, Set<String> periods,
			int dueDays) {
		return new ReportingProperties.Target(id, "测试文化云 " + id,
				URI.create("http://127.0.0.1:" + cloud.getAddress().getPort() + "/reports"), format, periods, dueDays, "t0k");
	}

	@Test
	void aRefusedReportIsOwedAgainUntilAcceptedAndTheCloudGetsFiguresEventsAndTheNarrative() throws Exception {
		LocalDate today = submissions.today();
		ReportingProperties.Target target = target("cloud-a", ReportingProperties.Format.JSON, Set.of("monthly", "quarterly"),
				100);
		ReportPeriod month = ReportPeriod.monthOf(today).previous();
		String quarter = ReportPeriod.parse(today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1)).previous().code();
		submissions.writeNarrative(quarter, "本季度新建农家书屋 3 个，送戏下乡 12 场。", "admin");
		assertThat(submissions.due(target, today)).extracting(ReportPeriod::code).containsExactlyInAnyOrder(month.code(), quarter);

		refuse = 1;
		List<ReportSubmissions.Submission> first = submissions.submitDue(List.of(target), today, "schedule");
		assertThat(first).hasSize(2);
		assertThat(first).filteredOn(s -> !s.accepted()).singleElement().satisfies(s -> {
			assertThat(s.status()).isEqualTo(422);
			assertThat(s.reason()).isEqualTo("缺少字段 figures.county");
		});
		assertThat(submissions.due(target, today)).as("the refused one is owed again").hasSize(1);

		List<ReportSubmissions.Submission> second = submissions.submitDue(List.of(target), today, "schedule");
		assertThat(second).singleElement().satisfies(s -> {
			assertThat(s.accepted()).isTrue();
			assertThat(s.onTime()).isTrue();
		});
		assertThat(submissions.due(target, today)).isEmpty();
		assertThat(submissions.submitDue(List.of(target), today, "schedule")).as("nothing sent twice once accepted").isEmpty();

		Received quarterly = received.stream().filter(r -> r.key().endsWith("-cloud-a-" + quarter)).findFirst().orElseThrow();
		assertThat(quarterly.type()).startsWith("application/json");
		assertThat(quarterly.authorization()).isEqualTo("Bearer t0k");
		JsonNode document = json.readTree(quarterly.body());
		assertThat(document.get("period").asText()).isEqualTo(quarter);
		assertThat(document.get("narrative").asText()).contains("送戏下乡 12 场");
		assertThat(document.at("/figures/county").isObject()).isTrue();
		assertThat(document.get("events").isArray()).isTrue();
		assertThat(submissions.latest(10)).extracting(ReportSubmissions.Submission::targetId).contains("cloud-a");
	}

	@Test
	void aWorkbookTargetGetsXlsxAndALateReportCountsAgainstTheOnTimeRate() {
		LocalDate today = submissions.today();
		ReportingProperties.Target late = target("cloud-b", ReportingProperties.Format.XLSX, Set.of("monthly"), 0);
		ReportPeriod month = ReportPeriod.monthOf(today).previous();
		ReportSubmissions.Submission done = submissions.submit(late, month, "admin");
		assertThat(done.accepted()).isTrue();
		assertThat(done.onTime()).as("due on the month's last day, sent after it").isFalse();
		Received workbook = received.get(received.size() - 1);
		assertThat(workbook.type()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		assertThat(submissions.onTimeRate(List.of(late), month.to(), month.to())).isEqualTo(0.0);
	}

	@Test
	void anUnreachableTargetLeavesWhyInTheLog() {
		ReportingProperties.Target gone = new ReportingProperties.Target("cloud-c", "不在线的平台",
				URI.create("http://127.0.0.1:1/reports"), ReportingProperties.Format.JSON, Set.of("monthly"), 10, null);
		ReportSubmissions.Submission done = submissions.submit(gone, ReportPeriod.monthOf(submissions.today()).previous(),
				"admin");
		assertThat(done.accepted()).isFalse();
		assertThat(done.status()).isZero();
		assertThat(done.reason()).containsIgnoringCase("connect");
	}

}
