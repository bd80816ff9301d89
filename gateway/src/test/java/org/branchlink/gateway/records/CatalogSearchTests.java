package org.branchlink.gateway.records;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.BulkLoad;
import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.SearchPage;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.index.ScriptPairs;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;
import static org.branchlink.catalog.marc.MarcFixtures.marc21;

/** Works merged across sites and found in Chinese, traditional characters, pinyin and initials, nearest first. */
class CatalogSearchTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteCatalogIngest ingest;

	@Autowired
	CatalogSearch search;

	@Autowired
	CatalogIngest catalog;

	@Test
	void theSameEditionFromTwoSitesIsOneWorkWithBothHoldings() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-dedup-1", "978-7-5366-9293-0", "刘慈欣", "三体：地球往事", "2008", "BS-D1"));
		ingest("longhu", IngestMode.INCREMENTAL, "UTF-8", marc21("lh-dedup-1", "7536692935", "刘慈欣", "三体 地球往事", "2008", "LH-D1"));

		WorkHit work = only(SearchRequest.of("9787536692930"));
		assertThat(work.holdings()).extracting("siteId").containsExactlyInAnyOrder("baishi", "longhu");
		assertThat(work.items()).isEqualTo(2);
		assertThat(work.isbns()).contains("9787536692930", "7536692935");
	}

	@Test
	void withoutIsbnTitleAuthorAndYearMergeAcrossScriptsAndPunctuation() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-noisbn-1", null, "王小波", "《黄金时代》", "1994", "BS-N1"));
		ingest("tongxi", IngestMode.INCREMENTAL, "GBK", cnmarc("tx-noisbn-1", null, "王小波", "黄金时代", "1994", "TX-N1"));
		ingest("longhu", IngestMode.INCREMENTAL, "UTF-8", cnmarc("lh-noisbn-1", null, "王小波", "黃金時代", "1994", "LH-N1"));
		ingest("longhu", IngestMode.INCREMENTAL, "UTF-8", cnmarc("lh-noisbn-2", null, "王小波", "黄金时代", "2009", "LH-N2"));

		SearchPage page = search.search(SearchRequest.of("黄金时代 王小波"));
		assertThat(page.works()).hasSize(2);
		assertThat(page.works()).anySatisfy(work -> {
			assertThat(work.year()).isEqualTo(1994);
			assertThat(work.holdings()).extracting("siteId").containsExactlyInAnyOrder("baishi", "tongxi", "longhu");
		});
	}

	@Test
	void chineseTraditionalPinyinAndInitialsFindTheSameTitle() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-pinyin-1", null, "钱穆", "国史大纲", "1940", "BS-P1"));

		for (String query : new String[] { "国史大纲", "國史大綱", "guoshi dagang", "guoshidagang", "gsdg" }) {
			SearchPage page = search.search(SearchRequest.of(query));
			assertThat(page.works()).as(query).extracting(WorkHit::title).first().isEqualTo("国史大纲");
		}
		assertThat(search.search(SearchRequest.of("guoshi dagang")).pinyin()).isEqualTo("guo shi da gang");
		assertThat(search.suggest("国史", 5)).contains("国史大纲");
	}

	/** Issue 22.4: on the demo catalogue 圖書館 found 1 work where 图书馆 found 20. */
	@Test
	void simplifiedAndTraditionalFindTheSameWorksInTheDemoCatalogue() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-script-1", null, "甲", "图说书法", "2003", "BS-S1"),
				cnmarc("bs-script-2", null, "乙", "圖說書法", "2003", "BS-S2"),
				cnmarc("bs-script-3", null, "丙", "甚麼是圖書館學", "2003", "BS-S3"));
		ingest("longhu", IngestMode.INCREMENTAL, "UTF-8", marc21("lh-script-1", null, "丁", "什么是图书馆学", "2003", "LH-S1"));

		for (ScriptPairs.Pair pair : ScriptPairs.ALL) {
			SearchPage simplified = search.search(new SearchRequest(pair.simplified(), Map.of(), null, null, null,
					null, 0, 100));
			SearchPage traditional = search.search(new SearchRequest(pair.traditional(), Map.of(), null, null,
					null, null, 0, 100));
			assertThat(traditional.total()).as(pair.toString()).isEqualTo(simplified.total());
			assertThat(traditional.works()).extracting(WorkHit::id).as(pair.toString())
				.containsExactlyInAnyOrderElementsOf(simplified.works().stream().map(WorkHit::id).toList());
		}
		assertThat(search.search(SearchRequest.of("圖書館")).works()).extracting(WorkHit::title)
			.contains("甚麼是圖書館學", "什么是图书馆学")
			.doesNotContain("图说书法", "圖說書法");
	}

	@Test
	void nearMeOrdersWorksByTheirNearestCopyOnTheShelf() {
		ingest("gaoshan", IngestMode.INCREMENTAL, "UTF-8", cnmarc("gs-near-1", null, "佚名", "近处远处测试书甲", "2020", "GS-1"));
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-near-1", null, "佚名", "近处远处测试书乙", "2020", "BS-1"));
		var baishi = new SearchRequest.Point(27.57143, 120.17257);

		SearchPage page = search.search(new SearchRequest("近处远处测试书", Map.of(), null, null, baishi,
				SearchRequest.Sort.DISTANCE, 0, 10));

		assertThat(page.works()).extracting(WorkHit::title).containsExactly("近处远处测试书乙", "近处远处测试书甲");
		assertThat(page.works().get(0).nearest().siteId()).isEqualTo("baishi");
		assertThat(page.works().get(0).nearest().distanceKm()).isLessThan(0.1);
		assertThat(page.works().get(1).nearest().distanceKm()).isGreaterThan(5);
	}

	@Test
	void aFullReingestReplacesThatSitesHoldingsOnly() {
		ingest("study-room-binjiang", IngestMode.INCREMENTAL, "UTF-8", marc21("sr-full-1", null, "甲", "替换测试一", "2001", "SR-F1"),
				marc21("sr-full-2", null, "甲", "替换测试二", "2001", "SR-F2"));
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-full-2", null, "甲", "替换测试二", "2001", "BS-F2"));

		IngestReport report = ingest("study-room-binjiang", IngestMode.FULL, "UTF-8",
				marc21("sr-full-2", null, "甲", "替换测试二", "2001", "SR-F2"), marc21("sr-full-3", null, "甲", "替换测试三", "2001", "SR-F3"));

		assertThat(report.added()).isEqualTo(1);
		assertThat(report.unchanged()).isEqualTo(1);
		assertThat(report.deleted()).isGreaterThanOrEqualTo(1);
		assertThat(search.search(SearchRequest.of("替换测试一")).works()).noneMatch(w -> w.title().equals("替换测试一"));
		assertThat(jdbc.sql("select count(*) from item where site_id = 'study-room-binjiang' and barcode = 'SR-F1'")
			.query(Integer.class).single()).as("the removed record's copy goes with it").isZero();
		WorkHit two = search.search(SearchRequest.of("替换测试二")).works().get(0);
		assertThat(two.holdings()).extracting("siteId").containsExactlyInAnyOrder("study-room-binjiang", "baishi");
	}

	/** Unchanged records are not merged again; a changed one is, and leaves the work it no longer belongs to. */
	@Test
	void aRecordChangedToAnotherEditionMovesToThatWork() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-move-1", null, "甲", "改版前测试书", "2001", "BS-MV1"),
				cnmarc("bs-move-2", null, "甲", "改版不变测试书", "2001", "BS-MV2"));

		IngestReport again = ingest("baishi", IngestMode.INCREMENTAL, "UTF-8",
				cnmarc("bs-move-1", null, "甲", "改版后测试书", "2001", "BS-MV1"),
				cnmarc("bs-move-2", null, "甲", "改版不变测试书", "2001", "BS-MV2"));

		assertThat(again.updated()).isEqualTo(1);
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(search.search(SearchRequest.of("改版前测试书")).works()).noneMatch(w -> w.title().equals("改版前测试书"));
		assertThat(titled("改版后测试书").holdings()).extracting("barcode").containsExactly("BS-MV1");
		assertThat(titled("改版不变测试书").holdings()).extracting("barcode").containsExactly("BS-MV2");
	}

	@Test
	void facetsCountSitesTownshipsAndClasses() {
		ingest("baishi", IngestMode.INCREMENTAL, "UTF-8", cnmarc("bs-facet-1", null, "佚名", "分面测试书", "2015", "BS-FC1"));

		SearchPage page = search.search(new SearchRequest("分面测试书", Map.of("township", List.of("baishi")),
				2010, 2019, null, null, 0, 10));

		assertThat(page.total()).isEqualTo(1);
		assertThat(page.facets().get("site")).extracting("value").contains("baishi");
		assertThat(page.facets().get("clc")).extracting("value").contains("I");
		assertThat(page.facets().get("year")).extracting("value").contains("2010-2019");
	}

	@Test
	void aBulkLoadMergesAcrossSitesAndMakesWorksSearchableWhenItFinishes() {
		BulkLoad load = catalog.bulkLoad();
		load.ingestMarc("chengxi", "cx-bulk.mrc", new ByteArrayInputStream(MarcFixtures.iso2709("UTF-8",
				cnmarc("cx-bulk-1", "978-7-02-000220-7", "曹雪芹", "红楼梦批量载入", "1982", "CX-B1"),
				cnmarc("cx-bulk-2", null, "佚名", "批量载入独有书", "2001", "CX-B2"))), MarcCharset.UTF_8, IngestMode.FULL);
		load.ingestMarc("fenglin", "fl-bulk.mrc", new ByteArrayInputStream(MarcFixtures.iso2709("UTF-8",
				marc21("fl-bulk-1", "702000220X", "曹雪芹", "红楼梦批量载入", "1982", "FL-B1"))), MarcCharset.UTF_8,
				IngestMode.FULL);

		assertThat(search.search(SearchRequest.of("红楼梦批量载入")).total()).as("stored, not yet indexed").isZero();
		String undated = "select count(*) from bib_record r join work w on w.id = r.work_id"
				+ " where r.record_id = 'cx-bulk-2' and w.changed_at is null";
		assertThat(jdbc.sql(undated).query(Integer.class).single()).as("a new work not dated (not harvestable) yet")
			.isEqualTo(1);
		List<IngestReport> reports = load.finish();
		assertThat(jdbc.sql(undated).query(Integer.class).single()).as("dated when the load finishes").isZero();

		assertThat(reports).extracting(IngestReport::siteId).containsExactly("chengxi", "fenglin");
		assertThat(reports).extracting(IngestReport::added).containsExactly(2, 1);
		WorkHit work = only(SearchRequest.of("9787020002207"));
		assertThat(work.holdings()).extracting("siteId").containsExactlyInAnyOrder("chengxi", "fenglin");
		assertThat(search.search(SearchRequest.of("批量载入独有书")).total()).isEqualTo(1);
		assertThatThrownBy(load::finish).isInstanceOf(IllegalStateException.class);
	}

	private IngestReport ingest(String site, IngestMode mode, String charset, Record... records) {
		return ingest.ingestFile(site, site + "-test.mrc", new ByteArrayInputStream(MarcFixtures.iso2709(charset, records)),
				charset, mode);
	}

	private WorkHit titled(String title) {
		return search.search(SearchRequest.of(title)).works().stream().filter(w -> w.title().equals(title)).findFirst()
			.orElseThrow(() -> new AssertionError("no work titled " + title));
	}

	private WorkHit only(SearchRequest request) {
		SearchPage page = search.search(request);
		assertThat(page.works()).hasSize(1);
		return page.works().get(0);
	}

}
