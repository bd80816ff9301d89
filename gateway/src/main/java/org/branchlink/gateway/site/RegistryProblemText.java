package org.branchlink.gateway.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.branchlink.gateway.web.SiteLabels;
import org.branchlink.site.RegistryProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A registry problem as the site pages word it, in the page's language: its code and field choose the bundle key
 * ({@code sites.problem.<code>.<field>}, else {@code sites.problem.<code>}), kinds are named by their word and sites by
 * their name. Problems about the site being edited go beside its form field; those about other sites name the site.
 */
@Component
class RegistryProblemText {

	/** The form field each value of a registry file is typed into. */
	private static final Map<String, String> FORM_FIELDS = Map.ofEntries(Map.entry("id", "id"), Map.entry("kind", "kind"),
			Map.entry("name", "nameZh"), Map.entry("name.zh", "nameZh"), Map.entry("name.en", "nameEn"),
			Map.entry("service-lines", "serviceLines"), Map.entry("parent", "parentId"),
			Map.entry("area-code", "areaCode"), Map.entry("address", "address"),
			Map.entry("opening-hours", "openingHours"), Map.entry("floor-area", "floorArea"), Map.entry("location", "location"),
			Map.entry("location.lat", "lat"), Map.entry("location.lon", "lon"));

	private final MessageSource messages;

	private final SiteLabels labels;

	RegistryProblemText(MessageSource messages, SiteLabels labels) {
		this.messages = messages;
		this.labels = labels;
	}

	/**
	 * The problems of one site by the form field they belong beside ({@code general} for those without one), each
	 * field's problems in one sentence.
	 */
	Map<String, String> byField(List<RegistryProblem> problems) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (RegistryProblem problem : problems) {
			String field = problem.field() == null ? "general" : FORM_FIELDS.getOrDefault(problem.field(), "general");
			byField.merge(field, text(problem), (a, b) -> a.equals(b) ? a : a + " " + b);
		}
		return byField;
	}

	/** A problem of another site, led by that site's name. */
	String aboutSite(RegistryProblem problem) {
		String site = problem.siteId() == null ? message("sites.problem.registry") : labels.name(problem.siteId());
		return message("sites.problem.of", site, text(problem));
	}

	/** The problem in words. */
	String text(RegistryProblem problem) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] args = args(problem);
		String specific = messages.getMessage("sites.problem." + problem.code() + "." + problem.field(), args, null, locale);
		if (specific != null) {
			return specific;
		}
		return messages.getMessage("sites.problem." + problem.code(), args,
				messages.getMessage("sites.problem.other", null, locale), locale);
	}

	private Object[] args(RegistryProblem problem) {
		List<String> args = problem.args();
		return switch (problem.code()) {
			case "parent-kind" -> new Object[] { kind(args.get(0)), kind(args.get(1)), labels.name(args.get(2)) };
			case "root-has-parent" -> new Object[] { kind(args.get(0)), labels.name(args.get(1)) };
			case "parent-needed" -> new Object[] { kind(args.get(0)) };
			default -> args.toArray();
		};
	}

	private String kind(String code) {
		return messages.getMessage("kind." + code, null, code, LocaleContextHolder.getLocale());
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
