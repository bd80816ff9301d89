package org.branchlink.catalog.record;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.branchlink.catalog.marc.MarcFlavour;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * Maps a MARC record to a {@link BibRecord}. MARC21: 001 id, 005 version, 245 title, 100/110/111/700/710 names, 020
 * ISBN, 260/264 publisher and date, 008 date and language, 084 $2 clc or 050 class, 650 subjects, 852 and 949
 * holdings. UNIMARC and CNMARC: 200 title, 700/701/702/710-712 names, 010 ISBN, 210 publisher and date, 100 date,
 * 101 language, 690 CLC, 606 subjects, 905 holdings.
 */
public final class MarcRecordMapper {

	private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");

	private static final Pattern TRAILING = Pattern.compile("[\\s/:;,.=]+$");

	private static final Pattern BRACKETS = Pattern.compile("^[\\s\\[]+|[\\s\\]]+$");

	private MarcRecordMapper() {
	}

	/**
	 * @param record the decoded record
	 * @param siteId the site that sent it
	 * @throws InvalidRecordException when the record has no id or no title
	 */
	public static BibRecord map(Record record, String siteId) {
		char type = record.getLeader() == null ? 'a' : record.getLeader().getTypeOfRecord();
		if (type == 'z') {
			throw new InvalidRecordException("not a bibliographic record: an authority record (leader/06 z)");
		}
		if ("uvxy".indexOf(type) >= 0) {
			throw new InvalidRecordException("not a bibliographic record: a holdings record (leader/06 " + type + ")");
		}
		MarcFlavour flavour = MarcFlavour.of(record);
		String id = recordId(record);
		if (id.isEmpty()) {
			throw new InvalidRecordException("no record id (field 001, 035 $a or 901 $c)");
		}
		return flavour == MarcFlavour.UNIMARC ? unimarc(record, siteId, id) : marc21(record, siteId, id);
	}

	private static String recordId(Record record) {
		String id = control(record, "001").strip();
		if (id.isEmpty()) {
			id = subfield(first(record, "035"), 'a').strip();
		}
		if (id.isEmpty()) {
			id = subfield(first(record, "901"), 'c').strip();
		}
		return id;
	}

	private static BibRecord marc21(Record record, String siteId, String id) {
		String title = join(first(record, "245"), "abnp");
		if (title.isBlank()) {
			throw new InvalidRecordException("no title (field 245 $a)");
		}
		List<String> otherTitles = new ArrayList<>();
		String vernacular = join(linked880(record, "245"), "abnp");
		if (!vernacular.isBlank()) {
			otherTitles.add(clean(title));
			title = vernacular;
		}
		for (String tag : new String[] { "246", "240", "130" }) {
			for (DataField field : fields(record, tag)) {
				String variant = clean(join(field, "abnp"));
				if (!variant.isEmpty()) {
					otherTitles.add(variant);
				}
			}
		}
		List<String> authors = names(record, new String[] { "100", "110", "111", "700", "710", "711" }, "a");
		String vernacularAuthor = clean(join(linked880(record, "100"), "a"));
		if (!vernacularAuthor.isEmpty()) {
			authors.add(0, vernacularAuthor);
		}
		String fixed = control(record, "008");
		int year = fixed.length() >= 11 ? year(fixed.substring(7, 11)) : 0;
		DataField publication = first(record, "264") != null ? first(record, "264") : first(record, "260");
		if (year == 0) {
			year = year(subfield(publication, 'c'));
		}
		String language = fixed.length() >= 38 ? fixed.substring(35, 38).strip() : "";
		if (language.isEmpty() || language.equals("|||")) {
			language = subfield(first(record, "041"), 'a');
		}
		String classification = "";
		for (DataField field : fields(record, "084")) {
			if ("clc".equalsIgnoreCase(subfield(field, '2').strip())) {
				classification = subfield(field, 'a');
				break;
			}
		}
		if (classification.isEmpty()) {
			classification = subfield(first(record, "050"), 'a');
		}
		List<Item> items = new ArrayList<>();
		for (DataField field : fields(record, "852")) {
			item(items, subfield(field, 'p'), join(field, "hi"), join(field, "bc"), "");
		}
		for (DataField field : fields(record, "949")) {
			item(items, first(subfield(field, 'i'), subfield(field, 'p'), subfield(field, 'b')),
					first(subfield(field, 'a'), subfield(field, 'h')), first(subfield(field, 'l'), subfield(field, 'c')), "");
		}
		// Koha's item field: $p barcode, $o call number, $c shelving location, $d date acquired
		for (DataField field : fields(record, "952")) {
			item(items, subfield(field, 'p'), subfield(field, 'o'), subfield(field, 'c'), "",
					Item.day(subfield(field, 'd')));
		}
		return new BibRecord(siteId, id, control(record, "005"), clean(title), otherTitles, authors,
				isbns(record, "020", 'a'), clean(subfield(publication, 'b')), year, language.strip().toLowerCase(),
				format(record), classification.strip(), subjects(record, "650"), items, links(record));
	}

