package org.branchlink.site;

import java.util.Arrays;
import java.util.Optional;

/** How a site's data reaches BranchLink; each kind is one Camel route template. */
public enum ConnectorKind {

	/** The site has no system of its own: its staff use BranchLink's pages. */
	NONE("none"),
	/** MARC files (ISO 2709 or MARCXML) dropped in a folder. */
	MARC_FILE("marc-file"),
	/** An ILS harvested over OAI-PMH. */
	OAI_PMH("oai-pmh"),
	/** A reading room's spreadsheet inventory (CSV or XLSX). */
	SPREADSHEET("spreadsheet"),
	/** The site's system pushes records and events to our REST API with its API key. */
	REST_PUSH("rest-push");

	private final String code;

	ConnectorKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ConnectorKind> fromCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}

}
