package org.branchlink.sync.circulation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline circulation files (Koha's offline format and CSV) read into batches, bad lines refused with their position. */
class CirculationBatchReaderTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static CirculationBatch read(String name, String text) throws IOException {
		return CirculationBatchReader.read("baishi", name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), CHINA);
	}

	@Test
	void kohaOfflineFilesOfEveryGeneratorAreRead() throws IOException {
		CirculationBatch batch = read("day.koc", """
				Version=1.0\tGenerator=kocQt4\tGeneratorVersion=0.2
				2026-07-23 10:15:30 123\tissue\t23529001000463\t31000000123456
				2026-07-23 10-16-00 000\treturn\t31000000654321
				2026-07-23 10:17:00\treturn\t31000000123456
				""");
		assertThat(batch.rejected()).isEmpty();
		assertThat(batch.events()).extracting(CirculationEvent::type)
			.containsExactly(CirculationAction.CHECKOUT, CirculationAction.CHECKIN, CirculationAction.CHECKIN);
		CirculationEvent issue = batch.events().get(0);
		assertThat(issue.card()).isEqualTo("23529001000463");
		assertThat(issue.barcode()).isEqualTo("31000000123456");
		assertThat(issue.occurredAt()).isEqualTo(Instant.parse("2026-07-23T02:15:30.123Z"));
		assertThat(batch.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-07-23T02:16:00Z"));
	}

	@Test
	void aKohaLineHasTheSameIdEveryTimeItIsRead() throws IOException {
		String line = "Version=1.0\tGenerator=x\tGeneratorVersion=1\n2026-07-23 10:15:30 123\treturn\tB1\n";
		assertThat(read("a.koc", line).events().get(0).eventId()).isEqualTo(read("b.koc", line).events().get(0).eventId())
			.startsWith("koc-");
	}

	@Test
	void jsonLinesTakeOffsetsOrTheCountysTimeAndReportUnreadableLines() throws IOException {
		CirculationBatch batch = read("day.jsonl", """
				{"eventId":"1","type":"checkout","occurredAt":"2026-07-23T10:00:00+08:00","barcode":"B1","card":"C1"}
				{"event_id":"2","type":"send","occurred_at":"2026-07-23 11:00:00","barcode":"B1","destination":"x"}
				not json
				{"eventId":"4","type":"borrow","occurredAt":"2026-07-23T10:00:00Z","barcode":"B1"}
				""");
		assertThat(batch.events()).hasSize(2);
		assertThat(batch.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-07-23T03:00:00Z"));
		assertThat(batch.events().get(1).destination()).isEqualTo("x");
		assertThat(batch.rejected()).extracting(Refusal::position).containsExactly("line 3", "line 4");
		assertThat(batch.rejected().get(1).reason()).isEqualTo("unknown event type 'borrow'");
	}

	@Test
	void validationRefusesWhatCannotBeAppliedAndKeepsTheRest() {
		Instant now = Instant.parse("2026-07-23T00:00:00Z");
		CirculationBatch batch = new CirculationBatch("baishi", "test", List.of(
				new CirculationEvent("baishi", "1", CirculationAction.CHECKIN, now, "B1", null, null, null, null),
				new CirculationEvent("baishi", "2", CirculationAction.SEND, now, "B1", null, null, null, null),
				new CirculationEvent("other", "3", CirculationAction.CHECKIN, now, "B1", null, null, null, null),
				new CirculationEvent("baishi", "4", CirculationAction.CHECKIN, now.plusSeconds(3600), "B1", null, null, null, null),
				new CirculationEvent("baishi", "5", CirculationAction.SEND, now, "B1", null, null, "nowhere", null),
				new CirculationEvent("baishi", "6", CirculationAction.SEND, now, "B1", null, null, "central-library", null)),
				List.of());
		CirculationBatch valid = CirculationValidator.validate(batch, Clock.fixed(now, ZoneOffset.UTC),
				Set.of("baishi", "central-library")::contains);
		assertThat(valid.events()).extracting(CirculationEvent::eventId).containsExactly("1", "6");
		assertThat(valid.rejected()).extracting(Refusal::reason).containsExactly(
				"a transit needs its destination site", "event of site other sent for site baishi",
				"time 2026-07-23T01:00:00Z is in the future",
				"transit destination 'nowhere' is not a site of the registry");
	}

}
