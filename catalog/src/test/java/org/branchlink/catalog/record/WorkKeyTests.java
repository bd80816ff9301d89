package org.branchlink.catalog.record;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys that merge editions into works. */
class WorkKeyTests {

	@Test
	void everyIsbnIsAKey() {
		assertThat(WorkKey.of(record("三体", "刘慈欣", 2008, List.of("9787536692930", "9787229100605"))))
			.containsExactly("isbn:9787536692930", "isbn:9787229100605");
	}

	@Test
	void withoutIsbnTitleAuthorAndYearAgreeAcrossPunctuationWidthAndScript() {
		String simplified = WorkKey.of(record("《三体》：地球往事", "刘慈欣", 2008, List.of())).get(0);
		String traditional = WorkKey.of(record("三體 地球往事", "劉慈欣", 2008, List.of())).get(0);
		String fullWidth = WorkKey.of(record("三体：地球往事　", "刘慈欣", 2008, List.of())).get(0);

		assertThat(simplified).isEqualTo("title:三体地球往事|刘慈欣|2008").isEqualTo(traditional).isEqualTo(fullWidth);
		assertThat(WorkKey.of(record("三体 地球往事", "刘慈欣", 2010, List.of())).get(0)).isNotEqualTo(simplified);
	}

	@Test
	void latinTextFoldsCaseAndFullWidthForms() {
		assertThat(WorkKey.normalize("Ｔｈｅ Three-Body Problem!")).isEqualTo("thethreebodyproblem");
	}

	static BibRecord record(String title, String author, int year, List<String> isbns) {
		return new BibRecord("site", "1", "", title, List.of(), List.of(author), isbns, "", year, "chi", "book", "",
				List.of(), List.of());
	}

}
