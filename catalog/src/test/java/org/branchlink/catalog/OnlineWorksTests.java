package org.branchlink.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkStore.HeldRecord;
import org.branchlink.catalog.ingest.WorkStore.HoldingSite;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Digital resources in the union catalogue (issue 20, point 3): a record's 856 $u on the web (the resource itself, not
 * a related one) makes its work online — found with the print collection, filtered by the "online" facet, its links on
 * the hit — and goes out again in the work's MARC; a record without links keeps the content hash it had.
 */
class OnlineWorksTests {

	private static final MarcFactory MARC = MarcFactory.newInstance();

	private static SolrClient solr;

	private static CatalogSearch search;

	@BeforeAll
	static void index(@TempDir Path home) throws Exception {
		solr = EmbeddedCatalog.open(home);
		solr.add(List.of(WorkDocuments.of("ebook", List.of(held(marc21("eb-1", "数字图书馆导论",
				"https://ebooks.example.org/book/1", "2", "https://ebooks.example.org/toc/1"))), Map.of()),
				WorkDocuments.of("print", List.of(held(marc21("pr-1", "图书馆学概论", null, null, null))), Map.of())));
		solr.commit();
		search = new CatalogSearch(solr, null);
	}

	@AfterAll
	static void close() throws Exception {
		solr.close();
	}

	@Test
	void aRecordsWebLocationMakesItsWorkOnlineAndFiltered() {
		BibRecord ebook = marc21("eb-1", "数字图书馆导论", "https://ebooks.example.org/book/1", "2", "https://ebooks.example.org/toc/1");
		assertThat(ebook.links()).as("856 ind2 2 is a related resource, not the book").containsExactly("https://ebooks.example.org/book/1");

		SearchPage all = search.search(SearchRequest.of("图书馆"));
		assertThat(all.works()).extracting(WorkHit::id).containsExactlyInAnyOrder("ebook", "print");
		WorkHit online = all.works().stream().filter(w -> w.id().equals("ebook")).findFirst().orElseThrow();
		assertThat(online.online()).isTrue();
		assertThat(online.onlineUrls()).containsExactly("https://ebooks.example.org/book/1");
		assertThat(all.facets().get("online")).singleElement().satisfies(v -> {
			assertThat(v.value()).isEqualTo("true");
			assertThat(v.count()).isEqualTo(1);
		});
		SearchPage filtered = search.search(new SearchRequest("图书馆", Map.of("online", List.of("true")), null, null, null, null, 0, 20));
		assertThat(filtered.works()).extracting(WorkHit::id).containsExactly("ebook");
		assertThat(search.work("ebook").orElseThrow().onlineUrls()).containsExactly("https://ebooks.example.org/book/1");

		Record exported = WorkMarc.of(new PublishedWork("ebook", ebook, List.of(), List.of()), Instant.now(), "test");
		assertThat(exported.getDataFields()).filteredOn(field -> field.getTag().equals("856"))
			.extracting(field -> field.getSubfield('u').getData()).containsExactly("https://ebooks.example.org/book/1");
	}

	@Test
	void aRecordWithoutLinksReadsAsItDidSoItsStoredHashStays() {
		BibRecord print = marc21("pr-1", "图书馆学概论", null, null, null);
		assertThat(print.links()).isEmpty();
		assertThat(print.toString()).doesNotContain("links").endsWith("items=[]]");
		assertThat(marc21("eb-1", "数字图书馆导论", "https://ebooks.example.org/book/1", null, null).toString())
			.endsWith("links=[https://ebooks.example.org/book/1]]");
		assertThat(marc21("js", "脚本", "javascript:alert(1)", null, null).links()).as("only the web").isEmpty();
	}

	private static HeldRecord held(BibRecord record) {
		return new HeldRecord(record, HoldingSite.unknown("central"), Map.of());
	}

	private static BibRecord marc21(String id, String title, String url, String relatedInd2, String relatedUrl) {
		Record record = MARC.newRecord("00000nam a2200000 a 4500");
		record.addVariableField(MARC.newControlField("001", id));
		DataField titleField = MARC.newDataField("245", '0', '0');
		titleField.addSubfield(MARC.newSubfield('a', title));
		record.addVariableField(titleField);
		if (url != null) {
			DataField link = MARC.newDataField("856", '4', '0');
			link.addSubfield(MARC.newSubfield('u', url));
			record.addVariableField(link);
		}
		if (relatedUrl != null) {
			DataField related = MARC.newDataField("856", '4', relatedInd2.charAt(0));
			related.addSubfield(MARC.newSubfield('u', relatedUrl));
			record.addVariableField(related);
		}
		return MarcRecordMapper.map(record, "central");
	}

}
