package org.branchlink.catalog.record;

import java.util.List;
import java.util.Locale;

/**
 * A site's bibliographic record, normalized: what the search index and the work merge need, whatever the record's
 * source format. The source record itself is kept beside it.
 *
 * @param siteId the site that holds it
 * @param recordId the record's id in the site's system (MARC 001, OAI identifier, spreadsheet row key)
 * @param version the source's version of the record (MARC 005, OAI datestamp); empty when unknown
 * @param title the title proper with its other title information, never blank; in the vernacular script where the
 * record has one (MARC21 880)
 * @param otherTitles parallel, romanized and variant titles (CNMARC 200 pinyin, MARC21 245 beside an 880)
 * @param authors personal and corporate names, main entry first
 * @param isbns ISBN-13s, normalized (see {@link Isbn})
 * @param publisher publisher name, may be empty
 * @param year year of publication, 0 when unknown
 * @param language ISO 639-2 code ({@code chi}, {@code eng}…), may be empty
 * @param format {@code book}, {@code serial}, {@code audio}, {@code video}, {@code map}, {@code score}, {@code
 * electronic} or {@code other}
 * @param classification 中图法 (CLC) class, e.g. {@code I247.5}; may be empty
 * @param subjects subject headings
 * @param items the copies the site holds
 * @param links where the resource is online (MARC 856 $u: http or https), for e-books, databases, recordings
 */
public record BibRecord(String siteId, String recordId, String version, String title, List<String> otherTitles,
		List<String> authors,
		List<String> isbns, String publisher, int year, String language, String format, String classification,
		List<String> subjects, List<Item> items, List<String> links) {

	/** A record with no online location. */
	public BibRecord(String siteId, String recordId, String version, String title, List<String> otherTitles,
			List<String> authors, List<String> isbns, String publisher, int year, String language, String format,
			String classification, List<String> subjects, List<Item> items) {
		this(siteId, recordId, version, title, otherTitles, authors, isbns, publisher, year, language, format,
				classification, subjects, items, List.of());
	}

	public BibRecord {
		links = links == null ? List.of() : List.copyOf(links);
		otherTitles = List.copyOf(otherTitles);
		authors = List.copyOf(authors);
		isbns = List.copyOf(isbns);
		subjects = List.copyOf(subjects);
		items = List.copyOf(items);
	}

	/**
	 * The text a record's generated {@code toString} gives (stored content hashes are taken of it), built without
	 * {@code String.format}, which the generated one runs per call: it showed in ingest profiles.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(256).append("BibRecord[siteId=").append(siteId)
			.append(", recordId=").append(recordId).append(", version=").append(version)
			.append(", title=").append(title).append(", otherTitles=").append(otherTitles)
			.append(", authors=").append(authors).append(", isbns=").append(isbns)
			.append(", publisher=").append(publisher).append(", year=").append(year)
			.append(", language=").append(language).append(", format=").append(format)
			.append(", classification=").append(classification).append(", subjects=").append(subjects)
			.append(", items=[");
		for (int i = 0; i < items.size(); i++) {
			items.get(i).appendTo(i == 0 ? text : text.append(", "));
		}
		text.append("]");
		// only when there are some: the stored hashes of records without links stay what they were
		if (!links.isEmpty()) {
			text.append(", links=").append(links);
		}
		return text.append("]").toString();
	}

	/** The same record holding these copies. */
	public BibRecord withItems(List<Item> copies) {
		return new BibRecord(siteId, recordId, version, title, otherTitles, authors, isbns, publisher, year, language,
				format, classification, subjects, copies, links);
	}

	public String mainAuthor() {
		return authors.isEmpty() ? "" : authors.get(0);
	}

	/** The CLC top class: the first letter, two letters for T (industrial technology). */
	public String classificationTop() {
		if (classification.isEmpty() || !Character.isLetter(classification.charAt(0))) {
			return "";
		}
		String upper = classification.toUpperCase(Locale.ROOT);
		return upper.charAt(0) == 'T' && upper.length() > 1 && Character.isLetter(upper.charAt(1))
				? upper.substring(0, 2) : upper.substring(0, 1);
	}

}
