package org.branchlink.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.record.BibRecord;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * A work as one MARC record in UTF-8, in the flavour its representative record came in as
 * ({@link PublishedWork#flavour()}): UNIMARC for a work whose representative record came in as UNIMARC or CNMARC (built
 * by {@link WorkUnimarc}), MARC21 for every other. Both are built from the catalogue's normalized fields of the
 * representative record, not from its source: the sources are kept as they came for the quarantine and not re-read
 * (their character set is not stored).
 * <p>
 * MARC21 (leader/09 {@code a}): 001 work id, 003 federation, 005, 008, 020 ISBNs, 041, 084 $2 clc, 100 first author,
 * 245, 246 other titles, 260, 650 subjects, 700 other authors. Holdings: one 852 per copy ($a holding site, $b
 * shelving location, $h call number, $p barcode) and one 876 beside it ($p barcode, $j status now, a status code of
 * DOMAIN.md §5.5).
 */
public final class WorkMarc {

	private static final MarcFactory MARC = MarcFactory.newInstance();

	private static final DateTimeFormatter TRANSACTION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

	private WorkMarc() {
	}

	/**
	 * @param work the work
	 * @param changedAt its last change (005, and 008's or 100's date entered)
	 * @param federation the federation's id (MARC21 003, the control number's organisation; UNIMARC 801 $b)
	 * @return a MARC21 record, or a UNIMARC one when the work's representative record came in as UNIMARC
	 */
	public static Record of(PublishedWork work, Instant changedAt, String federation) {
		if (work.flavour() == MarcFlavour.UNIMARC) {
			return WorkUnimarc.of(work, changedAt, federation);
		}
		BibRecord r = work.record();
		Record record = MARC.newRecord(leader(r.format()));
		record.addVariableField(MARC.newControlField("001", work.id()));
		record.addVariableField(MARC.newControlField("003", federation));
		record.addVariableField(MARC.newControlField("005", TRANSACTION.format(changedAt)));
		record.addVariableField(MARC.newControlField("008", fixed(r, changedAt)));
		work.isbns().forEach(isbn -> record.addVariableField(field("020", ' ', ' ', 'a', isbn)));
		if (!r.language().isEmpty()) {
			record.addVariableField(field("041", ' ', ' ', 'a', r.language()));
		}
		if (!r.classification().isEmpty()) {
			record.addVariableField(field("084", ' ', ' ', 'a', r.classification(), '2', "clc"));
		}
		List<String> authors = r.authors();
		if (!authors.isEmpty()) {
			record.addVariableField(field("100", '1', ' ', 'a', authors.get(0)));
		}
		record.addVariableField(field("245", authors.isEmpty() ? '0' : '1', '0', 'a', r.title()));
		r.otherTitles().forEach(title -> record.addVariableField(field("246", '3', ' ', 'a', title)));
		if (!r.publisher().isEmpty() || r.year() > 0) {
			DataField publication = MARC.newDataField("260", ' ', ' ');
			if (!r.publisher().isEmpty()) {
				publication.addSubfield(MARC.newSubfield('b', r.publisher()));
			}
			if (r.year() > 0) {
				publication.addSubfield(MARC.newSubfield('c', Integer.toString(r.year())));
			}
			record.addVariableField(publication);
		}
		r.subjects().forEach(subject -> record.addVariableField(field("650", ' ', '4', 'a', subject)));
		authors.stream().skip(1).forEach(name -> record.addVariableField(field("700", '1', ' ', 'a', name)));
		// online locations: HTTP, the resource itself
		r.links().forEach(link -> record.addVariableField(field("856", '4', '0', 'u', link)));
		for (PublishedWork.Copy copy : work.copies()) {
			DataField holding = field("852", ' ', ' ', 'a', copy.siteId());
			if (!copy.location().isEmpty()) {
				holding.addSubfield(MARC.newSubfield('b', copy.location()));
			}
			if (!copy.callNumber().isEmpty()) {
				holding.addSubfield(MARC.newSubfield('h', copy.callNumber()));
			}
			holding.addSubfield(MARC.newSubfield('p', copy.barcode()));
			record.addVariableField(holding);
			record.addVariableField(field("876", ' ', ' ', 'p', copy.barcode(), 'j',
					copy.status().isEmpty() ? "available" : copy.status()));
		}
		return record;
	}

	static DataField field(String tag, char ind1, char ind2, char code, String value) {
		DataField field = MARC.newDataField(tag, ind1, ind2);
		field.addSubfield(MARC.newSubfield(code, value));
		return field;
	}

	static DataField field(String tag, char ind1, char ind2, char code, String value, char code2, String value2) {
		DataField field = field(tag, ind1, ind2, code, value);
		field.addSubfield(MARC.newSubfield(code2, value2));
		return field;
	}

	/** Leader: new record, type and level by the catalogue's format, UCS/Unicode, full level. */
	private static Leader leader(String format) {
		String typeAndLevel = switch (format) {
			case "serial" -> "as";
			case "audio" -> "jm";
			case "video" -> "gm";
			case "map" -> "em";
			case "score" -> "cm";
			case "electronic" -> "mm";
			default -> "am";
		};
		return MARC.newLeader("00000n" + typeAndLevel + " a2200000 i 4500");
	}

	/** 008 for all materials: date entered, single date of publication (or none), language. */
	private static String fixed(BibRecord r, Instant changedAt) {
		String language = r.language().length() == 3 ? r.language() : "und";
		String dates = r.year() > 0 ? "s" + String.format("%04d", r.year()) + "    " : "n        ";
		return ENTERED.format(changedAt) + dates + "xx " + " ".repeat(17) + language + " d";
	}

}
