package org.branchlink.gateway.circulation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.awaitility.Awaitility;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A village centre that was offline sends its day's batch: once in order, or twice and shuffled — the copies end in
 * the same state with the same loans and conflicts. Koha's offline file format is read as a real one.
 */
class OfflineBatchTests extends IntegrationTest {

	private static final String SITE = "baishi";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Test
	void aDaysBatchSentTwiceAndShuffledEndsLikeTheBatchSentOnceInOrder() throws Exception {
		LendingFixtures fixtures = new LendingFixtures(jdbc, readers);
		List<ItemRef> copies = fixtures.freshCopies("township_station", 80).stream()
			.filter(c -> !c.siteId().equals(SITE)).limit(60).toList();
		List<ItemRef> inOrder = copies.subList(0, 30);
		List<ItemRef> shuffled = copies.subList(30, 60);
		List<Reader> people = List.of(fixtures.reader(false), fixtures.reader(false), fixtures.reader(true),
				fixtures.reader(false));
		List<String> day = day(people);

		upload("day-in-order.jsonl", lines(day, inOrder, "A"));

		List<String> linesB = lines(day, shuffled, "B");
		List<String> once = new ArrayList<>(linesB);
		Collections.shuffle(once, new Random(1));
		List<String> twice = new ArrayList<>(linesB);
		Collections.shuffle(twice, new Random(2));
		upload("day-shuffled.jsonl", once).andExpect(jsonPath("$.reordered").value(greaterThan(10)));
		upload("day-shuffled-again.jsonl", twice)
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(linesB.size()));

