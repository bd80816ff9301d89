package org.branchlink.catalog;

import org.apache.solr.common.SolrException;

/** Solr refused or could not be reached; the operation named in the message did not happen. */
public class CatalogIndexException extends RuntimeException {

	public CatalogIndexException(String message, Throwable cause) {
		super(message + ": " + cause.getMessage(), cause);
	}

	/**
	 * What a failed search means to its caller: Solr unreachable, or failing on its side (SolrJ's unchecked
	 * {@link SolrException} with 5xx, or 510 when SolrCloud has no healthy replica to ask), is the index being
	 * unavailable, answered 503; a refusal of the request itself (a 4xx {@link SolrException}) stays what it is, a
	 * fault in the code that built the query.
	 */
	public static RuntimeException of(String message, Exception ex) {
		return ex instanceof SolrException solr && solr.code() >= 400 && solr.code() < 500 ? solr
				: new CatalogIndexException(message, ex);
	}

}
