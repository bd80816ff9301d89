package org.branchlink.site;

import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A site as a person types it into a form, before any check: every value as text, so that a wrong value reaches the
 * registry's validation and comes back as a {@link RegistryProblem} naming its field. The site's connector is not part
 * of a draft: an edited site keeps its own.
 *
 * @param id the site's id
 * @param kind a {@link SiteKind} code
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param serviceLines {@link ServiceLine} codes
 * @param parentId the parent's id; blank for a central institution
 * @param areaCode the 12-digit area code
 * @param address the postal address, may be blank
 * @param openingHours opening hours in OpenStreetMap syntax, may be blank
 * @param floorArea the floor area open to the public in square metres, may be blank
 * @param lat the latitude in decimal degrees
 * @param lon the longitude in decimal degrees
 */
public record SiteDraft(String id, String kind, String nameZh, String nameEn, List<String> serviceLines, String parentId,
		String areaCode, String address, String openingHours, String floorArea, String lat, String lon) {

	public SiteDraft {
		id = strip(id);
		kind = strip(kind);
		nameZh = strip(nameZh);
		nameEn = strip(nameEn);
		serviceLines = serviceLines == null ? List.of() : List.copyOf(serviceLines);
		parentId = strip(parentId);
		areaCode = strip(areaCode);
		address = strip(address);
		openingHours = strip(openingHours);
		floorArea = strip(floorArea);
		lat = strip(lat);
		lon = strip(lon);
	}

	/** The draft that leaves a site as it is. */
	public static SiteDraft of(Site site) {
		return new SiteDraft(site.id(), site.kind().code(), site.name().zh(), site.name().en(),
				site.serviceLines().stream().sorted().map(ServiceLine::code).toList(), site.parentId(),
				site.areaCode().value(), site.address(), site.openingHours(),
				site.floorArea() == null ? "" : BigDecimal.valueOf(site.floorArea()).stripTrailingZeros().toPlainString(),
				String.valueOf(site.location().lat()), String.valueOf(site.location().lon()));
	}

	/**
	 * A short fingerprint of this draft's values: a form carries the revision of the site it was read from, and a
	 * save whose site has another revision by then is refused ({@link SiteDirectory#change(String, SiteDraft, String,
	 * String)}).
	 */
	public String revision() {
		return DigestUtils.sha256Hex(toString()).substring(0, 16);
	}

	/** This draft under another parent. */
	public SiteDraft withParent(String parent) {
		return new SiteDraft(id, kind, nameZh, nameEn, serviceLines, parent, areaCode, address, openingHours, floorArea, lat,
				lon);
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}
