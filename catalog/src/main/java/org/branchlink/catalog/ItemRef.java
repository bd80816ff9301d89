package org.branchlink.catalog;

/**
 * A copy in the catalogue.
 *
 * @param siteId its owning site
 * @param barcode its barcode
 * @param workId the work its record belongs to
 */
public record ItemRef(String siteId, String barcode, String workId) {
}
