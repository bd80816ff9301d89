package org.branchlink.site;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a site is. The kind fixes the site's level and which levels its parent may be at: a township station sits under
 * a central institution, a village centre under a township station, a mobile unit under a central site.
 */
public enum SiteKind {

	CENTRAL_LIBRARY("central_library", SiteLevel.CENTRAL),
	CENTRAL_CULTURE_CENTER("central_culture_center", SiteLevel.CENTRAL),
	TOWNSHIP_STATION("township_station", SiteLevel.BRANCH),
	VILLAGE_CENTER("village_center", SiteLevel.SERVICE_POINT),
	COMMUNITY_CENTER("community_center", SiteLevel.SERVICE_POINT),
	VILLAGE_CULTURE_HALL("village_culture_hall", SiteLevel.SERVICE_POINT),
	CITY_STUDY_ROOM("city_study_room", SiteLevel.READING_ROOM),
	COMMUNITY_READING_ROOM("community_reading_room", SiteLevel.READING_ROOM),
	FARMERS_READING_ROOM("farmers_reading_room", SiteLevel.READING_ROOM),
	SELF_SERVICE_KIOSK("self_service_kiosk", SiteLevel.READING_ROOM),
	BOOKMOBILE("bookmobile", SiteLevel.MOBILE),
	CULTURE_TRUCK("culture_truck", SiteLevel.MOBILE),
	TOURING_TROUPE("touring_troupe", SiteLevel.MOBILE);

	private final String code;

	private final SiteLevel level;

	SiteKind(String code, SiteLevel level) {
		this.code = code;
		this.level = level;
	}

	public String code() {
		return code;
	}

	public SiteLevel level() {
		return level;
	}

	/** Whether a site of this kind has no parent: only the central institutions are roots. */
	public boolean isRoot() {
		return level == SiteLevel.CENTRAL;
	}

	/** The levels a parent of a site of this kind may be at; empty for roots. */
	public Set<SiteLevel> parentLevels() {
		return switch (level) {
			case CENTRAL -> EnumSet.noneOf(SiteLevel.class);
			case BRANCH, MOBILE -> EnumSet.of(SiteLevel.CENTRAL);
			case SERVICE_POINT -> EnumSet.of(SiteLevel.BRANCH);
			case READING_ROOM -> EnumSet.of(SiteLevel.CENTRAL, SiteLevel.BRANCH, SiteLevel.SERVICE_POINT);
		};
	}

	public boolean mayBeUnder(SiteKind parent) {
		return parentLevels().contains(parent.level);
	}

	public static Optional<SiteKind> fromCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}

}
