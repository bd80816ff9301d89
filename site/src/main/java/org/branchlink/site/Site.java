package org.branchlink.site;

import java.util.Optional;
import java.util.Set;

/**
 * One node of the federation: a central institution, a township branch, a village or community centre, a reading
 * room or a mobile unit.
 *
 * @param id the federation-local short code, stable across reloads (lower case letters, digits and dashes)
 * @param kind what the site is
 * @param name its Chinese and English names
 * @param serviceLines the trees it belongs to (library, culture hall or both)
 * @param parentId the parent site's id; null for a central institution
 * @param areaCode the 12-digit statistical area code of where it stands
 * @param address its postal address, may be empty
 * @param location its coordinates
 * @param openingHours opening hours in OpenStreetMap {@code opening_hours} syntax, may be empty
 * @param floorArea the floor area open to the public, in square metres; null when not given
 * @param connector how its data reaches us
 */
public record Site(String id, SiteKind kind, LocalizedName name, Set<ServiceLine> serviceLines, String parentId,
		AreaCode areaCode, String address, GeoPoint location, String openingHours, Double floorArea,
		ConnectorSettings connector) {

	public Site {
		serviceLines = Set.copyOf(serviceLines);
	}

	public Optional<String> parent() {
		return Optional.ofNullable(parentId);
	}

}
