package org.branchlink.site;

/** The level of a site in the 总馆 → 分馆 → 服务点 hierarchy. */
public enum SiteLevel {

	/** 总馆: the county library or culture hall. */
	CENTRAL,
	/** 分馆: a township or subdistrict comprehensive culture station. */
	BRANCH,
	/** 服务点: a village or community comprehensive cultural service centre. */
	SERVICE_POINT,
	/** 城市书房, 百姓书房, 农家书屋 and self-service kiosks. */
	READING_ROOM,
	/** Bookmobiles, culture trucks and touring troupes; they belong to a central site. */
	MOBILE

}
