package org.branchlink.gateway.schedule;

import org.branchlink.site.GeoPoint;

/**
 * A place mobile units visit: a village or community centre.
 *
 * @param siteId the centre's site id
 * @param name its display name
 * @param location where it stands
 */
public record ServiceStop(String siteId, String name, GeoPoint location) {
}
