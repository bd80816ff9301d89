package org.branchlink.sync.connector.oaipmh;

/** The repository answered something that is not a usable OAI-PMH response; the harvest stops and keeps its place. */
public class OaiException extends RuntimeException {

	public OaiException(String message) {
		super(message);
	}

}
