package org.branchlink.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.SearchPage.Edition;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.BibRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers' search puts the editions of one book together (the configset's {@code title_family}, Solr's collapse
 * and expand): one entry, listing the other editions newest first; a book of the same title by another author, and
 * another book, stay entries of their own. The API's search, without the option, lists every edition.
 */
class EditionGroupingTests {

	private static SolrClient solr;

	private static CatalogSearch search;

	@BeforeAll
	static void index(@TempDir Path home) throws Exception {
		solr = EmbeddedCatalog.open(home);
		List<SolrInputDocument> works = List.of(work("e1", "中国历史新编", "林建国", 2005),
				work("e2", "中国历史新编（第2版）", "林建国", 2012), work("e3", "中国历史新编（第3版）", "林建国", 2019),
				work("other-author", "中国历史新编", "周军", 2010), work("h1", "A History of China", "Wang, Helen", 1999),
				work("h2", "A History of China (2nd edition)", "Wang, Helen", 2008), work("x", "中国历史百问", "何静", 2021));
		solr.add(works);
		solr.commit();
		search = new CatalogSearch(solr, null);
	}

	@AfterAll
	static void close() throws Exception {
		solr.close();
	}

	@Test
	void theEditionsOfOneBookAreOneEntryListingTheOthersNewestFirst() {
		SearchPage page = search.search(SearchRequest.of("中国历史"), true);
		assertThat(page.works()).extracting(WorkHit::id).hasSize(3).contains("other-author", "x");
		WorkHit book = page.works().stream().filter(w -> w.id().startsWith("e")).findFirst().orElseThrow();
		assertThat(book.editions()).extracting(Edition::year).hasSize(2).isSortedAccordingTo((a, b) -> b - a);
		assertThat(page.total()).isEqualTo(3);

		WorkHit english = search.search(SearchRequest.of("history of china"), true).works().get(0);
		assertThat(english.editions()).extracting(Edition::id).containsExactly(english.id().equals("h1") ? "h2" : "h1");
	}

	@Test
	void withoutTheOptionEveryEditionIsAnEntry() {
		SearchPage page = search.search(SearchRequest.of("中国历史"));
		assertThat(page.works()).hasSize(5).allSatisfy(work -> assertThat(work.editions()).isEmpty());
	}

	private static SolrInputDocument work(String id, String title, String author, int year) {
		BibRecord record = new BibRecord("central", id, "1", title, List.of(), List.of(author), List.of(), "", year,
				"chi", "book", "", List.of(), List.of());
		return WorkDocuments.of(id, List.of(new HeldRecord(record, HoldingSite.unknown("central"), Map.of())), Map.of());
	}

}
