package org.branchlink.gateway.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchPage;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.gateway.holds.PickupSites;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.records.CatalogRequests;
import org.branchlink.gateway.records.UnifiedSearch;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The reader's search page and work page. */
@Controller
class SearchPageController {

	private final CatalogSearch search;

	private final SiteDirectory sites;

	private final UnifiedSearch unified;

	private final PickupSites pickup;

	private final ReaderRegistry readers;

	SearchPageController(CatalogSearch search, SiteDirectory sites, UnifiedSearch unified, PickupSites pickup,
			ReaderRegistry readers) {
		this.pickup = pickup;
		this.readers = readers;
		this.search = search;
		this.sites = sites;
		this.unified = unified;
	}

	@GetMapping("/search")
	@Public
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String near,
			@RequestParam(required = false) Integer yearFrom, @RequestParam(required = false) Integer yearTo,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam MultiValueMap<String, String> parameters, @AuthenticationPrincipal BranchLinkUser user,
			Model model) {
		SearchRequest request = CatalogRequests.of(q, near, yearFrom, yearTo, sort,
				page, 20, parameters);
		SearchPage results = unified.search(request, true);
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("currentSort", sort == null || sort.isBlank() ? "relevance" : sort);
		model.addAttribute("near", near == null ? "" : near);
		model.addAttribute("results", results);
		model.addAttribute("request", request);
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("toggle", toggles(results, parameters));
		int pages = (int) Math.min(50, (results.total() + 19) / 20);
		model.addAttribute("pages", pages);
		model.addAttribute("sortLinks", sortLinks(parameters, !model.getAttribute("near").toString().isEmpty()));
		model.addAttribute("pageLinks", pageLinks(parameters, pages));
		model.addAttribute("chosenFilters", chosenFilters(parameters));
		model.addAttribute("chosenFields", chosenFields(request, parameters));
		model.addAttribute("suggestions", suggestionLinks(results, parameters));
		model.addAttribute("advancedLink", advancedLink(parameters));
		model.addAttribute("user", user);
		return "search";
	}

	/** A field of the advanced search in force: its name, its words, the link to the search without it. */
	record ChosenField(String field, String value, String removeLink) {
	}

	/** The advanced search's fields in force, each with the link that takes it away. */
	private static List<ChosenField> chosenFields(SearchRequest request, MultiValueMap<String, String> parameters) {
		List<ChosenField> chosen = new ArrayList<>();
		request.fields().forEach((field, value) -> {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
			next.remove("page");
			next.remove("lang");
			next.remove(field);
			chosen.add(new ChosenField(field, value, link(next)));
		});
		return chosen;
	}

	/**
	 * Each search suggested where nothing was found, with its link: a spelling or a pinyin reading keeps the filters
	 * and the fields, a relaxed search keeps only the place and the order.
	 */
	private static List<Map.Entry<SearchPage.Suggestion, String>> suggestionLinks(SearchPage results,
			MultiValueMap<String, String> parameters) {
		List<Map.Entry<SearchPage.Suggestion, String>> links = new ArrayList<>();
		for (SearchPage.Suggestion suggestion : results.suggestions()) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>();
			if (suggestion.kind() == SearchPage.Suggestion.Kind.RELAXED) {
				for (String kept : List.of("near", "sort")) {
					String value = parameters.getFirst(kept);
					if (value != null && !value.isBlank()) {
						next.set(kept, value);
					}
				}
				next.set("match", "any");
			}
			else {
				next.addAll(parameters);
				next.remove("page");
				next.remove("lang");
			}
			next.set("q", suggestion.query());
			links.add(Map.entry(suggestion, link(next)));
		}
		return links;
	}

	/** The advanced search form, filled with this search's words, fields and years. */
	private static String advancedLink(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> next = new LinkedMultiValueMap<>();
		parameters.forEach((name, values) -> {
			if (AdvancedSearchController.FORM_FIELDS.contains(name)) {
				next.put(name, values);
			}
		});
		return ServletUriComponentsBuilder.fromPath("/search/advanced").queryParams(next).build().encode().toUriString();
	}

	@GetMapping("/works/{id}")
	@Public
	String work(@PathVariable String id, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("work", search.work(id).orElseThrow(() -> new NotFoundException("work", id)));
		model.addAttribute("user", user);
		model.addAttribute("pickupGroups", pickup.groups());
		model.addAttribute("pickupSite", user == null ? null : readers.byUsername(user.getUsername())
			.map(reader -> pickup.defaultFor(reader.homeSite())).orElse(null));
		return "work";
	}


	/** Each sort's link: the same search (query, filters, place) in that order, from its first page. */
	private static Map<String, String> sortLinks(MultiValueMap<String, String> parameters, boolean located) {
		Map<String, String> links = new LinkedHashMap<>();
		for (String sort : located ? List.of("relevance", "year", "distance") : List.of("relevance", "year")) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
			next.remove("page");
			next.remove("lang");
			next.set("sort", sort);
			links.put(sort, link(next));
		}
		return links;
	}

	/** Each page's link: the same search, filters and sort, another page. */
	private static List<String> pageLinks(MultiValueMap<String, String> parameters, int pages) {
		List<String> links = new ArrayList<>();
		for (int page = 0; page < pages; page++) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
			next.remove("lang");
			next.set("page", String.valueOf(page));
			links.add(link(next));
		}
		return links;
	}

	/** The filters in force, each with the link that takes it away. */
	private static List<Map.Entry<String, String>> chosenFilters(MultiValueMap<String, String> parameters) {
		List<Map.Entry<String, String>> chosen = new ArrayList<>();
		parameters.forEach((facet, values) -> {
			if (SearchRequest.FACETS.contains(facet)) {
				values.forEach(value -> chosen.add(Map.entry(facet, value)));
			}
		});
		return chosen;
	}

	private static String link(MultiValueMap<String, String> parameters) {
		return ServletUriComponentsBuilder.fromPath("/search").queryParams(parameters).build().encode().toUriString();
	}

	/** For each facet value, the link that adds it to the search, or takes it away when chosen. */
	private static Map<String, String> toggles(SearchPage results, MultiValueMap<String, String> parameters) {
		Map<String, String> links = new HashMap<>();
		results.facets().forEach((facet, values) -> values.forEach(value -> {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
			next.remove("page");
			next.remove("lang");
			if (facet.equals("year")) {
				String[] bounds = value.value().split("-");
				boolean chosen = bounds.length == 2 && bounds[0].equals(parameters.getFirst("yearFrom"));
				next.remove("yearFrom");
				next.remove("yearTo");
				if (!chosen && bounds.length == 2) {
					if (!bounds[0].isEmpty()) {
						next.set("yearFrom", bounds[0]);
					}
					next.set("yearTo", bounds[1]);
				}
			}
			else {
				List<String> chosen = new ArrayList<>(next.getOrDefault(facet, List.of()));
				if (!chosen.remove(value.value())) {
					chosen.add(value.value());
				}
				next.put(facet, chosen);
			}
			links.put(facet + "=" + value.value(), link(next));
		}));
		return links;
	}

}
