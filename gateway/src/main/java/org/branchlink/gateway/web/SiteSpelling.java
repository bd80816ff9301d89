package org.branchlink.gateway.web;

import org.branchlink.catalog.PinyinText;
import org.branchlink.site.Site;

import org.springframework.stereotype.Component;

/**
 * A site's Chinese name in pinyin and initials, for a filter that finds 白石镇 by {@code baishi} or {@code bsz}:
 * templates use it as {@code @siteSpelling}.
 */
@Component("siteSpelling")
public class SiteSpelling {

	/** The Chinese name, which the pinyin spells, whatever the page's language. */
	public String chinese(Site site) {
		return site.name().zh();
	}

	public String pinyin(Site site) {
		return PinyinText.syllables(site.name().zh());
	}

	public String initials(Site site) {
		return PinyinText.initials(site.name().zh());
	}

}
