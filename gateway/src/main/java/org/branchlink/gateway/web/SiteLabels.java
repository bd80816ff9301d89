package org.branchlink.gateway.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages name what the data stores by code, in the reader's language: a site by its name (never its id), opening
 * hours in words ({@code Mo-Fr 08:30-17:00} → 周一至周五 08:30–17:00), a MARC language code by the language's name
 * ({@code chi} → 中文), a search facet's value by its word. Templates call it as {@code ${@siteLabels.name(id)}}.
 */
@Component("siteLabels")
public class SiteLabels {

	/** MARC (ISO 639-2/B) codes that differ from the terminological codes Java knows. */
	private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("chi", "zho"),
			Map.entry("fre", "fra"), Map.entry("ger", "deu"), Map.entry("tib", "bod"), Map.entry("dut", "nld"),
			Map.entry("cze", "ces"), Map.entry("gre", "ell"), Map.entry("per", "fas"), Map.entry("rum", "ron"),
			Map.entry("slo", "slk"), Map.entry("wel", "cym"), Map.entry("alb", "sqi"), Map.entry("arm", "hye"),
			Map.entry("baq", "eus"), Map.entry("bur", "mya"), Map.entry("geo", "kat"), Map.entry("ice", "isl"),
			Map.entry("mac", "mkd"), Map.entry("mao", "mri"), Map.entry("may", "msa"));

	private static final Map<String, String> TWO_LETTER = new HashMap<>();

	static {
		for (String language : Locale.getISOLanguages()) {
			TWO_LETTER.put(new Locale(language).getISO3Language(), language);
		}
	}

	private final SiteDirectory sites;

	private final OpeningHoursText hours;

	private final MessageSource messages;

	SiteLabels(SiteDirectory sites, MessageSource messages) {
		this.sites = sites;
		this.messages = messages;
		this.hours = new OpeningHoursText(messages);
	}

	/** A search facet's value as a reader reads it: sites by name, codes by their word, languages by name. */
	public String facet(String facet, String value) {
		return switch (facet) {
			case "site", "township" -> name(value);
			case "language" -> language(value);
			case "kind", "clc", "available", "format", "online" -> word(facet + "." + value, value);
			case "line" -> word("line." + value.toUpperCase(Locale.ROOT), value);
			default -> value;
		};
	}

	private String word(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	/** The site's name in the page's language; the id only for a site the registry no longer knows. */
	public String name(String siteId) {
		if (siteId == null) {
			return "";
		}
		Site site = sites.byId().get(siteId);
		return site == null ? siteId : name(site);
	}

	/** The county federation's name in the page's language; empty before a registry is loaded. */
	public String federationName() {
		return sites.current().map(registry -> english() ? registry.federation().name().en()
				: registry.federation().name().zh()).orElse("");
	}

	public String name(Site site) {
		return english() ? site.name().en() : site.name().zh();
	}

	/** Opening hours in words, or as written when they use syntax beyond days and times. */
	public String hours(String openingHours) {
		return hours.describe(openingHours, LocaleContextHolder.getLocale());
	}

	/** A MARC or ISO 639 language code by the language's name. */
	public String language(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String lower = code.strip().toLowerCase(Locale.ROOT);
		String terminological = BIBLIOGRAPHIC.getOrDefault(lower, lower);
		String language = lower.length() == 2 ? lower : TWO_LETTER.getOrDefault(terminological, terminological);
		String name = new Locale(language).getDisplayLanguage(LocaleContextHolder.getLocale());
		return name.isEmpty() || name.equals(language) ? code : name;
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
