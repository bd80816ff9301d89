package org.branchlink.gateway.web;

import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.record.Isbn;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The advanced search: one labelled field each for the words, title, author, subject, ISBN, call number, publisher and
 * the years of publication. The form asks this page again: with a problem (a year that is none, a first year after the
 * last, an ISBN that is none) it answers beside the field; else it sends the reader to the search page with the
 * fields as its parameters, which every link of the results keeps.
 */
@Controller
class AdvancedSearchController {

	/** The form's fields, in the order the search page's parameters take them. */
	static final List<String> FORM_FIELDS = List.of("q", "title", "author", "subject", "isbn", "callNumber", "publisher",
			"yearFrom", "yearTo");

	private final Clock clock;

	private final PageMessages messages;

	AdvancedSearchController(Clock clock, PageMessages messages) {
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/search/advanced")
	@Public
	String form(@RequestParam MultiValueMap<String, String> parameters, @RequestParam(required = false) String run,
			@AuthenticationPrincipal BranchLinkUser user, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		FORM_FIELDS.forEach(field -> form.put(field, value(parameters, field)));
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		if (run == null) {
			model.addAttribute("problems", Map.of());
			return "advanced-search";
		}
		Map<String, String> problems = problems(form);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("refused", messages.text("search.advanced.problems"));
			return "advanced-search";
		}
		MultiValueMap<String, String> search = new LinkedMultiValueMap<>();
		form.forEach((field, value) -> {
			if (!value.isEmpty()) {
				search.set(field, value);
			}
		});
		return "redirect:" + UriComponentsBuilder.fromPath("/search").queryParams(search).build().encode().toUriString();
	}

	/** Each field's problem, as a message key; an empty form is a problem of the words' field. */
	private Map<String, String> problems(Map<String, String> form) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (form.values().stream().allMatch(String::isEmpty)) {
			problems.put("q", "search.advanced.empty");
		}
		Integer from = year(form.get("yearFrom"), "yearFrom", problems);
		Integer to = year(form.get("yearTo"), "yearTo", problems);
		if (from != null && to != null && from > to) {
			problems.put("yearTo", "search.advanced.year.order");
		}
		if (!form.get("isbn").isEmpty() && Isbn.normalize(form.get("isbn")).isEmpty()) {
			problems.put("isbn", "search.advanced.isbn.invalid");
		}
		return problems;
	}

	private Integer year(String text, String field, Map<String, String> problems) {
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("\\d{4}") || Integer.parseInt(text) > Year.now(clock).getValue() + 1) {
			problems.put(field, "search.advanced.year.invalid");
			return null;
		}
		return Integer.parseInt(text);
	}

	private static String value(MultiValueMap<String, String> parameters, String field) {
		String value = parameters.getFirst(field);
		return value == null ? "" : value.strip();
	}

}
