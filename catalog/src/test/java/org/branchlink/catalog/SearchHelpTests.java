package org.branchlink.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.SearchPage.Suggestion;
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
 * A search that finds nothing offers searches that do, on the real configset: a spelling from the titles and names
 * (the spellcheck component), a Latin query read as pinyin and written in a title's Chinese, and every word with any
 * one enough and the filters dropped. The advanced search's fields: title, author, subject, publisher, ISBN, call
 * number (by its class), each a clause that must match, beside the query's words and the year range.
 */
class SearchHelpTests {

	private static SolrClient solr;

	private static CatalogSearch search;

	@BeforeAll
	static void index(@TempDir Path home) throws Exception {
		solr = EmbeddedCatalog.open(home);
		solr.add(List.of(work("w1", "红楼梦", "曹雪芹", "人民文学出版社", 1996, "I242.4", "9787020002207", "古典小说"),
				work("w2", "书法入门", "王伟", "浙江人民出版社", 2010, "J292", "", "书法"),
				work("w3", "A History of China", "Wang, Helen", "中华书局", 1999, "K2", "", "中国历史"),
				work("w4", "中国历史十讲", "李明", "中华书局", 2015, "K20", "9787101000011", "中国历史"),
				work("w5", "水稻栽培技术", "张强", "中国农业出版社", 2008, "S511", "", "水稻")));
		solr.commit();
		search = new CatalogSearch(solr, null);
	}

	@AfterAll
	static void close() throws Exception {
		solr.close();
	}

	@Test
	void aMisspeltQueryIsOfferedTheSpellingOfTheCatalogue() {
		SearchPage page = search.search(SearchRequest.of("Hsitory of Chnia"), true);
		assertThat(page.total()).isZero();
		assertThat(page.suggestions()).filteredOn(s -> s.kind() == Suggestion.Kind.SPELLING)
			.first()
			.satisfies(s -> {
				assertThat(s.query()).containsIgnoringCase("history of china");
				assertThat(s.total()).isEqualTo(1);
			});
		assertThat(search.search(SearchRequest.of("Wnag Helen"), true).suggestions())
			.extracting(Suggestion::query)
			.anySatisfy(query -> assertThat(query).containsIgnoringCase("wang"));
	}

	@Test
	void latinLettersAreReadAsPinyinAndWrittenInChinese() {
		SearchPage page = search.search(SearchRequest.of("hong lu meng"), true);
		assertThat(page.total()).isZero();
		assertThat(page.suggestions()).filteredOn(s -> s.kind() == Suggestion.Kind.PINYIN)
			.singleElement()
			.satisfies(s -> {
				assertThat(s.query()).isEqualTo("红楼梦");
				assertThat(s.reading()).isEqualTo("hong lou meng");
				assertThat(s.total()).isEqualTo(1);
			});
		assertThat(search.search(SearchRequest.of("shufa rumeng"), true).suggestions()).extracting(Suggestion::query)
			.contains("书法入门");
	}

	@Test
	void aRelaxedSearchTakesAnyWordAndDropsTheFilters() {
		SearchRequest narrowed = new SearchRequest("书法 水稻", Map.of("format", List.of("map")), null, null, null, null,
				0, 20);
		SearchPage page = search.search(narrowed, true);
		assertThat(page.total()).isZero();
		assertThat(page.suggestions()).filteredOn(s -> s.kind() == Suggestion.Kind.RELAXED)
			.singleElement()
			.satisfies(s -> {
				assertThat(s.query()).isEqualTo("书法 水稻");
				assertThat(s.total()).isEqualTo(2);
			});
		assertThat(search.search(narrowed.with("书法 水稻", false, true), true).total()).isEqualTo(2);
		assertThat(search.search(SearchRequest.of("书法"), true).suggestions()).as("only when nothing was found").isEmpty();
	}

	@Test
	void theAdvancedSearchMatchesEachFieldItsOwnWay() {
		assertThat(ids(fields(Map.of("title", "红楼梦", "author", "曹雪芹")))).containsExactly("w1");
		assertThat(ids(fields(Map.of("title", "红楼梦", "author", "王伟")))).isEmpty();
		assertThat(ids(fields(Map.of("author", "Helen")))).containsExactly("w3");
		assertThat(ids(fields(Map.of("publisher", "中华书局")))).containsExactlyInAnyOrder("w3", "w4");
		assertThat(ids(fields(Map.of("subject", "水稻")))).containsExactly("w5");
		assertThat(ids(fields(Map.of("isbn", "978-7-02-000220-7")))).containsExactly("w1");
		assertThat(ids(fields(Map.of("callNumber", "i242.4/12")))).containsExactly("w1");
		assertThat(ids(fields(Map.of("callNumber", "K2")))).containsExactlyInAnyOrder("w3", "w4");
		assertThat(ids(fields(Map.of("title", "shufa")))).as("a Latin title read as pinyin").containsExactly("w2");
		SearchRequest withWordsAndYears = new SearchRequest("中国历史", Map.of(), 2000, 2020, null, null, 0, 20,
				Map.of("publisher", "中华书局"), false);
		assertThat(ids(withWordsAndYears)).containsExactly("w4");

		SearchPage none = search.search(fields(Map.of("title", "红楼梦", "author", "王伟")), true);
		assertThat(none.suggestions()).filteredOn(s -> s.kind() == Suggestion.Kind.RELAXED)
			.singleElement()
			.satisfies(s -> assertThat(s.total()).isEqualTo(2));
	}

	private static SearchRequest fields(Map<String, String> fields) {
		return new SearchRequest("", Map.of(), null, null, null, null, 0, 20, fields, false);
	}

	private static List<String> ids(SearchRequest request) {
		return search.search(request, true).works().stream().map(WorkHit::id).toList();
	}

	private static SolrInputDocument work(String id, String title, String author, String publisher, int year, String clc,
			String isbn, String subject) {
		BibRecord record = new BibRecord("central", id, "1", title, List.of(), List.of(author),
				isbn.isEmpty() ? List.of() : List.of(isbn), publisher, year, "chi", "book", clc, List.of(subject), List.of());
		return WorkDocuments.of(id, List.of(new HeldRecord(record, HoldingSite.unknown("central"), Map.of())), Map.of());
	}

}