	private static BibRecord unimarc(Record record, String siteId, String id) {
		DataField titleField = first(record, "200");
		String title = join(titleField, "ae");
		if (title.isBlank()) {
			throw new InvalidRecordException("no title (field 200 $a)");
		}
		List<String> authors = new ArrayList<>();
		for (String tag : new String[] { "700", "701", "702", "710", "711", "712" }) {
			for (DataField field : fields(record, tag)) {
				String name = (subfield(field, 'a') + subfield(field, 'b')).strip();
				if (!name.isEmpty() && !authors.contains(clean(name))) {
					authors.add(clean(name));
				}
			}
		}
		if (authors.isEmpty() && !subfield(titleField, 'f').isBlank()) {
			authors.add(clean(subfield(titleField, 'f')));
		}
		DataField publication = first(record, "210");
		int year = year(subfield(publication, 'd'));
		String general = subfield(first(record, "100"), 'a');
		if (year == 0 && general.length() >= 13) {
			year = year(general.substring(9, 13));
		}
		List<Item> items = new ArrayList<>();
		for (DataField field : fields(record, "905")) {
			String callNumber = (subfield(field, 'd') + (subfield(field, 'e').isBlank() ? "" : "/" + subfield(field, 'e')))
				.strip();
			item(items, subfield(field, 'b'), callNumber, subfield(field, 'c'), "");
		}
		// Koha's UNIMARC item field: $f barcode, $k call number, $e shelving location, $5 date acquired
		for (DataField field : fields(record, "995")) {
			item(items, subfield(field, 'f'), subfield(field, 'k'), subfield(field, 'e'), "", Item.day(subfield(field, '5')));
		}
		List<String> otherTitles = new ArrayList<>();
		String parallel = join(titleField, "d");
		if (!parallel.isBlank()) {
			otherTitles.add(clean(parallel));
		}
		// 510 parallel title, 517 other variant titles (what a UNIMARC record published here carries)
		for (String tag : new String[] { "510", "517" }) {
			for (DataField field : fields(record, tag)) {
				String other = clean(join(field, "ae"));
				if (!other.isBlank() && !otherTitles.contains(other)) {
					otherTitles.add(other);
				}
			}
		}
		String pinyin = join(titleField, "A");
		if (!pinyin.isBlank()) {
			otherTitles.add(clean(pinyin));
		}
		return new BibRecord(siteId, id, control(record, "005"), clean(title), otherTitles, authors,
				isbns(record, "010", 'a'),
				clean(subfield(publication, 'c')), year, subfield(first(record, "101"), 'a').strip().toLowerCase(),
				format(record), subfield(first(record, "690"), 'a').strip(), subjects(record, "606"), items, links(record));
	}

	/**
	 * The record's online locations, MARC21 and UNIMARC alike: 856 $u on the web (http, https) for the resource itself
	 * or a version of it (second indicator blank, 0 or 1; 2, a related resource such as a table of contents, is not the
	 * resource), each once.
	 */
	private static List<String> links(Record record) {
		List<String> links = new ArrayList<>(1);
		for (DataField field : fields(record, "856")) {
			char relation = field.getIndicator2();
			if (relation != ' ' && relation != '0' && relation != '1' && relation != '#') {
				continue;
			}
			for (Subfield u : field.getSubfields('u')) {
				String url = u.getData().strip();
				if (url.matches("(?i)https?://[^\\s<>\"]+") && !links.contains(url)) {
					links.add(url);
				}
			}
		}
		return links;
	}

	private static void item(List<Item> items, String barcode, String callNumber, String location, String status) {
		item(items, barcode, callNumber, location, status, null);
	}

