package org.branchlink.catalog.record;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The record model: what a record keeps, and what its text for hashing is. */
class BibRecordTests {

	/** Stored content hashes are taken of {@code toString}: the hand-built one must give what a generated one gives. */
	@Test
	void toStringIsWhatARecordClassGenerates() {
		BibRecord record = new BibRecord("central-library", "cl-1", "20260101", "三体", List.of("San ti"),
				List.of("刘慈欣", "Liu, Cixin"), List.of("9787536692930"), "重庆出版社", 2008, "chi", "book", "I247.5",
				List.of("科幻小说"), List.of(new Item("B1", "I247.5/12", "二楼", "available", LocalDate.of(2026, 3, 1)),
						new Item("B2", "", "", "on_loan")));
		Generated.BibRecord generated = new Generated.BibRecord(record.siteId(), record.recordId(), record.version(),
				record.title(), record.otherTitles(), record.authors(), record.isbns(), record.publisher(), record.year(),
				record.language(), record.format(), record.classification(), record.subjects(),
				record.items().stream().map(i -> new Generated.Item(i.barcode(), i.callNumber(), i.location(), i.status(),
						i.acquired())).toList());

		assertThat(record.toString()).isEqualTo(generated.toString()).contains("Item[barcode=B2").contains("acquired=null]");
	}

	@Test
	void aRecordWithoutItemsToo() {
		BibRecord record = WorkKeyTests.record("三体", "刘慈欣", 2008, List.of());
		assertThat(record.toString()).isEqualTo(new Generated.BibRecord("site", "1", "", "三体", List.of(), List.of("刘慈欣"),
				List.of(), "", 2008, "chi", "book", "", List.of(), List.of()).toString());
	}

	/** Records shaped as ours, with the toString Java generates. */
	static final class Generated {

		/** The record's components as generated (to compare with the real record's). */
		record BibRecord(String siteId, String recordId, String version, String title, List<String> otherTitles,
				List<String> authors, List<String> isbns, String publisher, int year, String language, String format,
				String classification, List<String> subjects, List<Item> items) {
		}

		/** A copy's components as generated. */
		record Item(String barcode, String callNumber, String location, String status, LocalDate acquired) {
		}

	}

}
