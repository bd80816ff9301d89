package org.branchlink.catalog.record;

/**
 * One copy held by a site.
 *
 * @param barcode the copy's barcode, unique within its site
 * @param callNumber its call number (索书号), may be empty
 * @param location its shelving location (馆藏地), may be empty
 * @param status its status code from DOMAIN.md §5.5 ({@code available}, {@code on_loan}, {@code in_transit}…)
 */
public record Item(String barcode, String callNumber, String location, String status) {

	public static final String AVAILABLE = "available";

	public boolean isAvailable() {
		return AVAILABLE.equals(status);
	}

}
