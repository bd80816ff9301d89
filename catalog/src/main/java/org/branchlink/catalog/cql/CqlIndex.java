package org.branchlink.catalog.cql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The CQL indexes the server searches, with the Solr fields behind each: the text indexes use the search page's fields
 * and analysis (smartcn words, CJK bigrams, English stems, traditional → simplified and accent folding) and the title
 * indexes add pinyin and initials as the search page does for Latin queries.
 */
public enum CqlIndex {

	ANYWHERE("cql", "anywhere", "任意字段 / Anywhere", Kind.TEXT, "$work_qf", null, null),
	SERVER_CHOICE("cql", "serverChoice", "默认（同检索页）/ Server choice (as the search page)", Kind.TEXT, "$work_qf",
			null, "title_sort"),
	TITLE("dc", "title", "题名 / Title", Kind.TEXT, "title^8 title_cjk^4 title_en^4 title_alt^3", "title_sort",
			"title_sort"),
	CREATOR("dc", "creator", "责任者 / Creator", Kind.TEXT, "author^4 author_en^2", "author_facet", "author_facet"),
	SUBJECT("dc", "subject", "主题 / Subject", Kind.TEXT, "subject", null, "subject"),
	PUBLISHER("dc", "publisher", "出版者 / Publisher", Kind.TEXT, "publisher", null, "publisher"),
	DATE("dc", "date", "出版年 / Year of publication", Kind.YEAR, "year", null, "year"),
	ISBN("bath", "isbn", "ISBN", Kind.ISBN, "isbn", null, "isbn"),
	ID("rec", "id", "作品标识 / Work id", Kind.ID, "id", null, null);

	/** How an index's terms are searched. */
	public enum Kind {

		/** Words through the search page's analysis. */
		TEXT,
		/** A year of publication, compared as a number. */
		YEAR,
		/** An ISBN-10 or ISBN-13, normalized. */
		ISBN,
		/** A work id, as it is. */
		ID

	}

	private final String set;

	private final String name;

	private final String title;

	private final Kind kind;

	private final String fields;

	private final String exactField;

	private final String scanField;

	CqlIndex(String set, String name, String title, Kind kind, String fields, String exactField, String scanField) {
		this.set = set;
		this.name = name;
		this.title = title;
		this.kind = kind;
		this.fields = fields;
		this.exactField = exactField;
		this.scanField = scanField;
	}

	/** Its context set's prefix ({@code dc}). */
	public String set() {
		return set;
	}

	/** Its name in its context set ({@code title}). */
	public String indexName() {
		return name;
	}

	/** {@code dc.title}. */
	public String qualified() {
		return set + "." + name;
	}

	/** Its title in Chinese and English, for explain. */
	public String title() {
		return title;
	}

	public Kind kind() {
		return kind;
	}

	/** The field, or the edismax {@code qf} of a text index. */
	public String fields() {
		return fields;
	}

	/** The string field {@code ==} and {@code exact} compare the whole value with; null where they mean a phrase. */
	public String exactField() {
		return exactField;
	}

	/** The field scan lists; null when the index cannot be scanned. */
	public String scanField() {
		return scanField;
	}

	/** Whether the title's pinyin and initials are searched beside it for a Latin term. */
	public boolean withPinyin() {
		return this == ANYWHERE || this == SERVER_CHOICE || this == TITLE;
	}

	/** The index a (lower-case, prefix-resolved) CQL index name means; unprefixed names are looked up by name. */
	public static Optional<CqlIndex> of(String index) {
		String lower = index.toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(i -> i.qualified().toLowerCase(Locale.ROOT).equals(lower)
					|| i.name.toLowerCase(Locale.ROOT).equals(lower))
			.findFirst();
	}

}
