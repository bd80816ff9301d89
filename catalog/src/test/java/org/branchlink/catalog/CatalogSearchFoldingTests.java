package org.branchlink.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.index.ScriptPairs;
import org.branchlink.catalog.index.ScriptPairs.Pair;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.WorkKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches in accented Latin script and in either Chinese script, on the embedded Solr with the repository's configset:
 * an accented word finds the titles with that word, accented or not, and no other; simplified and traditional find the
 * same works, whichever script a title was catalogued in.
 */
class CatalogSearchFoldingTests {

	private static final List<String> LATIN_TITLES = List.of("La Légende des siècles", "La legende du roi Arthur",
			"Élégie pour un phare", "Le Lys dans la vallée", "Les Misérables", "L'Étranger", "Œuvres complètes",
			"Le Petit Prince", "Les Fleurs du mal", "À la recherche du temps perdu", "Die Straße", "Strasse der Sehnsucht",
			"Der Zauberberg", "Über Kunst und Altertum", "Schöne neue Welt", "Tiếng Việt thực hành", "Lịch sử Việt Nam",
			"Truyện Kiều", "Zhōngguó lìshǐ gàiyào", "Hóng lóu mèng", "The Legend of Sleepy Hollow", "中国历史", "图说书法");

	private static SolrClient solr;

	private static CatalogSearch search;

	@BeforeAll
	static void index(@TempDir Path home) throws Exception {
		solr = EmbeddedCatalog.open(home);
		List<SolrInputDocument> works = new ArrayList<>();
		LATIN_TITLES.forEach(title -> works.add(work(title)));
		for (Pair pair : ScriptPairs.ALL) {
			works.add(work(pair.simplified() + "入门"));
			works.add(work("走進" + pair.traditional()));
			works.add(work(mixed(pair) + "概論"));
		}
		solr.add(works);
		solr.commit();
		search = new CatalogSearch(solr, null); // no store: no search here asks for distances
	}

	@AfterAll
	static void close() throws Exception {
		solr.close();
	}

	@Test
	void anAccentedWordFindsItsTitlesAccentedOrNotAndNoOthers() {
		for (String query : List.of("légende", "legende", "LÉGENDE", "Légende")) {
			// title_en stems every title as English: legende → legend, so the English legend is found too
			assertThat(titles(query)).as(query).containsExactlyInAnyOrder("La Légende des siècles",
					"La legende du roi Arthur", "The Legend of Sleepy Hollow");
		}
		for (String query : List.of("Straße", "strasse", "STRASSE")) {
			assertThat(titles(query)).as(query).containsExactlyInAnyOrder("Die Straße", "Strasse der Sehnsucht");
		}
		for (String query : List.of("Việt", "viet")) {
			assertThat(titles(query)).as(query).containsExactlyInAnyOrder("Tiếng Việt thực hành", "Lịch sử Việt Nam");
		}
		assertThat(titles("Tiếng Việt")).containsExactly("Tiếng Việt thực hành");
		assertThat(titles("étranger")).containsExactly("L'Étranger");
		assertThat(titles("misérables")).containsExactly("Les Misérables");
		assertThat(titles("élégie")).containsExactly("Élégie pour un phare");
		assertThat(titles("oeuvres")).containsExactly("Œuvres complètes");
		assertThat(titles("vallée")).containsExactly("Le Lys dans la vallée");
	}

	@Test
	void pinyinWithToneMarksFindsTheTitleInPinyinAndInCharacters() {
		for (String query : List.of("Zhōngguó lìshǐ", "zhongguo lishi", "zhōngguó")) {
			assertThat(titles(query)).as(query).contains("Zhōngguó lìshǐ gàiyào", "中国历史")
				.doesNotContain("La Légende des siècles", "Hóng lóu mèng", "Tiếng Việt thực hành");
		}
		assertThat(titles("hóng lóu mèng")).contains("Hóng lóu mèng").doesNotContain("Zhōngguó lìshǐ gàiyào");
	}

	@Test
	void autocompleteFoldsAccents() {
		assertThat(search.suggest("la lege", 5)).containsExactly("La Légende des siècles", "La legende du roi Arthur");
		assertThat(search.suggest("tieng v", 5)).containsExactly("Tiếng Việt thực hành");
	}

	@Test
	void simplifiedAndTraditionalFindTheSameWorks() {
		for (Pair pair : ScriptPairs.ALL) {
			SearchPage simplified = search.search(new SearchRequest(pair.simplified(), Map.of(), null, null, null, null, 0, 100));
			SearchPage traditional = search.search(new SearchRequest(pair.traditional(), Map.of(), null, null, null, null, 0, 100));

			assertThat(traditional.total()).as(pair.toString()).isEqualTo(simplified.total());
			assertThat(traditional.works()).extracting(WorkHit::id).as(pair.toString())
				.containsExactlyInAnyOrderElementsOf(simplified.works().stream().map(WorkHit::id).toList());
			assertThat(simplified.works()).extracting(WorkHit::title).as(pair.toString())
				.contains(pair.simplified() + "入门", "走進" + pair.traditional(), mixed(pair) + "概論");
		}
	}

	/** The pair's first character traditional, the rest simplified, where ICU folds that to the simplified word too. */
	private static String mixed(Pair pair) {
		String mixed = pair.traditional().substring(0, 1) + pair.simplified().substring(1);
		return WorkKey.normalize(mixed).equals(pair.simplified()) ? mixed : pair.traditional();
	}

	private static List<String> titles(String query) {
		return search.search(new SearchRequest(query, Map.of(), null, null, null, null, 0, 100)).works()
			.stream()
			.map(WorkHit::title)
			.toList();
	}

	private static SolrInputDocument work(String title) {
		BibRecord record = new BibRecord("central", title, "1", title, List.of(), List.of("佚名"), List.of(), "", 2020,
				"und", "book", "", List.of(), List.of());
		return WorkDocuments.of("work:" + title, List.of(new HeldRecord(record, HoldingSite.unknown("central"), Map.of())),
				Map.of());
	}

}
