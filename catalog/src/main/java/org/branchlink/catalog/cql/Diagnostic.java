package org.branchlink.catalog.cql;

/**
 * The diagnostics of the SRU/CQL diagnostic set ({@code info:srw/diagnostic/1/N}) the catalogue's CQL search and the
 * SRU server give, with the standard's message for each.
 */
public enum Diagnostic {

	GENERAL(1, "General system error"), UNSUPPORTED_OPERATION(4, "Unsupported operation"),
	UNSUPPORTED_VERSION(5, "Unsupported version"), UNSUPPORTED_PARAMETER_VALUE(6, "Unsupported parameter value"),
	MANDATORY_PARAMETER(7, "Mandatory parameter not supplied"), UNSUPPORTED_PARAMETER(8, "Unsupported parameter"),
	QUERY_SYNTAX(10, "Query syntax error"), UNSUPPORTED_CONTEXT_SET(15, "Unsupported context set"),
	UNSUPPORTED_INDEX(16, "Unsupported index"), UNSUPPORTED_RELATION(19, "Unsupported relation"),
	UNSUPPORTED_RELATION_MODIFIER(20, "Unsupported relation modifier"), EMPTY_TERM(27, "Empty term unsupported"),
	INVALID_TERM(36, "Term in invalid format for index or relation"),
	UNSUPPORTED_BOOLEAN(37, "Unsupported boolean operator"),
	UNSUPPORTED_BOOLEAN_MODIFIER(46, "Unsupported boolean modifier"),
	START_OUT_OF_RANGE(61, "First record position out of range"), UNKNOWN_SCHEMA(66, "Unknown schema for retrieval"),
	RECORD_PACKING(71, "Unsupported record packing"), SORT_UNSUPPORTED(80, "Sort not supported"),
	SORT_DIRECTION(90, "Unsupported direction"), STYLESHEETS(110, "Stylesheets not supported"),
	RESPONSE_POSITION(120, "Response position out of range");

	private final int code;

	private final String message;

	Diagnostic(int code, String message) {
		this.code = code;
		this.message = message;
	}

	public int code() {
		return code;
	}

	public String message() {
		return message;
	}

	/** {@code info:srw/diagnostic/1/N}. */
	public String uri() {
		return "info:srw/diagnostic/1/" + code;
	}

}
