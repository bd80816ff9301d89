package org.branchlink.gateway.volunteer;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Volunteer skills by name: the skills the county knows are kept by code ({@code calligraphy}) and shown by their word
 * in the page's language (书法); a skill typed in either language is kept and searched by its code. Any other skill is
 * free text, kept and shown as typed. Templates call it as {@code ${@volunteerSkills.name(skill)}}.
 */
@Component("volunteerSkills")
public class VolunteerSkills {

	static final List<String> CODES = List.of("reading", "calligraphy", "guiding", "computer", "performance");

	private final MessageSource messages;

	VolunteerSkills(MessageSource messages) {
		this.messages = messages;
	}

	/** The skill as the page's reader reads it. */
	public String name(String skill) {
		if (!CODES.contains(skill)) {
			return skill;
		}
		return messages.getMessage("volunteers.skill." + skill, null, skill, LocaleContextHolder.getLocale());
	}

	/** The code of a skill typed by its name (in the page's language or English) or code; other text as typed. */
	public String code(String typed) {
		String text = typed == null ? "" : typed.strip();
		for (String code : CODES) {
			if (code.equalsIgnoreCase(text) || text.equals(name(code))
					|| text.equalsIgnoreCase(word(code, Locale.ENGLISH))) {
				return code;
			}
		}
		return text;
	}

	private String word(String code, Locale locale) {
		return messages.getMessage("volunteers.skill." + code, null, code, locale);
	}

}
