package org.branchlink.gateway.sru;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The record schemas searchRetrieve gives: MARCXML (MARC21, or UNIMARC for a work that came in as UNIMARC/CNMARC, with
 * a field per copy) and SRU's Dublin Core. Each is asked for by its short name or its identifier.
 */
enum RecordSchema {

	MARCXML("marcxml", "info:srw/schema/1/marcxml-v1.1", "MARCXML", "http://www.loc.gov/MARC21/slim",
			"http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"),
	DC("dc", "info:srw/schema/1/dc-v1.1", "Dublin Core", "info:srw/schema/1/dc-schema",
			"http://www.loc.gov/standards/sru/recordSchemas/dc-schema.xsd");

	private final String shortName;

	private final String identifier;

	private final String title;

	private final String namespace;

	private final String location;

	RecordSchema(String shortName, String identifier, String title, String namespace, String location) {
		this.shortName = shortName;
		this.identifier = identifier;
		this.title = title;
		this.namespace = namespace;
		this.location = location;
	}

	String shortName() {
		return shortName;
	}

	String identifier() {
		return identifier;
	}

	String title() {
		return title;
	}

	String namespace() {
		return namespace;
	}

	/** Where its XML schema is. */
	String location() {
		return location;
	}

	/** The schema a request names by short name (any case) or identifier. */
	static Optional<RecordSchema> of(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(schema -> schema.shortName.equals(lower) || schema.identifier.equals(lower)
					|| (schema == MARCXML && (lower.equals("marc21") || lower.equals("marcxml-v1.1"))))
			.findFirst();
	}

}
