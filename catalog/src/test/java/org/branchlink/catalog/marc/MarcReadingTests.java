package org.branchlink.catalog.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.InvalidRecordException;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;
import static org.branchlink.catalog.marc.MarcFixtures.iso2709;
import static org.branchlink.catalog.marc.MarcFixtures.marc21;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading ISO 2709 and MARCXML: bad records refused with their position, reading going on. */
class MarcReadingTests {

	@ParameterizedTest
	@CsvSource({ "UTF-8, AUTO", "UTF-8, UTF-8", "GBK, GBK", "GB18030, GB18030" })
	void cnmarcInEveryChineseCharacterSet(String written, String declared) {
		byte[] file = iso2709(written, cnmarc("cn1", "978-7-5366-9293-0", "刘慈欣", "三体", "2008", "QX0001"));

		BibRecord record = single(file, MarcCharset.parse(declared));

		assertThat(record.title()).isEqualTo("三体");
		assertThat(record.authors()).containsExactly("刘慈欣");
		assertThat(record.isbns()).containsExactly("9787536692930");
		assertThat(record.year()).isEqualTo(2008);
		assertThat(record.classification()).isEqualTo("I247.55");
		assertThat(record.classificationTop()).isEqualTo("I");
		assertThat(record.items()).singleElement().satisfies(item -> {
			assertThat(item.barcode()).isEqualTo("QX0001");
			assertThat(item.callNumber()).isEqualTo("I247.55/123");
			assertThat(item.location()).isEqualTo("中文图书");
		});
	}

	@Test
	void marc21InUtf8AndMarc8() {
		byte[] utf8 = iso2709("UTF-8", marc21("m1", "9780812968064", "Müller, Jürgen", "Études françaises", "1999", "B1"));
		byte[] marc8 = MarcFixtures.marc8(marc21("m1", "9780812968064", "Müller, Jürgen", "Études françaises", "1999", "B1"));

		for (byte[] file : List.of(utf8, marc8)) {
			BibRecord record = single(file, MarcCharset.AUTO);
			assertThat(record.title()).isEqualTo("Études françaises");
			assertThat(record.authors()).containsExactly("Müller, Jürgen");
			assertThat(record.format()).isEqualTo("book");
			assertThat(record.items()).extracting("barcode").containsExactly("B1");
		}
	}

	@Test
	void malformedRecordsAreRefusedWithPositionAndReasonAndTheRestIsRead() {
		byte[] good = iso2709("UTF-8", marc21("a", null, "张三", "第一本", "2001", "1"));
		byte[] badLeader = iso2709("UTF-8", marc21("b", null, "张三", "第二本", "2001", "2"));
		badLeader[0] = 'x';
		byte[] wrongDirectory = iso2709("UTF-8", marc21("c", null, "张三", "第三本", "2001", "3"));
		wrongDirectory[24 + 3] = '9';
		byte[] gbkSaidUtf8 = iso2709("GBK", marc21("d", null, "张三", "第四本", "2001", "4"));
		gbkSaidUtf8[9] = 'a';
		byte[] noTitle = iso2709("UTF-8", marc21("e", null, "张三", null, "2001", "5"));
		byte[] last = iso2709("UTF-8", marc21("f", null, "张三", "第六本", "2001", "6"));

		List<String> outcomes = outcomes(concat(good, badLeader, wrongDirectory, gbkSaidUtf8, noTitle, last));

		assertThat(outcomes).containsExactly("ok 第一本",
				"record 2 at byte " + good.length + ": bad leader: record length 'x" + new String(badLeader, 1, 4)
						+ "' is not a number of at least 26",
				"record 3 at byte " + (good.length + badLeader.length)
						+ ": wrong directory length: field 001 (start 0, length 9002) runs past the end of the record",
				"record 4 at byte " + (good.length + badLeader.length + wrongDirectory.length)
						+ ": undecodable bytes: not valid UTF-8 at byte 144 of the record",
				"invalid: no title (field 245 $a)", "ok 第六本");
	}

	@Test
	void aTruncatedFileRefusesItsLastRecord() {
		byte[] good = iso2709("UTF-8", marc21("a", null, "张三", "完整", "2001", "1"));
		byte[] cut = Arrays.copyOf(good, good.length - 10);

		assertThat(outcomes(concat(good, cut))).containsExactly("ok 完整",
				"record 2 at byte " + good.length + ": truncated: the file ends after " + cut.length + " of "
						+ good.length + " bytes the leader announces");
	}

