package org.branchlink.catalog.event;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.EmbeddedCatalog;
import org.branchlink.catalog.index.SolrFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are found by accented words and by either Chinese script, through {@code event_qf}, like works. */
class EventSearchFoldingTests {

	@Test
	void accentedWordsAndTraditionalCharactersFindTheirEventsOnly(@TempDir Path home) throws Exception {
		try (SolrClient solr = EmbeddedCatalog.open(home)) {
			List<SolrInputDocument> events = new ArrayList<>();
			String[][] titles = { { "Soirée légende bretonne", "Contes et légendes de Bretagne" },
					{ "Élégie du soir", "Lecture de poèmes" }, { "Atelier de calligraphie", "書法入門：毛筆與宣紙" },
					{ "图书馆之夜", "图说书法，少儿专场" }, { "Die Straße der Lieder", "Ein Abend mit Liedern" } };
			for (int i = 0; i < titles.length; i++) {
				events.add(event(i + 1, titles[i][0], titles[i][1]));
			}
			solr.add(events);
			solr.commit();
			EventSearch search = new EventSearch(solr);

			assertThat(titles(search, "légende")).containsExactly("Soirée légende bretonne");
			assertThat(titles(search, "legendes")).containsExactly("Soirée légende bretonne");
			assertThat(titles(search, "strasse")).containsExactly("Die Straße der Lieder");
			assertThat(titles(search, "圖書館")).containsExactly("图书馆之夜");
			assertThat(titles(search, "书法入门")).containsExactly("Atelier de calligraphie");
		}
	}

	private static List<String> titles(EventSearch search, String text) {
		return search.hits(new EventSearch.Query(text, null, null, null, null, null, null, "Asia/Shanghai", 10))
			.stream()
			.map(EventSearch.Hit::title)
			.toList();
	}

	private static SolrInputDocument event(long id, String title, String description) {
		Instant start = Instant.now().plus(Duration.ofDays(id));
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, "event:" + id);
		doc.setField(SolrFields.DOC_TYPE, SolrFields.TYPE_EVENT);
		doc.setField(SolrFields.TITLE, title);
		doc.setField(SolrFields.DESCRIPTION, description);
		doc.setField(SolrFields.EVENT_START, Date.from(start));
		doc.setField(SolrFields.EVENT_END, Date.from(start.plus(Duration.ofHours(2))));
		return doc;
	}

}
