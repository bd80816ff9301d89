package org.branchlink.gateway.oai;

import java.time.Instant;

import org.branchlink.catalog.Change;
import org.branchlink.catalog.ChangeQuery;

/**
 * Where a list stands, carried by the harvester instead of kept by the provider: the list's query, the last change
 * sent, how many were sent before the next page and how long the list has, and until when the token is honoured.
 *
 * @param format the list's metadata format
 * @param query the list's query (its {@code before} is the moment the list began)
 * @param after the last change sent; null before the first page
 * @param cursor how many changes were sent before the next page
 * @param completeListSize how many the list had when it began
 * @param expires when the token stops being honoured
 */
record ResumptionToken(MetadataFormat format, ChangeQuery query, Change.Position after, long cursor,
		long completeListSize, Instant expires) {
}