		for (int i = 0; i < 30; i++) {
			assertThat(snapshot(shuffled.get(i))).as("copy %d", i).isEqualTo(snapshot(inOrder.get(i)));
		}
		assertThat(jdbc.sql("select count(*) from loan where barcode = any(:b)")
			.param("b", inOrder.stream().map(ItemRef::barcode).toArray(String[]::new)).query(Integer.class).single())
			.isPositive();
	}

	@Test
	void kohaOfflineCirculationFilesAreReadAndTheSameFileTwiceChangesNothing() throws Exception {
		LendingFixtures fixtures = new LendingFixtures(jdbc, readers);
		List<ItemRef> copies = fixtures.freshCopies("township_station", 3);
		Reader reader = fixtures.reader(false);
		LocalDate day = LocalDate.now().minusDays(1);
		String koc = "Version=1.0\tGenerator=kocQt4\tGeneratorVersion=0.2\n"
				+ day + " 09:15:02 123\tissue\t" + reader.cardNumber() + "\t" + copies.get(0).barcode() + "\n"
				+ day + " 09-16-00 000\tissue\t" + reader.cardNumber() + "\t" + copies.get(1).barcode() + "\n"
				+ day + " 10:01:00\treturn\t" + copies.get(1).barcode() + "\n"
				+ day + " 10:05:00 000\tpayment\t" + reader.cardNumber() + "\t5.00\n"
				+ "yesterday\treturn\t" + copies.get(2).barcode() + "\n";
		mvc.perform(multipart("/api/sites/" + SITE + "/circulation/batch")
			.file(new MockMultipartFile("file", "offline.koc", "text/plain", koc.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(5))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.applied").value(3))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.rejections[0].position").value("line 5"))
			.andExpect(jsonPath("$.rejections[1].reason").value("unreadable time 'yesterday'"));
		mvc.perform(multipart("/api/sites/" + SITE + "/circulation/batch")
			.file(new MockMultipartFile("file", "offline-again.koc", "text/plain", koc.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(3));
		assertThat(jdbc.sql("select count(*) from loan where card = :c and returned_at is null")
			.param("c", reader.cardNumber()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aFileDroppedInTheSitesCirculationFolderIsAppliedOnceAndMovedAway() throws Exception {
		ItemRef copy = new LendingFixtures(jdbc, readers).freshCopiesOf(SITE, 1).get(0);
		Path folder = DATA_DIR.resolve("circulation").resolve(SITE);
		Files.createDirectories(folder);
		String line = "{\"eventId\":\"drop-1\",\"type\":\"missing\",\"occurredAt\":\"2026-11-01T09:00:00+08:00\","
				+ "\"barcode\":\"" + copy.barcode() + "\"}\n";
		Path file = folder.resolve("offline-day.jsonl");
		Files.writeString(file, line);
		Awaitility.await().atMost(Duration.ofSeconds(40))
			.until(() -> Files.notExists(file));
		assertThat(jdbc.sql("select status from circulation_item where barcode = :b").param("b", copy.barcode())
			.query(String.class).single()).isEqualTo("missing");
		assertThat(jdbc.sql("select source from circulation_event where site_id = :s and event_id = 'drop-1'")
			.param("s", SITE).query(String.class).single()).isEqualTo("offline-day.jsonl");
	}

	@Test
	void csvBatchesNeedAHeaderAndReportEachBadLine() throws Exception {
		LendingFixtures fixtures = new LendingFixtures(jdbc, readers);
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		String csv = "event_id,type,occurred_at,barcode,card\n"
				+ "csv-1,checkin,2026-01-05 10:00:00," + copy.barcode() + ",\n"
				+ "csv-2,borrowed,2026-01-05 10:00:00," + copy.barcode() + ",\n";
		mvc.perform(multipart("/api/sites/" + SITE + "/circulation/batch")
			.file(new MockMultipartFile("file", "day.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejections[0].position").value("line 3"))
			.andExpect(jsonPath("$.rejections[0].reason").value("unknown event type 'borrowed'"));
	}

	private ResultActions upload(String name, List<String> lines) throws Exception {
		return mvc.perform(multipart("/api/sites/" + SITE + "/circulation/batch")
			.file(new MockMultipartFile("file", name, "application/x-ndjson",
					String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(0));
	}

	/**
	 * A day at the desk as a template: per copy index, 2–6 events (checkout by one of the readers, renewals, checkins,
	 * a second checkout by someone else while still on loan…), minutes apart. Each entry: index|minute|type|reader.
	 */
	private static List<String> day(List<Reader> people) {
		Random random = new Random(42);
		List<String> template = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			int minute = random.nextInt(60);
			int steps = 2 + random.nextInt(5);
			for (int s = 0; s < steps; s++) {
				String type = switch (random.nextInt(4)) {
					case 0, 1 -> "checkout";
					case 2 -> "checkin";
					default -> "renew";
				};
				template.add(i + "|" + minute + "|" + type + "|" + people.get(random.nextInt(people.size())).cardNumber());
				minute += 1 + random.nextInt(90);
			}
		}
		return template;
	}

	private static List<String> lines(List<String> template, List<ItemRef> copies, String prefix) {
		OffsetDateTime start = LocalDate.now().minusDays(1).atTime(8, 0).atOffset(ZoneOffset.ofHours(8));
		List<String> lines = new ArrayList<>();
		int n = 0;
		for (String step : template) {
			String[] f = step.split("\\|");
			ItemRef copy = copies.get(Integer.parseInt(f[0]));
			String card = f[2].equals("checkin") ? "" : ",\"card\":\"" + f[3] + "\"";
			lines.add("{\"eventId\":\"" + prefix + "-" + (n++) + "\",\"type\":\"" + f[2] + "\",\"occurredAt\":\""
					+ start.plusMinutes(Integer.parseInt(f[1])) + "\",\"barcode\":\"" + copy.barcode() + "\"" + card + "}");
		}
		return lines;
	}

	/** A copy's state, loans and conflicts, with its own barcode and owner taken out so two copies compare. */
	private String snapshot(ItemRef copy) {
		String state = jdbc.sql("""
				select status || '|' || coalesce(at_site, '-') || '|' || coalesce((destination = site_id)::text, '-') || '|' || events
				from circulation_item where site_id = :s and barcode = :b""")
			.param("s", copy.siteId()).param("b", copy.barcode()).query(String.class).single();
		List<String> loans = jdbc.sql("""
				select coalesce(card, 'anonymous') || '|' || category || '|' || checkout_site || '|' || checked_out_at
				    || '|' || due_at || '|' || renewals || '|' || coalesce(returned_at::text, 'open') || '|'
				    || coalesce(closed_how, '-')
				from loan where item_site = :s and barcode = :b order by checked_out_at""")
			.param("s", copy.siteId()).param("b", copy.barcode()).query(String.class).list();
		List<String> conflicts = jdbc.sql("""
				select kind from circulation_conflict where item_site = :s and barcode = :b order by kind""")
			.param("s", copy.siteId()).param("b", copy.barcode()).query(String.class).list();
		return state + " " + loans + " " + conflicts;
	}

}
