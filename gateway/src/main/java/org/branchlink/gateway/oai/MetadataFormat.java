package org.branchlink.gateway.oai;

import java.util.Arrays;
import java.util.Optional;

/** The formats the provider disseminates: MARCXML (works only) and unqualified Dublin Core (works and events). */
enum MetadataFormat {

	MARCXML("marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim"),
	OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/");

	private final String prefix;

	private final String schema;

	private final String namespace;

	MetadataFormat(String prefix, String schema, String namespace) {
		this.prefix = prefix;
		this.schema = schema;
		this.namespace = namespace;
	}

	String prefix() {
		return prefix;
	}

	String schema() {
		return schema;
	}

	String namespace() {
		return namespace;
	}

	/** Whether events can be given in this format (events have no MARC record). */
	boolean carriesEvents() {
		return this == OAI_DC;
	}

	static Optional<MetadataFormat> of(String prefix) {
		return Arrays.stream(values()).filter(format -> format.prefix.equals(prefix)).findFirst();
	}

}
