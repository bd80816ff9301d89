package org.branchlink.catalog;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.SearchPage.FacetValue;
import org.branchlink.catalog.SearchPage.Holding;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.index.AvailabilityIndexer;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A loan changes a work's availability without indexing the work again: its copies document is replaced and its
 * on-shelf flag set in place (the work keeps its Lucene document, so its titles are not segmented again). Search reads
 * the holdings and the exact counts from the copies document, filters and counts "on a shelf now" on the in-place
 * flag, and sorts by the nearest copy on a shelf through a join to the copies documents.
 */
class CopiesDocumentTests {

	private static final HoldingSite NEAR = new HoldingSite("near", "branch", "t1", List.of(), 27.57, 120.17);

	private static final HoldingSite FAR = new HoldingSite("far", "branch", "t2", List.of(), 27.80, 120.50);

	private static SolrClient solr;

	private static CatalogSearch search;

	@BeforeAll
	static void index(@TempDir Path home) throws Exception {
		solr = EmbeddedCatalog.open(home);
		List<SolrInputDocument> docs = new ArrayList<>();
		docs.addAll(WorkDocuments.documents("w-near", held("w-near", "红楼梦人物谱", NEAR, "N-1", Map.of()), Map.of()));
		docs.addAll(WorkDocuments.documents("w-far", held("w-far", "红楼梦诗词选", FAR, "F-1", Map.of()), Map.of()));
		solr.add(docs);
		solr.commit();
		search = new CatalogSearch(solr, null);
	}

	@AfterAll
	static void close() throws Exception {
		solr.close();
	}

	@Test
	void aLoanReplacesTheCopiesSetsTheFlagInPlaceAndSearchFollows() throws Exception {
		SearchRequest nearFirst = new SearchRequest("红楼梦", Map.of(), null, null, new SearchRequest.Point(27.57, 120.17),
				SearchRequest.Sort.DISTANCE, 0, 10);
		assertThat(ids(nearFirst)).containsExactly("w-near", "w-far");
		assertThat(available(search.search(SearchRequest.of("红楼梦")))).containsExactly(new FacetValue("true", 2));
		long docidBefore = docid("w-near");

		List<HeldRecord> lent = held("w-near", "红楼梦人物谱", NEAR, "N-1", Map.of("N-1", new ItemState("on_loan", null, null)));
		UpdateRequest update = new UpdateRequest();
		update.add(AvailabilityIndexer.update("w-near", WorkDocuments.availability(lent, Map.of())));
		update.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
		update.process(solr);
		// the holdings follow at once; the flag (sent apart, at most once a second) not yet
		assertThat(search.work("w-near").orElseThrow().available()).isZero();
		assertThat(available(search.search(SearchRequest.of("红楼梦")))).containsExactly(new FacetValue("true", 2));
		UpdateRequest flag = new UpdateRequest();
		flag.add(AvailabilityIndexer.flag("w-near", false));
		flag.setAction(AbstractUpdateRequest.ACTION.COMMIT, false, true, true);
		flag.process(solr);

		// the same Lucene document: updated in place, not deleted and added again (which re-analyses its text)
		assertThat(docid("w-near")).isEqualTo(docidBefore);
		WorkHit work = search.work("w-near").orElseThrow();
		assertThat(work.title()).isEqualTo("红楼梦人物谱");
		assertThat(work.items()).isEqualTo(1);
		assertThat(work.available()).isZero();
		assertThat(work.holdings()).extracting(Holding::barcode, Holding::status).containsExactly(
				tuple("N-1", "on_loan"));
		SearchPage all = search.search(SearchRequest.of("红楼梦"));
		assertThat(all.works()).extracting(WorkHit::id).containsExactlyInAnyOrder("w-near", "w-far");
		assertThat(available(all)).containsExactlyInAnyOrder(new FacetValue("true", 1), new FacetValue("false", 1));
		assertThat(search.search(new SearchRequest("红楼梦", Map.of("available", List.of("false")), null, null, null, null, 0,
				10)).works()).extracting(WorkHit::id).containsExactly("w-near");
		assertThat(search.search(new SearchRequest("红楼梦", Map.of("available", List.of("true")), null, null, null, null, 0,
				10)).works()).extracting(WorkHit::id).containsExactly("w-far");
		// the nearest copy on a shelf is now the far one: the work lent out sorts after it
		assertThat(ids(nearFirst)).containsExactly("w-far", "w-near");
		// the title is still found by its words, pinyin included
		assertThat(search.search(SearchRequest.of("renwupu")).works()).extracting(WorkHit::id).contains("w-near");
	}

	private static List<String> ids(SearchRequest request) throws Exception {
		return solr.query(search.solrQuery(request)).getResults().stream().map(doc -> (String) doc.getFieldValue("id")).toList();
	}

	private static List<FacetValue> available(SearchPage page) {
		return page.facets().get("available");
	}

	private static long docid(String id) throws Exception {
		SolrDocument doc = solr.query(new SolrQuery("id:" + id).setFields("id", "[docid]")).getResults().get(0);
		return ((Number) doc.getFieldValue("[docid]")).longValue();
	}

	private static List<HeldRecord> held(String id, String title, HoldingSite site, String barcode,
			Map<String, ItemState> states) {
		BibRecord record = new BibRecord(site.id(), id, "1", title, List.of(), List.of("佚名"), List.of(), "出版社", 2020, "chi",
				"book", "I207", List.of("红学"), List.of(new Item(barcode, "I207/1", "二楼", "available", LocalDate.of(2026, 1, 5))));
		return List.of(new HeldRecord(record, site, states));
	}

	@Test
	void aWorkNotInTheIndexGetsNoCopiesDocumentNorFlag() {
		List<HeldRecord> records = held("w-absent", "石头记", NEAR, "A-1", Map.of("A-1", new ItemState("on_loan", null, null)));
		UpdateRequest update = new UpdateRequest();
		update.add(AvailabilityIndexer.update("w-absent", WorkDocuments.availability(records, Map.of())));
		assertThatThrownBy(() -> update.process(solr)).isInstanceOfSatisfying(SolrException.class,
				ex -> assertThat(ex.code()).isEqualTo(SolrException.ErrorCode.CONFLICT.code));
		UpdateRequest flag = new UpdateRequest();
		flag.add(AvailabilityIndexer.flag("w-absent", false));
		assertThatThrownBy(() -> flag.process(solr)).isInstanceOfSatisfying(SolrException.class,
				ex -> assertThat(ex.code()).isEqualTo(SolrException.ErrorCode.CONFLICT.code));
	}

}
