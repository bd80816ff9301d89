package org.branchlink.catalog;

import java.util.List;

/**
 * A site as a search document, so that readers find the nearest library, reading room or bookmobile stop.
 *
 * @param id the site's id
 * @param kind the site's kind code
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param serviceLines service line codes
 * @param township the id of the township station it belongs to, null above township level
 * @param areaCode its 12-digit area code
 * @param address postal address, may be empty
 * @param lat latitude (WGS 84)
 * @param lon longitude (WGS 84)
 */
public record SiteDocument(String id, String kind, String nameZh, String nameEn, List<String> serviceLines,
		String township, String areaCode, String address, double lat, double lon) {
}
