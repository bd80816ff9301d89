package org.branchlink.catalog.event;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.SearchPage.FacetValue;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;

import org.springframework.stereotype.Component;

/**
 * Search over events and mobile stops in the catalogue's index: the reader's words through {@code event_qf} (and
 * pinyin for Latin input, as for works), upcoming first or nearest first, facets by category, audience and when
 * (today, this week, this month, later; in the county's time zone).
 */
@Component
public class EventSearch {

	/** The "when" facet's buckets, as Solr date math from the start of today. */
	static final Map<String, String> WHEN = new LinkedHashMap<>();

	static {
		WHEN.put("today", "[NOW/DAY TO NOW/DAY+1DAY}");
		WHEN.put("week", "[NOW/DAY TO NOW/DAY+7DAYS}");
		WHEN.put("month", "[NOW/DAY TO NOW/DAY+1MONTH}");
		WHEN.put("later", "[NOW/DAY+1MONTH TO *]");
	}

	/**
	 * What to look for.
	 *
	 * @param text the reader's words, may be empty
	 * @param categories category codes, any of them
	 * @param audiences audience codes, any of them
	 * @param when one of today, week, month, later; null for anything from now on
	 * @param from events ending after this (default now)
	 * @param lat the reader's latitude, or null
	 * @param lon the reader's longitude, or null
	 * @param zone the county's time zone for "today"
	 * @param rows how many
	 * @param modes service mode codes, any of them
	 */
	public record Query(String text, List<String> categories, List<String> audiences, String when, Instant from,
			Double lat, Double lon, String zone, int rows, List<String> modes) {

		/** Any service mode. */
		public Query(String text, List<String> categories, List<String> audiences, String when, Instant from, Double lat,
				Double lon, String zone, int rows) {
			this(text, categories, audiences, when, from, lat, lon, zone, rows, List.of());
		}

		public Query {
			text = text == null ? "" : text.strip();
			categories = categories == null ? List.of() : List.copyOf(categories);
			audiences = audiences == null ? List.of() : List.copyOf(audiences);
			modes = modes == null ? List.of() : List.copyOf(modes);
			for (String mode : modes) {
				ServiceMode.parse(mode).orElseThrow(() -> new IllegalArgumentException("unknown service mode '" + mode + "'"));
			}
			if (when != null && !when.isEmpty() && !WHEN.containsKey(when)) {
				throw new IllegalArgumentException("unknown 'when' " + when + "; one of " + WHEN.keySet());
			}
			for (String category : categories) {
				EventCategory.parse(category)
					.orElseThrow(() -> new IllegalArgumentException("unknown category '" + category + "'"));
			}
			for (String audience : audiences) {
				Audience.parse(audience).orElseThrow(() -> new IllegalArgumentException("unknown audience '" + audience + "'"));
			}
		}

	}

	/** One event found. */
	public record Hit(long id, String title, String description, String category, String kind, String siteId,
			String place, Instant starts, Instant ends, List<String> audience, boolean accessible, double fee,
			Double distanceKm, String mode, String onlineUrl) {
	}

	/** A page of events found, with the total and the facets. */
	public record Page(long total, List<Hit> hits, Map<String, List<FacetValue>> facets) {
	}

	private final SolrClient solr;

	EventSearch(SolrClient solr) {
		this.solr = solr;
	}

	public Page search(Query request) {
		SolrQuery query = solrQuery(request, true);
		boolean near = request.lat() != null && request.lon() != null;
		QueryResponse response = execute(query);
		List<Hit> hits = new ArrayList<>();
		for (SolrDocument doc : response.getResults()) {
			hits.add(hit(doc, near));
		}
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		for (FacetField field : response.getFacetFields()) {
			facets.put(field.getName(),
					field.getValues().stream().map(c -> new FacetValue(c.getName(), c.getCount())).toList());
		}
		List<FacetValue> when = new ArrayList<>();
		response.getFacetQuery().forEach((key, count) -> {
			if (count > 0) {
				when.add(new FacetValue(key, count));
			}
		});
		facets.put("when", when);
		return new Page(response.getResults().getNumFound(), hits, facets);
	}

	/** The matching events alone, without facets: a few coming events shown beside other results. */
	public List<Hit> hits(Query request) {
		boolean near = request.lat() != null && request.lon() != null;
		return execute(solrQuery(request, false)).getResults().stream().map(doc -> hit(doc, near)).toList();
	}

