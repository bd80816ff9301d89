package org.branchlink.catalog.cql;

/**
 * A query or request the catalogue refuses with a diagnostic of the SRU/CQL set (an SRU server answers it with HTTP
 * 200 and the diagnostic in the response's {@code diagnostics}, instead of a result).
 */
public class CqlRefusal extends RuntimeException {

	private final Diagnostic diagnostic;

	private final String details;

	public CqlRefusal(Diagnostic diagnostic, String details, String message) {
		super(message, null, false, false);
		this.diagnostic = diagnostic;
		this.details = details;
	}

	public Diagnostic diagnostic() {
		return diagnostic;
	}

	/** The diagnostic's details: the part of the request it is about (a parameter's name, an index, a relation). */
	public String details() {
		return details;
	}

}
