package org.branchlink.gateway.sru;

/**
 * A request the server answers with a diagnostic (HTTP 200, the diagnostic in the response's {@code diagnostics})
 * instead of a result.
 */
public class SruRefusal extends RuntimeException {

	private final SruDiagnostic diagnostic;

	private final String details;

	SruRefusal(SruDiagnostic diagnostic, String details, String message) {
		super(message, null, false, false);
		this.diagnostic = diagnostic;
		this.details = details;
	}

	SruDiagnostic diagnostic() {
		return diagnostic;
	}

	/** The diagnostic's details: the part of the request it is about (a parameter's name, an index, a relation). */
	String details() {
		return details;
	}

}