	/** The Solr query a search sends, for benchmarks that compare against raw SolrJ with the very same query. */
	public SolrQuery solrQuery(Query request, boolean facets) {
		SolrQuery query = new SolrQuery();
		if (request.text().isEmpty()) {
			query.setQuery("*:*");
		}
		else {
			query.set("uq", request.text());
			query.set("qmain", "{!edismax qf=$event_qf pf=$event_pf mm=$work_mm v=$uq}");
			String pinyin = Pinyin.isLatinQuery(request.text()) ? Pinyin.segment(request.text()) : "";
			if (pinyin.isEmpty()) {
				query.setQuery("{!query v=$qmain}");
			}
			else {
				query.set("qpy", SolrFields.TITLE_PINYIN + ":\"" + pinyin + "\"");
				query.setQuery("{!bool should=$qmain should=$qpy}");
			}
		}
		query.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_EVENT);
		Instant from = request.from() == null ? Instant.now() : request.from();
		query.addFilterQuery(SolrFields.EVENT_END + ":[" + from + " TO *]");
		query.set("TZ", request.zone());
		filter(query, "category", SolrFields.EVENT_CATEGORY,
				request.categories().stream().map(c -> EventCategory.parse(c).orElseThrow().code()).toList());
		filter(query, "audience", SolrFields.AUDIENCE,
				request.audiences().stream().map(a -> Audience.parse(a).orElseThrow().code()).toList());
		filter(query, "mode", SolrFields.SERVICE_MODE,
				request.modes().stream().map(m -> ServiceMode.parse(m).orElseThrow().code()).toList());
		if (request.when() != null && !request.when().isEmpty()) {
			query.addFilterQuery("{!tag=when}" + SolrFields.EVENT_START + ":" + WHEN.get(request.when()));
		}
		boolean near = request.lat() != null && request.lon() != null;
		if (near) {
			query.set("pt", request.lat() + "," + request.lon());
			query.set("sfield", SolrFields.LOCATION);
			query.addSort("geodist()", SolrQuery.ORDER.asc);
			query.setFields("*", "distance:geodist()");
		}
		if (!request.text().isEmpty()) {
			query.addSort("score", SolrQuery.ORDER.desc);
		}
		query.addSort(SolrFields.EVENT_START, SolrQuery.ORDER.asc).addSort(SolrFields.ID, SolrQuery.ORDER.asc);
		if (facets) {
			query.setFacet(true).setFacetMinCount(1);
			query.addFacetField("{!ex=category key=category}" + SolrFields.EVENT_CATEGORY);
			query.addFacetField("{!ex=audience key=audience}" + SolrFields.AUDIENCE);
			query.addFacetField("{!ex=mode key=mode}" + SolrFields.SERVICE_MODE);
			WHEN.forEach((key, range) -> query.addFacetQuery("{!ex=when key=" + key + "}" + SolrFields.EVENT_START + ":" + range));
		}
		query.setRows(request.rows());
		return query;
	}

	private static void filter(SolrQuery query, String tag, String field, List<String> values) {
		if (!values.isEmpty()) {
			query.addFilterQuery("{!tag=" + tag + "}" + field + ":("
					+ String.join(" OR ", values.stream().map(ClientUtils::escapeQueryChars).toList()) + ")");
		}
	}

	private static Hit hit(SolrDocument doc, boolean near) {
		String id = (String) doc.getFieldValue(SolrFields.ID);
		Object distance = doc.getFieldValue("distance");
		return new Hit(Long.parseLong(id.substring(id.indexOf(':') + 1)), (String) doc.getFieldValue(SolrFields.TITLE),
				(String) doc.getFieldValue(SolrFields.DESCRIPTION), (String) doc.getFieldValue(SolrFields.EVENT_CATEGORY),
				(String) doc.getFieldValue(SolrFields.EVENT_KIND), (String) doc.getFieldValue(SolrFields.SITE_ID),
				(String) doc.getFieldValue(SolrFields.PLACE),
				((Date) doc.getFieldValue(SolrFields.EVENT_START)).toInstant(),
				((Date) doc.getFieldValue(SolrFields.EVENT_END)).toInstant(),
				strings(doc.getFieldValues(SolrFields.AUDIENCE)), Boolean.TRUE.equals(doc.getFieldValue(SolrFields.ACCESSIBLE)),
				doc.getFieldValue(SolrFields.FEE) == null ? 0 : ((Number) doc.getFieldValue(SolrFields.FEE)).doubleValue(),
				near && distance != null ? Math.round(((Number) distance).doubleValue() * 100) / 100.0 : null,
				doc.getFieldValue(SolrFields.SERVICE_MODE) != null ? (String) doc.getFieldValue(SolrFields.SERVICE_MODE)
						: "mobile_stop".equals(doc.getFieldValue(SolrFields.EVENT_KIND)) ? ServiceMode.MOBILE.code() : ServiceMode.VENUE.code(),
				(String) doc.getFirstValue(SolrFields.ONLINE_URL));
	}

	private static List<String> strings(Collection<Object> values) {
		return values == null ? List.of() : values.stream().map(String::valueOf).toList();
	}

	private QueryResponse execute(SolrQuery query) {
		try {
			return solr.query(query);
		}
		catch (SolrServerException | IOException | SolrException ex) {
			throw CatalogIndexException.of("event search failed", ex);
		}
	}

}