	@Test
	void marcXmlIsReadInsideAnyWrapperAndNamespace() {
		String sru = """
				\uFEFF<?xml version="1.0" encoding="UTF-8"?>
				<searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><records><record><recordData>
				  <record xmlns="http://www.nlc.cn/">
				    <leader>01576nam0-2200409---4500</leader>
				    <controlfield tag="001">990002180740203961</controlfield>
				    <datafield ind1=" " ind2=" " tag="010"><subfield code="a">7-5037-1744-0</subfield></datafield>
				    <datafield ind1="1" ind2=" " tag="200"><subfield code="a">'94中国发展报告</subfield>
				      <subfield code="A">'94Zhong Guo Fa Zhan Bao Gao</subfield><subfield code="f">国家统计局编</subfield></datafield>
				    <datafield ind1=" " ind2=" " tag="690"><subfield code="a">F124</subfield></datafield>
				  </record>
				</recordData></record></records></searchRetrieveResponse>""";

		BibRecord record = single(MarcFixtures.utf8(sru), MarcCharset.AUTO);

		assertThat(record.recordId()).isEqualTo("990002180740203961");
		assertThat(record.title()).isEqualTo("'94中国发展报告");
		assertThat(record.otherTitles()).containsExactly("'94Zhong Guo Fa Zhan Bao Gao");
		assertThat(record.isbns()).containsExactly("9787503717444");
		assertThat(record.classificationTop()).isEqualTo("F");
	}

	@Test
	void brokenXmlKeepsTheRecordsBeforeTheBreak() {
		String xml = """
				<collection xmlns="http://www.loc.gov/MARC21/slim">
				  <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">x1</controlfield>
				    <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Whole</subfield></datafield></record>
				  <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">x2</controlfield>
				    <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Broken</subfield></datafi
				""";

		List<String> outcomes = outcomes(MarcFixtures.utf8(xml));

		assertThat(outcomes).hasSize(2);
		assertThat(outcomes.get(0)).isEqualTo("ok Whole");
		assertThat(outcomes.get(1)).startsWith("record 2 at line 5: broken XML at line");
	}

	@Test
	void authorityRecordsAreNotBibliographic() {
		var record = marc21("auth1", null, "张三", "Heading", "2001", null);
		record.getLeader().setTypeOfRecord('z');

		assertThatExceptionOfType(InvalidRecordException.class).isThrownBy(() -> MarcRecordMapper.map(record, "s"))
			.withMessage("not a bibliographic record: an authority record (leader/06 z)");
	}

	@Test
	void theRealCnmarcSampleAgreesAcrossItsFourFlavours() throws Exception {
		Path samples = Path.of("../../shared/data/dp2-cnmarc");
		assumeTrue(Files.isDirectory(samples), "../shared/data is not beside this clone");
		List<List<String>> titles = new ArrayList<>();
		for (String file : List.of("sample_cnmarcxml.xml", "sample_unimarcxml.xml", "sample_kormarcxml.xml")) {
			try (InputStream in = Files.newInputStream(samples.resolve(file))) {
				List<String> these = new ArrayList<>();
				MarcSources.open(in, MarcCharset.AUTO)
					.forEachRemaining(raw -> these.add(MarcRecordMapper.map(raw.record(), "s").title()));
				titles.add(these);
			}
		}
		assertThat(titles.get(0)).hasSize(10).contains("'94中国发展报告");
		assertThat(titles.get(1)).isEqualTo(titles.get(0));
		assertThat(titles.get(2)).isEqualTo(titles.get(0));
	}

	private static BibRecord single(byte[] file, MarcCharset charset) {
		Iterator<RawRecord> records = MarcSources.open(new ByteArrayInputStream(file), charset);
		RawRecord raw = records.next();
		assertThat(raw.problem()).isNull();
		assertThat(records.hasNext()).isFalse();
		return MarcRecordMapper.map(raw.record(), "site");
	}

	private static List<String> outcomes(byte[] file) {
		List<String> outcomes = new ArrayList<>();
		MarcSources.open(new ByteArrayInputStream(file), MarcCharset.AUTO).forEachRemaining(raw -> {
			if (raw.isRefused()) {
				outcomes.add(raw.position() + ": " + raw.problem());
				return;
			}
			try {
				outcomes.add("ok " + MarcRecordMapper.map(raw.record(), "s").title());
			}
			catch (InvalidRecordException ex) {
				outcomes.add("invalid: " + ex.getMessage());
			}
		});
		return outcomes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
