package org.branchlink.gateway.oai;

/** A request the provider answers with an OAI-PMH error (HTTP 200, an {@code error} element) instead of a result. */
class OaiRefusal extends RuntimeException {

	private final OaiError error;

	OaiRefusal(OaiError error, String message) {
		super(message, null, false, false);
		this.error = error;
	}

	OaiError error() {
		return error;
	}

}
