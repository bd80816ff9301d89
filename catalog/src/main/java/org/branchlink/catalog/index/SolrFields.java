package org.branchlink.catalog.index;

/** The Solr field names: the only place they are written in Java. They match {@code schema.xml}. */
public final class SolrFields {

	public static final String ID = "id";

	public static final String DOC_TYPE = "doc_type";

	public static final String TYPE_SITE = "site";

	public static final String SITE_ID = "site_id";

	public static final String SITE_KIND = "site_kind";

	public static final String NAME = "name";

	public static final String NAME_EN = "name_en";

	public static final String SERVICE_LINE = "service_line";

	public static final String TOWNSHIP = "township";

	public static final String AREA_CODE = "area_code";

	public static final String ADDRESS = "address";

	public static final String LOCATION = "location";

	public static final String TYPE_WORK = "work";

	public static final String TITLE = "title";

	public static final String TITLE_ALT = "title_alt";

	public static final String TITLE_PINYIN = "title_pinyin";

	public static final String TITLE_INITIALS = "title_initials";

	public static final String TITLE_SORT = "title_sort";

	/** The editions of one book share it: title without edition statement and main author, folded. */
	public static final String TITLE_FAMILY = "title_family";

	public static final String AUTHOR = "author";

	public static final String AUTHOR_FACET = "author_facet";

	public static final String ISBN = "isbn";

	public static final String PUBLISHER = "publisher";

	public static final String YEAR = "year";

	public static final String LANGUAGE = "language";

	public static final String FORMAT = "format";

	public static final String CLC = "clc";

	public static final String CLC_TOP = "clc_top";

	public static final String SUBJECT = "subject";

	public static final String HOLDING_SITE = "holding_site";

	public static final String HOLDING_TOWNSHIP = "holding_township";

	public static final String HOLDING_SITE_KIND = "holding_site_kind";

	public static final String HOLDING_SERVICE_LINE = "holding_service_line";

	public static final String AVAILABLE_SITE = "available_site";

	public static final String AVAILABLE_LOCATION = "available_location";

	public static final String ITEM_COUNT = "item_count";

	/**
	 * 1 when a copy of the work is on a shelf now, else 0: docValues only, set in place when it changes, at most once a
	 * second (the availability indexer); search filters and sorts on it. Exact counts come from the copies document.
	 */
	public static final String ON_SHELF = "on_shelf";

	public static final String HOLDINGS = "holdings";

	/** The document of a work's copies (see {@code WorkDocuments.copies}). */
	public static final String TYPE_COPIES = "copies";

	/** The work a copies document belongs to. */
	public static final String WORK_ID = "work_id";

	public static final String RECORDS = "records";

	public static final String TYPE_EVENT = "event";

	public static final String DESCRIPTION = "description";

	public static final String EVENT_CATEGORY = "event_category";

	public static final String EVENT_KIND = "event_kind";

	public static final String EVENT_START = "event_start";

	public static final String EVENT_END = "event_end";

	public static final String AUDIENCE = "audience";

	public static final String ACCESSIBLE = "accessible";

	public static final String FEE = "fee";

	public static final String PLACE = "place";

	/** An event's service mode: {@code venue}, {@code mobile} or {@code digital}. */
	public static final String SERVICE_MODE = "service_mode";

	/** Where to take part in an event online; where a work is online (MARC 856 $u), several. */
	public static final String ONLINE_URL = "online_url";

	/** A work some record of which is online (set only then). */
	public static final String ONLINE = "online";

	private SolrFields() {
	}

}
