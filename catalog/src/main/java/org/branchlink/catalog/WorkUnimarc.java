package org.branchlink.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.branchlink.catalog.record.BibRecord;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import static org.branchlink.catalog.WorkMarc.field;

/**
 * A work as one UNIMARC bibliographic record in UTF-8 (100/26-29 {@code 50}), CNMARC's way where UNIMARC leaves a
 * choice, built from the normalized fields of its representative record: 001 work id, 005 transaction, 010 $a one per
 * ISBN, 100 general processing data, 101 $a language, 200 1# $a title $f first author, 210 $c publisher $d year, 517 1#
 * $a other titles, 606 $a subjects, 690 $a CLC class, 700 first author, 701 other authors (second indicator 1 for an
 * inverted name "Surname, Forename", 0 for a name in direct order, as Chinese names are), 801 #3 $a CN $b federation
 * $c date (the federation issues the record; UNIMARC has no 003).
 * <p>
 * Holdings: one 995 per copy, Koha's UNIMARC item field (Recommandation 995): $b and $c the holding site, $e shelving
 * location, $f barcode, $k call number, and $s the status now (a status code of DOMAIN.md §5.5; BranchLink's own
 * subfield, none of Koha's carries a status). UNIMARC's own 852 names a location and call number but no copy,
 * barcode or status; 995 is what UNIMARC systems exchange copies in, and what the catalogue's own mapper reads back.
 */
final class WorkUnimarc {

	private static final MarcFactory MARC = MarcFactory.newInstance();

	private static final DateTimeFormatter TRANSACTION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	/**
	 * 100/17-35 after the dates: audience unknown, government publication unknown, unmodified record, catalogued in
	 * Chinese, no transliteration, ISO 10646 (Unicode) as G0 and no G1, no additional sets; the script of the title
	 * follows.
	 */
	private static final String PROCESSING = "u  " + "u" + "0" + "chi" + "y" + "50  " + "    ";

	private WorkUnimarc() {
	}

	/** See {@link WorkMarc#of}. */
	static Record of(PublishedWork work, Instant changedAt, String federation) {
		BibRecord r = work.record();
		Record record = MARC.newRecord(leader(r.format()));
		record.addVariableField(MARC.newControlField("001", work.id()));
		record.addVariableField(MARC.newControlField("005", TRANSACTION.format(changedAt)));
		work.isbns().forEach(isbn -> record.addVariableField(field("010", ' ', ' ', 'a', isbn)));
		record.addVariableField(field("100", ' ', ' ', 'a', generalProcessing(r, changedAt)));
		if (!r.language().isEmpty()) {
			record.addVariableField(field("101", ' ', ' ', 'a', r.language()));
		}
		List<String> authors = r.authors();
		DataField title = field("200", '1', ' ', 'a', r.title());
		if (!authors.isEmpty()) {
			title.addSubfield(MARC.newSubfield('f', authors.get(0)));
		}
		record.addVariableField(title);
		if (!r.publisher().isEmpty() || r.year() > 0) {
			DataField publication = MARC.newDataField("210", ' ', ' ');
			if (!r.publisher().isEmpty()) {
				publication.addSubfield(MARC.newSubfield('c', r.publisher()));
			}
			if (r.year() > 0) {
				publication.addSubfield(MARC.newSubfield('d', Integer.toString(r.year())));
			}
			record.addVariableField(publication);
		}
		r.otherTitles().forEach(other -> record.addVariableField(field("517", '1', ' ', 'a', other)));
		r.subjects().forEach(subject -> record.addVariableField(field("606", ' ', ' ', 'a', subject)));
		if (!r.classification().isEmpty()) {
			record.addVariableField(field("690", ' ', ' ', 'a', r.classification()));
		}
		for (int i = 0; i < authors.size(); i++) {
			String name = authors.get(i);
			record.addVariableField(field(i == 0 ? "700" : "701", ' ', name.contains(",") ? '1' : '0', 'a', name));
		}
		// online locations (the resource itself)
		r.links().forEach(link -> record.addVariableField(field("856", '4', ' ', 'u', link)));
		DataField source = field("801", ' ', '3', 'a', "CN", 'b', federation);
		source.addSubfield(MARC.newSubfield('c', DAY.format(changedAt)));
		record.addVariableField(source);
		work.copies().forEach(copy -> record.addVariableField(holding(copy)));
		return record;
	}

	private static DataField holding(PublishedWork.Copy copy) {
		DataField holding = field("995", ' ', ' ', 'b', copy.siteId(), 'c', copy.siteId());
		if (!copy.location().isEmpty()) {
			holding.addSubfield(MARC.newSubfield('e', copy.location()));
		}
		holding.addSubfield(MARC.newSubfield('f', copy.barcode()));
		if (!copy.callNumber().isEmpty()) {
			holding.addSubfield(MARC.newSubfield('k', copy.callNumber()));
		}
		holding.addSubfield(MARC.newSubfield('s', copy.status().isEmpty() ? "available" : copy.status()));
		return holding;
	}

	/**
	 * Leader: new record, type and bibliographic level by the catalogue's format, hierarchical level undefined (the
	 * normalized fields keep no links), leader/09 undefined, full level, partial ISBD (no 215, no 205), "450 ".
	 */
	static String leader(String format) {
		String typeAndLevel = switch (format) {
			case "serial" -> "as";
			case "audio" -> "jm";
			case "video" -> "gm";
			case "map" -> "em";
			case "score" -> "cm";
			case "electronic" -> "lm";
			default -> "am";
		};
		return "00000n" + typeAndLevel + "  2200000 i 450 ";
	}

	/**
	 * 100 $a, 36 characters: date entered (0-7), type of publication date and dates 1 and 2 (8-16: {@code d} and the
	 * year for a monograph, {@code c} for a serial, {@code u} when the year is unknown), then {@link #PROCESSING} and
	 * the script of the title (34-35).
	 */
	static String generalProcessing(BibRecord r, Instant changedAt) {
		boolean known = r.year() > 0 && r.year() <= 9999;
		String date1 = known ? String.format("%04d", r.year()) : "    ";
		String type = "serial".equals(r.format()) ? "c" : known ? "d" : "u";
		return DAY.format(changedAt) + type + date1 + "    " + PROCESSING + script(r.title());
	}

	/** The UNIMARC code of the script of the title's first letter; blanks when it has none. */
	private static String script(String title) {
		for (int i = 0; i < title.length(); i += Character.charCount(title.codePointAt(i))) {
			int c = title.codePointAt(i);
			if (Character.isLetter(c)) {
				return switch (Character.UnicodeScript.of(c)) {
					case HAN -> "ea";
					case LATIN -> "ba";
					case CYRILLIC -> "ca";
					case HIRAGANA, KATAKANA -> "da";
					case HANGUL -> "ka";
					case ARABIC -> "fa";
					case GREEK -> "ga";
					case HEBREW -> "ha";
					default -> "zz";
				};
			}
		}
		return "  ";
	}

}
