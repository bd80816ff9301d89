package org.branchlink.catalog;

/** Solr refused or could not be reached; the operation named in the message did not happen. */
public class CatalogIndexException extends RuntimeException {

	public CatalogIndexException(String message, Throwable cause) {
		super(message + ": " + cause.getMessage(), cause);
	}

}
