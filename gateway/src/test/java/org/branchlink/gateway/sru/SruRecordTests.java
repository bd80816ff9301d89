package org.branchlink.gateway.sru;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * searchRetrieve's records in both schemas and both versions, a UNIMARC work as UNIMARC, each record's holdings per
 * site with availability, string packing, paging and its bound, and POST.
 */
class SruRecordTests extends SruTest {

	private static final String RECORD = "/*/s:records/s:record";

	private static final String MARC = RECORD + "/s:recordData/marc:record";

	@Test
	void marcxmlIn12HasTheCopiesAndTheHoldingsPerSite() throws Exception {
		SruResponse sru = search("dc.title==" + SHIJI, "recordSchema", "marcxml");

		assertThat(sru.namespace()).isEqualTo(SruXml.SRW);
		assertThat(sru.children("/*")).containsExactly("version", "numberOfRecords", "records");
		assertThat(sru.string("/*/s:version")).isEqualTo("1.2");
		assertThat(sru.numberOfRecords()).isEqualTo(1);
		assertThat(sru.children(RECORD)).containsExactly("recordSchema", "recordPacking", "recordData",
				"recordPosition", "extraRecordData");
		assertThat(sru.string(RECORD + "/s:recordSchema")).isEqualTo("info:srw/schema/1/marcxml-v1.1");
		assertThat(sru.string(RECORD + "/s:recordPacking")).isEqualTo("xml");
		assertThat(sru.string(RECORD + "/s:recordPosition")).isEqualTo("1");
		assertThat(sru.string(MARC + "/marc:controlfield[@tag='001']")).isEqualTo(work("longhu", "sru-a1"));
		assertThat(sru.string(MARC + "/marc:datafield[@tag='245']/marc:subfield[@code='a']")).isEqualTo(SHIJI);
		assertThat(sru.string(MARC + "/marc:datafield[@tag='020']/marc:subfield[@code='a']")).isEqualTo(SHIJI_ISBN);
		assertThat(sru.string(MARC + "/marc:datafield[@tag='852']/marc:subfield[@code='a']")).isEqualTo("longhu");
		assertThat(sru.string(MARC + "/marc:datafield[@tag='852']/marc:subfield[@code='p']")).isEqualTo("SRU-A1");
		assertThat(sru.string(MARC + "/marc:datafield[@tag='876']/marc:subfield[@code='j']")).isEqualTo("available");
		String site = RECORD + "/s:extraRecordData/bl:holdings/bl:site";
		assertThat(sru.strings(site + "/@id")).containsExactly("longhu");
		assertThat(sru.string(site + "/@name")).isNotBlank().isNotEqualTo("longhu");
		assertThat(sru.string(site + "/@copies")).isEqualTo("1");
		assertThat(sru.string(site + "/@available")).isEqualTo("1");
		assertThat(sru.string(site + "/bl:copy/@barcode")).isEqualTo("SRU-A1");
		assertThat(sru.string(site + "/bl:copy/@status")).isEqualTo("available");
		assertThat(sru.string(site + "/bl:copy/@available")).isEqualTo("true");
	}

	@Test
	void dublinCoreIn20HasTheTitleAndTheHoldings() throws Exception {
		SruResponse sru = search2("dc.title==" + SHIJI, "recordSchema", "info:srw/schema/1/dc-v1.1");

		assertThat(sru.namespace()).isEqualTo(SruXml.SRU_2);
		assertThat(sru.root()).isEqualTo("searchRetrieveResponse");
		assertThat(sru.string("/*/s:version")).isEqualTo("2.0");
		assertThat(sru.children(RECORD)).containsExactly("recordSchema", "recordXMLEscaping", "recordData",
				"recordPosition", "extraRecordData");
		assertThat(sru.string(RECORD + "/s:recordSchema")).isEqualTo("info:srw/schema/1/dc-v1.1");
		String dc = RECORD + "/s:recordData/srw_dc:dc";
		assertThat(sru.string(dc + "/dc:title")).isEqualTo(SHIJI);
		assertThat(sru.string(dc + "/dc:creator")).isEqualTo("司马迁");
		assertThat(sru.string(dc + "/dc:date")).isEqualTo("1999");
		assertThat(sru.strings(dc + "/dc:identifier")).contains("urn:isbn:" + SHIJI_ISBN);
		assertThat(sru.strings(dc + "/dc:subject")).contains(SUBJECT);
		assertThat(sru.string(RECORD + "/s:extraRecordData/bl:holdings/bl:site[@id='longhu']/@available"))
			.isEqualTo("1");
	}