	private static void item(List<Item> items, String barcode, String callNumber, String location, String status,
			LocalDate acquired) {
		if (!barcode.isBlank()) {
			items.add(new Item(barcode.strip(), callNumber.strip(), location.strip(),
					status.isBlank() ? Item.AVAILABLE : status.strip(), acquired));
		}
	}

	private static String format(Record record) {
		char type = record.getLeader().getTypeOfRecord();
		char level = record.getLeader().getImplDefined1().length > 0 ? record.getLeader().getImplDefined1()[0] : 'm';
		return switch (type) {
			case 'a', 'b', 't' -> level == 's' ? "serial" : "book";
			case 'c', 'd' -> "score";
			case 'e', 'f' -> "map";
			case 'g', 'k', 'r' -> "video";
			case 'i', 'j' -> "audio";
			case 'l', 'm' -> "electronic";
			default -> "other";
		};
	}

	private static List<String> isbns(Record record, String tag, char code) {
		Set<String> isbns = new LinkedHashSet<>();
		for (DataField field : fields(record, tag)) {
			for (Subfield subfield : field.getSubfields(code)) {
				Isbn.normalize(subfield.getData()).ifPresent(isbns::add);
			}
		}
		return List.copyOf(isbns);
	}

	private static List<String> names(Record record, String[] tags, String codes) {
		List<String> names = new ArrayList<>();
		for (String tag : tags) {
			for (DataField field : fields(record, tag)) {
				String name = clean(join(field, codes));
				if (!name.isEmpty() && !names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static List<String> subjects(Record record, String tag) {
		List<String> subjects = new ArrayList<>();
		for (DataField field : fields(record, tag)) {
			String subject = clean(join(field, "axyz"));
			if (!subject.isEmpty()) {
				subjects.add(subject);
			}
		}
		return subjects;
	}

	private static int year(String text) {
		Matcher matcher = YEAR.matcher(text == null ? "" : text);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	/** Trims ISBD punctuation and brackets, and composes accents (MARC-8 and some UTF-8 records decompose them). */
	private static String clean(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (composed.isEmpty() || !needsTrimming(composed.charAt(0)) && !needsTrimming(composed.charAt(composed.length() - 1))) {
			return composed; // most values: nothing to trim, no regular expression run
		}
		return BRACKETS.matcher(TRAILING.matcher(composed).replaceAll("")).replaceAll("").strip();
	}

	private static boolean needsTrimming(char c) {
		return Character.isWhitespace(c) || "/:;,.=[]".indexOf(c) >= 0;
	}

	// the record's own field lists, not marc4j's getVariableField(s)(tag): those format the leader on every call
	private static String control(Record record, String tag) {
		for (ControlField field : record.getControlFields()) {
			if (tag.equals(field.getTag())) {
				return field.getData() == null ? "" : field.getData();
			}
		}
		return "";
	}

	private static List<DataField> fields(Record record, String tag) {
		List<DataField> fields = new ArrayList<>(2);
		for (DataField field : record.getDataFields()) {
			if (tag.equals(field.getTag())) {
				fields.add(field);
			}
		}
		return fields;
	}

	private static DataField first(Record record, String tag) {
		for (DataField field : record.getDataFields()) {
			if (tag.equals(field.getTag())) {
				return field;
			}
		}
		return null;
	}

	/** The 880 field linked to the first field with this tag ($6 starting with the tag), if any. */
	private static DataField linked880(Record record, String tag) {
		for (DataField field : fields(record, "880")) {
			if (subfield(field, '6').startsWith(tag)) {
				return field;
			}
		}
		return null;
	}

	private static String subfield(DataField field, char code) {
		if (field == null) {
			return "";
		}
		Subfield subfield = field.getSubfield(code);
		return subfield == null || subfield.getData() == null ? "" : subfield.getData();
	}

	/** The named subfields' values in field order, separated by spaces (lower-case codes only: CNMARC's upper-case
	 * codes carry pinyin). */
	private static String join(DataField field, String codes) {
		if (field == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (Subfield subfield : field.getSubfields()) {
			if (codes.indexOf(subfield.getCode()) >= 0 && subfield.getData() != null) {
				String value = clean(subfield.getData());
				if (!value.isEmpty()) {
					text.append(text.length() > 0 ? " " : "").append(value);
				}
			}
		}
		return text.toString();
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "";
	}

}
