package org.branchlink.gateway.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.branchlink.catalog.SearchRequest;

import org.springframework.util.MultiValueMap;

/** Reads a search from request parameters, for the API and the search page alike. */
public final class CatalogRequests {

	private CatalogRequests() {
	}

	/**
	 * Also reads the advanced search's fields ({@link SearchRequest#FIELDS}: {@code title}, {@code author}…) and
	 * {@code match=any} for a search where any word is enough.
	 * @throws IllegalArgumentException for an unknown sort, a malformed {@code near} or out-of-range paging; answered
	 * as 400
	 */
	public static SearchRequest of(String q, String near, Integer yearFrom, Integer yearTo, String sort, int page,
			int rows, MultiValueMap<String, String> parameters) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String facet : SearchRequest.FACETS) {
			List<String> values = parameters.getOrDefault(facet, List.of()).stream().filter(v -> !v.isBlank()).toList();
			if (!values.isEmpty()) {
				filters.put(facet, new ArrayList<>(values));
			}
		}
		SearchRequest.Sort order = null;
		if (sort != null && !sort.isBlank()) {
			try {
				order = SearchRequest.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("sort must be relevance, year, title or distance, got '" + sort + "'");
			}
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : SearchRequest.FIELDS) {
			String value = parameters.getFirst(field);
			if (value != null && !value.isBlank()) {
				fields.put(field, value);
			}
		}
		return new SearchRequest(q, filters, yearFrom, yearTo,
				near == null || near.isBlank() ? null : SearchRequest.Point.parse(near), order, page, rows, fields,
				"any".equals(parameters.getFirst("match")));
	}

}