	@Test
	void marcxmlIn20AndDublinCoreIn12() throws Exception {
		SruResponse marc = search2("dc.title==" + SHIJI, "recordSchema", "marcxml");
		assertThat(marc.string(MARC + "/marc:datafield[@tag='245']/marc:subfield[@code='a']")).isEqualTo(SHIJI);
		assertThat(marc.string(RECORD + "/s:recordXMLEscaping")).isEqualTo("xml");

		SruResponse dc = search("dc.title==" + SHIJI, "recordSchema", "dc");
		assertThat(dc.string(RECORD + "/s:recordData/srw_dc:dc/dc:title")).isEqualTo(SHIJI);
	}

	@Test
	void aWorkThatCameInAsCnmarcIsUnimarcWithA995PerCopy() throws Exception {
		SruResponse sru = search("dc.title==" + UNIMARC);

		assertThat(sru.string(MARC + "/marc:leader")).matches(".{9} 22.*450 ");
		assertThat(sru.string(MARC + "/marc:datafield[@tag='200']/marc:subfield[@code='a']")).isEqualTo(UNIMARC);
		assertThat(sru.string(MARC + "/marc:datafield[@tag='010']/marc:subfield[@code='a']")).isEqualTo(UNIMARC_ISBN);
		assertThat(sru.count(MARC + "/marc:datafield[@tag='245' or @tag='852']")).isZero();
		assertThat(sru.string(MARC + "/marc:datafield[@tag='995']/marc:subfield[@code='s']")).isEqualTo("available");
		assertThat(sru.string(RECORD + "/s:extraRecordData/bl:holdings/bl:site/@id")).isEqualTo("baishi");
	}

	@Test
	void recordsAreEscapedStringsWhenAsked() throws Exception {
		SruResponse v12 = search("dc.title==" + SHIJI, "recordPacking", "string");
		assertThat(v12.string(RECORD + "/s:recordPacking")).isEqualTo("string");
		assertThat(v12.count(RECORD + "/s:recordData/*")).isZero();
		assertThat(v12.string(RECORD + "/s:recordData")).startsWith("<marc:record").contains(SHIJI);

		SruResponse v20 = search2("dc.title==" + SHIJI, "recordXMLEscaping", "string", "recordSchema", "dc");
		assertThat(v20.string(RECORD + "/s:recordXMLEscaping")).isEqualTo("string");
		assertThat(SruResponse.of(v20.string(RECORD + "/s:recordData").getBytes(StandardCharsets.UTF_8))
			.string("/srw_dc:dc/dc:title")).isEqualTo(SHIJI);
	}

	@Test
	void pagesGoByStartRecordAndMaximumRecords() throws Exception {
		SruResponse first = search("dc.creator=" + AUTHOR + " sortBy dc.date", "maximumRecords", "1");
		assertThat(first.numberOfRecords()).isEqualTo(2);
		assertThat(first.titles()).containsExactly(TRADITIONAL);
		assertThat(first.string("/*/s:nextRecordPosition")).isEqualTo("2");

		SruResponse second = search("dc.creator=" + AUTHOR + " sortBy dc.date", "maximumRecords", "1", "startRecord", "2");
		assertThat(second.titles()).containsExactly(SIMPLIFIED);
		assertThat(second.string(RECORD + "/s:recordPosition")).isEqualTo("2");
		assertThat(second.count("/*/s:nextRecordPosition")).isZero();

		SruResponse count = search("dc.creator=" + AUTHOR, "maximumRecords", "0");
		assertThat(count.numberOfRecords()).isEqualTo(2);
		assertThat(count.count("/*/s:records/s:record")).isZero();

		SruResponse byDefault = search("cql.anywhere=*");
		assertThat(byDefault.count("/*/s:records/s:record")).isEqualTo(10);
		assertThat(byDefault.string("/*/s:nextRecordPosition")).isEqualTo("11");
	}

	@Test
	void maximumRecordsOverTheBoundGivesTheBound() throws Exception {
		SruResponse sru = search("cql.anywhere=*", "maximumRecords", "5000", "recordSchema", "dc", "startRecord", "3");

		assertThat(sru.numberOfRecords()).isGreaterThan(200);
		assertThat(sru.count("/*/s:records/s:record")).isEqualTo(100);
		assertThat(sru.string("/*/s:records/s:record[1]/s:recordPosition")).isEqualTo("3");
		assertThat(sru.string("/*/s:nextRecordPosition")).isEqualTo("103");
		assertThat(sru.diagnostics()).isEmpty();
	}

	@Test
	void postTakesAFormLikeGet() throws Exception {
		SruResponse sru = send(post("/sru").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("operation", "searchRetrieve")
			.param("version", "1.2")
			.param("query", "dc.title==" + SHIJI));

		assertThat(sru.titles()).containsExactly(SHIJI);
	}

}
