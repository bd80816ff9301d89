package org.branchlink.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.marc.RawRecord;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Item;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A work whose representative record came in as UNIMARC, published as UNIMARC field by field; MARC21 stays MARC21. */
class WorkUnimarcTests {

	private static final Instant CHANGED = Instant.parse("2026-03-05T07:08:09Z");

	private static final BibRecord SANTI = new BibRecord("baishi", "bs-1", "", "三体：地球往事", List.of("San ti"),
			List.of("刘慈欣", "Liu, Cixin", "重庆出版社编辑部"), List.of("9787536692930"), "重庆出版社", 2008, "chi", "book",
			"I247.55", List.of("科幻小说 中国 当代"), List.of());

	private static final List<PublishedWork.Copy> COPIES = List.of(
			new PublishedWork.Copy("baishi", "BS-1", "I247.55/12", "二楼中文图书", "available"),
			new PublishedWork.Copy("tongxi", "TX-7", "", "", "on_loan"));

	private static Record unimarc(BibRecord record) {
		return WorkMarc.of(new PublishedWork("w-1", record, MarcFlavour.UNIMARC, List.of("9787536692930", "9787536692947"),
				COPIES), CHANGED, "qingxi");
	}

	@Test
	void theLeaderSaysNewMonographicLanguageMaterialInUnimarcPositions() {
		String leader = unimarc(SANTI).getLeader().marshal();

		assertThat(leader).hasSize(24).isEqualTo("00000nam  2200000 i 450 ");
		assertThat(leader.charAt(5)).as("record status").isEqualTo('n');
		assertThat(leader.substring(6, 8)).as("type of record, bibliographic level").isEqualTo("am");
		assertThat(leader.charAt(9)).as("undefined in UNIMARC: no MARC21 'a' for UCS").isEqualTo(' ');
		assertThat(leader.substring(20)).isEqualTo("450 ");
	}

	@ParameterizedTest
	@CsvSource({ "book, am", "serial, as", "audio, jm", "video, gm", "map, em", "score, cm", "electronic, lm",
			"other, am" })
	void theLeaderTypeAndLevelFollowTheFormat(String format, String typeAndLevel) {
		assertThat(WorkUnimarc.leader(format).substring(6, 8)).isEqualTo(typeAndLevel);
		assertThat(WorkUnimarc.leader(format)).hasSize(24);
	}

	@Test
	void controlFieldsAreTheWorkIdAndTheTransactionWithoutA003() {
		Record record = unimarc(SANTI);

		assertThat(record.getControlFields()).extracting(f -> f.getTag() + "=" + f.getData())
			.containsExactly("001=w-1", "005=20260305070809.0");
	}

	@Test
	void everyIsbnHasItsOwn010() {
		assertThat(values(unimarc(SANTI), "010", 'a')).containsExactly("9787536692930", "9787536692947");
	}

