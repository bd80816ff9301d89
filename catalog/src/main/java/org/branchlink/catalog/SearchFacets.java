package org.branchlink.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.RangeFacet;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.branchlink.catalog.SearchPage.FacetValue;
import org.branchlink.catalog.index.SolrFields;

/**
 * The search's facets and filters: which request names stand for which Solr field, the filter queries a request's
 * chosen values make (each tagged, so its own facet still counts the other values), the facets asked for and read back.
 */
final class SearchFacets {

	static final Map<String, String> FACET_FIELDS = Map.of("site", SolrFields.HOLDING_SITE, "township",
			SolrFields.HOLDING_TOWNSHIP, "kind", SolrFields.HOLDING_SITE_KIND, "line", SolrFields.HOLDING_SERVICE_LINE,
			"format", SolrFields.FORMAT, "language", SolrFields.LANGUAGE, "clc", SolrFields.CLC_TOP, "online", SolrFields.ONLINE);

	/** The "on a shelf now" facet: its two values as queries on the in-place flag (a boolean cannot be set in place). */
	static final String AVAILABLE = "available";

	private static final Map<String, String> AVAILABLE_VALUES = Map.of("true", SolrFields.ON_SHELF + ":1",
			"false", SolrFields.ON_SHELF + ":0");

	private SearchFacets() {
	}

	/** The filter queries of a request's chosen facet values; an unknown facet name is refused. */
	static void filter(SolrQuery query, Map<String, List<String>> filters) {
		filters.forEach((facet, values) -> {
			if (AVAILABLE.equals(facet)) {
				List<String> clauses = values.stream().map(AVAILABLE_VALUES::get).filter(Objects::nonNull).toList();
				if (!clauses.isEmpty()) {
					query.addFilterQuery("{!tag=" + AVAILABLE + "}" + String.join(" OR ", clauses));
				}
				return;
			}
			String field = FACET_FIELDS.get(facet);
			if (field == null) {
				throw new IllegalArgumentException("unknown filter '" + facet + "'; one of " + SearchRequest.FACETS);
			}
			if (!values.isEmpty()) {
				query.addFilterQuery("{!tag=" + facet + "}" + field + ":("
						+ String.join(" OR ", values.stream().map(ClientUtils::escapeQueryChars).toList()) + ")");
			}
		});
	}

	/** Asks for every facet, each counted as if its own filter were not set (a chosen value does not hide the others). */
	static void request(SolrQuery query) {
		query.setFacet(true).setFacetMinCount(1).setFacetLimit(50);
		FACET_FIELDS.forEach((name, field) -> query.addFacetField("{!ex=" + name + " key=" + name + "}" + field));
		AVAILABLE_VALUES.forEach((value, clause) -> query.addFacetQuery("{!ex=" + AVAILABLE + " key=" + AVAILABLE + "."
				+ value + "}" + clause));
		query.add("facet.range", "{!ex=year key=year}" + SolrFields.YEAR);
		query.set("f." + SolrFields.YEAR + ".facet.range.start", 1900);
		query.set("f." + SolrFields.YEAR + ".facet.range.end", 2030);
		query.set("f." + SolrFields.YEAR + ".facet.range.gap", 10);
		query.set("f." + SolrFields.YEAR + ".facet.range.other", "before");
	}

	/** The facets of a response: field values, the two availability values, decades of publication. */
	static Map<String, List<FacetValue>> read(QueryResponse response) {
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		if (response.getFacetFields() != null) {
			for (FacetField field : response.getFacetFields()) {
				facets.put(field.getName(), field.getValues()
					.stream()
					.map(count -> new FacetValue(count.getName(), count.getCount()))
					.toList());
			}
		}
		if (response.getFacetQuery() != null) {
			List<FacetValue> available = new ArrayList<>();
			response.getFacetQuery().forEach((key, count) -> {
				if (key.startsWith(AVAILABLE + ".") && count > 0) {
					available.add(new FacetValue(key.substring(AVAILABLE.length() + 1), count));
				}
			});
			available.sort(Comparator.comparingLong(FacetValue::count).reversed());
			facets.put(AVAILABLE, available);
		}
		if (response.getFacetRanges() != null) {
			for (RangeFacet<?, ?> range : response.getFacetRanges()) {
				List<FacetValue> values = new ArrayList<>();
				if (range.getBefore() != null && range.getBefore().intValue() > 0) {
					values.add(new FacetValue("-1899", range.getBefore().longValue()));
				}
				for (RangeFacet.Count count : range.getCounts()) {
					if (count.getCount() > 0) {
						int from = Integer.parseInt(count.getValue());
						values.add(new FacetValue(from + "-" + (from + 9), count.getCount()));
					}
				}
				facets.put("year", values);
			}
		}
		return facets;
	}

}
