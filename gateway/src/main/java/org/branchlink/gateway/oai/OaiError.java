package org.branchlink.gateway.oai;

/** The error codes of OAI-PMH 2.0 (section 3.6), as the protocol spells them. */
enum OaiError {

	BAD_ARGUMENT("badArgument"), BAD_RESUMPTION_TOKEN("badResumptionToken"), BAD_VERB("badVerb"),
	CANNOT_DISSEMINATE_FORMAT("cannotDisseminateFormat"), ID_DOES_NOT_EXIST("idDoesNotExist"),
	NO_RECORDS_MATCH("noRecordsMatch"), NO_METADATA_FORMATS("noMetadataFormats"), NO_SET_HIERARCHY("noSetHierarchy");

	private final String code;

	OaiError(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	/** Whether the response's request element must then carry the base URL only (section 3.2, "request"). */
	boolean hidesArguments() {
		return this == BAD_ARGUMENT || this == BAD_VERB;
	}

}