	@Test
	void generalProcessingDataHasItsThirtySixPositions() {
		String data = values(unimarc(SANTI), "100", 'a').get(0);

		assertThat(data).hasSize(36);
		assertThat(data.substring(0, 8)).as("date entered").isEqualTo("20260305");
		assertThat(data.substring(8, 9)).as("type of publication date").isEqualTo("d");
		assertThat(data.substring(9, 13)).as("date 1").isEqualTo("2008");
		assertThat(data.substring(13, 17)).as("date 2").isBlank();
		assertThat(data.substring(17, 20)).as("target audience").isEqualTo("u  ");
		assertThat(data.substring(20, 22)).as("government publication, modified record").isEqualTo("u0");
		assertThat(data.substring(22, 25)).as("language of cataloguing").isEqualTo("chi");
		assertThat(data.substring(25, 26)).as("transliteration").isEqualTo("y");
		assertThat(data.substring(26, 30)).as("character sets: ISO 10646").isEqualTo("50  ");
		assertThat(data.substring(30, 34)).as("additional character sets").isBlank();
		assertThat(data.substring(34, 36)).as("script of title: Chinese").isEqualTo("ea");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "book|0|'u        '", "book|12345|'u        '",
			"serial|1998|'c1998    '", "serial|0|'c        '" })
	void theDatesOfAnUnknownYearAndOfASerialAndTheScriptOfALatinTitle(String format, int year, String dates) {
		BibRecord record = new BibRecord("s", "r", "", "Nineteen eighty-four", List.of(), List.of(), List.of(), "", year,
				"", format, "", List.of(), List.of());
		String data = WorkUnimarc.generalProcessing(record, CHANGED);

		assertThat(data).hasSize(36);
		assertThat(data.substring(8, 17)).isEqualTo(dates);
		assertThat(data.substring(34)).isEqualTo("ba");
	}

	@Test
	void aTitleWithoutLettersHasNoScript() {
		BibRecord record = new BibRecord("s", "r", "", "1984", List.of(), List.of(), List.of(), "", 0, "", "book", "",
				List.of(), List.of());
		assertThat(WorkUnimarc.generalProcessing(record, CHANGED).substring(34)).isEqualTo("  ");
	}

	@Test
	void languageTitleAndPublication() {
		Record record = unimarc(SANTI);

		assertThat(values(record, "101", 'a')).containsExactly("chi");
		DataField title = field(record, "200");
		assertThat(title.getIndicator1()).isEqualTo('1');
		assertThat(subfields(title)).containsExactly("a=三体：地球往事", "f=刘慈欣");
		assertThat(subfields(field(record, "210"))).containsExactly("c=重庆出版社", "d=2008");
		assertThat(values(record, "517", 'a')).containsExactly("San ti");
		assertThat(record.getDataFields()).extracting(DataField::getTag).doesNotContain("020", "245", "260");
	}

	@Test
	void aWorkWithoutAuthorPublisherOrYearHasNo200fNor210Nor7xx() {
		Record record = unimarc(new BibRecord("s", "r", "", "佚名集", List.of(), List.of(), List.of(), "", 0, "", "book",
				"", List.of(), List.of()));

		assertThat(subfields(field(record, "200"))).containsExactly("a=佚名集");
		assertThat(record.getDataFields()).extracting(DataField::getTag).doesNotContain("101", "210", "606", "690", "700",
				"701");
	}

	@Test
	void subjectsAndTheClcClass() {
		Record record = unimarc(SANTI);

		assertThat(values(record, "606", 'a')).containsExactly("科幻小说 中国 当代");
		assertThat(values(record, "690", 'a')).containsExactly("I247.55");
	}

	@Test
	void theFirstAuthorIn700TheOthersIn701DirectOrInverted() {
		Record record = unimarc(SANTI);

		DataField first = field(record, "700");
		assertThat(first.getIndicator2()).as("a Chinese name, direct order").isEqualTo('0');
		assertThat(subfields(first)).containsExactly("a=刘慈欣");
		assertThat(record.getDataFields()).filteredOn(f -> f.getTag().equals("701"))
			.extracting(f -> f.getIndicator2() + subfields(f).toString())
			.containsExactly("1[a=Liu, Cixin]", "0[a=重庆出版社编辑部]");
	}

	@Test
	void theFederationIssuesTheRecordIn801() {
		DataField source = field(unimarc(SANTI), "801");

		assertThat(source.getIndicator2()).isEqualTo('3');
		assertThat(subfields(source)).containsExactly("a=CN", "b=qingxi", "c=20260305");
	}

	@Test
	void everyCopyHasA995WithItsSiteLocationBarcodeCallNumberAndStatus() {
		Record record = unimarc(SANTI);

		assertThat(record.getDataFields()).filteredOn(f -> f.getTag().equals("995")).extracting(f -> subfields(f))
			.containsExactly(List.of("b=baishi", "c=baishi", "e=二楼中文图书", "f=BS-1", "k=I247.55/12", "s=available"),
					List.of("b=tongxi", "c=tongxi", "f=TX-7", "s=on_loan"));
		assertThat(record.getDataFields()).extracting(DataField::getTag).doesNotContain("852", "876");
	}

	@Test
	void fieldsComeInTagOrder() {
		List<String> tags = unimarc(SANTI).getDataFields().stream().map(DataField::getTag).toList();
		assertThat(tags).isSorted();
	}

	@Test
	void theCataloguesOwnMapperReadsTheRecordBackAsUnimarcWithTheSameDescription() throws Exception {
		Record written = unimarc(SANTI);
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		MarcXmlWriter writer = new MarcXmlWriter(xml, "UTF-8");
		writer.write(written);
		writer.close();
		Iterator<RawRecord> read = MarcSources.open(new ByteArrayInputStream(xml.toByteArray()), MarcCharset.UTF_8);
		Record record = read.next().record();

		assertThat(MarcFlavour.of(record)).isEqualTo(MarcFlavour.UNIMARC);
		BibRecord back = MarcRecordMapper.map(record, "mirror");
		assertThat(back.recordId()).isEqualTo("w-1");
		assertThat(back.title()).isEqualTo(SANTI.title());
		assertThat(back.otherTitles()).as("517 read back").isEqualTo(SANTI.otherTitles());
		assertThat(back.authors()).isEqualTo(SANTI.authors());
		assertThat(back.isbns()).containsExactly("9787536692930", "9787536692947");
		assertThat(back.publisher()).isEqualTo(SANTI.publisher());
		assertThat(back.year()).isEqualTo(SANTI.year());
		assertThat(back.language()).isEqualTo(SANTI.language());
		assertThat(back.format()).isEqualTo(SANTI.format());
		assertThat(back.classification()).isEqualTo(SANTI.classification());
		assertThat(back.subjects()).isEqualTo(SANTI.subjects());
		assertThat(back.items()).extracting(Item::barcode, Item::callNumber, Item::location)
			.containsExactly(tuple("BS-1", "I247.55/12", "二楼中文图书"), tuple("TX-7", "", ""));
	}

	@Test
	void aWorkThatCameInAsMarc21OrNotAsMarcStaysMarc21() {
		Record record = WorkMarc.of(new PublishedWork("w-2", SANTI, List.of("9787536692930"), COPIES), CHANGED, "qingxi");

		assertThat(record.getLeader().marshal().charAt(9)).isEqualTo('a');
		assertThat(record.getControlFields()).extracting(f -> f.getTag()).containsExactly("001", "003", "005", "008");
		assertThat(record.getDataFields()).extracting(DataField::getTag).contains("020", "245", "852", "876")
			.doesNotContain("200", "995");
		assertThat(MarcFlavour.ofSourceFormat("marc21")).isEqualTo(MarcFlavour.MARC21);
		assertThat(MarcFlavour.ofSourceFormat("json")).isEqualTo(MarcFlavour.MARC21);
		assertThat(MarcFlavour.ofSourceFormat("unimarc")).isEqualTo(MarcFlavour.UNIMARC);
	}

	private static DataField field(Record record, String tag) {
		return record.getDataFields().stream().filter(f -> f.getTag().equals(tag)).findFirst().orElseThrow();
	}

	private static List<String> values(Record record, String tag, char code) {
		return record.getDataFields().stream().filter(f -> f.getTag().equals(tag))
			.flatMap(f -> f.getSubfields(code).stream()).map(Subfield::getData).toList();
	}

	private static List<String> subfields(DataField field) {
		return field.getSubfields().stream().map(s -> s.getCode() + "=" + s.getData()).toList();
	}

}
