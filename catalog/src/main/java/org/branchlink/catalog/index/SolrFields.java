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

	private SolrFields() {
	}

}
