package org.branchlink.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.branchlink.catalog.SearchPage.Holding;
import org.branchlink.catalog.SearchPage.NearestCopy;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.SearchRequest.Point;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.catalog.record.Isbn;

import org.springframework.stereotype.Component;

/**
 * The unified search over every site's catalogue. Relevance lives in {@code solrconfig.xml} ({@code work_qf},
 * {@code work_pf}, {@code work_mm}); this class adds pinyin and initials for Latin queries, ISBN lookups, filters with
 * multi-select facets, year ranges, sorting by distance to the nearest copy on the shelf, and highlighting.
 */
@Component
public class CatalogSearch {

	private static final double FAR_AWAY_KM = 20_000;

	/** How many other editions a hit lists. */
	private static final int EDITIONS_LISTED = 10;

	private final SolrClient solr;

	private final WorkStore store;

	CatalogSearch(SolrClient solr, WorkStore store) {
		this.solr = solr;
		this.store = store;
	}

	public SearchPage search(SearchRequest request) {
		return search(request, false);
	}

	/**
	 * A search; with {@code editionsTogether} the editions of one book are one hit (the best-matching one) listing the
	 * others (Solr's collapse on {@code title_family}, and expand for the rest), as a reader's result list shows them.
	 */
	public SearchPage search(SearchRequest request, boolean editionsTogether) {
		SolrQuery query = solrQuery(request);
		if (editionsTogether) {
			query.addFilterQuery("{!collapse field=" + SolrFields.TITLE_FAMILY + " nullPolicy=expand}");
			query.set("expand", true);
			query.set("expand.rows", EDITIONS_LISTED);
			query.set("expand.sort", SolrFields.YEAR + " desc");
			query.set("expand.fl", SolrFields.ID + "," + SolrFields.TITLE + "," + SolrFields.YEAR + ","
					+ SolrFields.ON_SHELF);
		}
		QueryResponse response = execute(query);
		Map<String, WorkStore.HoldingSite> sites = request.near() == null ? Map.of() : store.sites();
		Map<String, SolrDocumentList> expanded = response.getExpandedResults() == null ? Map.of()
				: response.getExpandedResults();
		List<WorkHit> works = new ArrayList<>();
		for (SolrDocument doc : response.getResults()) {
			WorkHit hit = hit(doc, request.near(), sites, response.getHighlighting());
			SolrDocumentList others = expanded.get((String) doc.getFieldValue(SolrFields.TITLE_FAMILY));
			if (others != null && !others.isEmpty()) {
				hit = new WorkHit(hit.id(), hit.title(), hit.authors(), hit.year(), hit.publisher(), hit.isbns(),
						hit.formats(), hit.classes(), hit.items(), hit.available(), hit.holdings(), hit.nearest(),
						hit.highlights(), hit.onlineUrls(), others.stream()
							.map(other -> new SearchPage.Edition((String) other.getFieldValue(SolrFields.ID),
									(String) other.getFieldValue(SolrFields.TITLE), (Integer) other.getFieldValue(SolrFields.YEAR),
									number(other.getFieldValue(SolrFields.ON_SHELF)) > 0))
							.toList());
			}
			works.add(hit);
		}
		SearchPage page = new SearchPage(response.getResults().getNumFound(), request.page(), request.rows(), works,
				SearchFacets.read(response), query.get("pinyin", ""), response.getQTime());
		if (page.total() == 0 && request.hasWords()) {
			return page.withSuggestions(new ZeroResultHelp(solr, this::count).suggestions(request));
		}
		return page;
	}

	/** How many works a search finds, the editions of a book once (no page, facets or highlights fetched). */
	public long count(SearchRequest request) {
		SolrQuery query = solrQuery(request).setRows(0).setFacet(false).setHighlight(false);
		query.remove("facet.range");
		// as the readers' page counts: the editions of one book once
		query.addFilterQuery("{!collapse field=" + SolrFields.TITLE_FAMILY + " nullPolicy=expand}");
		return execute(query).getResults().getNumFound();
	}

	/** The Solr query a search sends, for benchmarks that compare against raw SolrJ with the very same query. */
	public SolrQuery solrQuery(SearchRequest request) {
		SolrQuery query = new SolrQuery();
		String pinyin = mainQuery(query, request);
		query.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK);
		SearchFacets.filter(query, request.filters());
		if (request.yearFrom() != null || request.yearTo() != null) {
			query.addFilterQuery("{!tag=year}" + SolrFields.YEAR + ":[" + bound(request.yearFrom()) + " TO "
					+ bound(request.yearTo()) + "]");
		}
		sort(query, request);
		SearchFacets.request(query);
		query.setHighlight(true)
			.addHighlightField(SolrFields.TITLE)
			.addHighlightField(SolrFields.AUTHOR)
			.setHighlightSimplePre("<mark>")
			.setHighlightSimplePost("</mark>");
		query.set("hl.method", "unified");
		// the stored text comes from outside (site systems, uploads, harvests): Solr escapes it, only the marks are ours
		query.set("hl.encoder", "html");
		query.setStart(request.page() * request.rows()).setRows(request.rows());
		query.setFields(SolrFields.ID, SolrFields.TITLE, SolrFields.TITLE_FAMILY, SolrFields.AUTHOR, SolrFields.YEAR, SolrFields.PUBLISHER,
				SolrFields.ISBN, SolrFields.FORMAT, SolrFields.CLC, SolrFields.ITEM_COUNT, SolrFields.ONLINE_URL,
				COPIES + ":[subquery]");
		withCopies(query);
		if (!pinyin.isEmpty()) {
			query.set("pinyin", pinyin);
		}
		return query;
	}

	/** Titles starting with what the reader has typed so far, most available first. */
	public List<String> suggest(String prefix, int limit) {
		if (prefix == null || prefix.isBlank()) {
			return List.of();
		}
		SolrQuery query = new SolrQuery("{!field f=title_suggest}" + prefix.strip())
			.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK)
			.setFields(SolrFields.TITLE)
			.setRows(limit * 2)
			.addSort(SolrFields.ON_SHELF, SolrQuery.ORDER.desc)
			.addSort(SolrFields.ITEM_COUNT, SolrQuery.ORDER.desc);
		return execute(query).getResults()
			.stream()
			.map(doc -> (String) doc.getFieldValue(SolrFields.TITLE))
			.distinct()
			.limit(limit)
			.toList();
	}

	/** One work by id, or empty. */
	public Optional<WorkHit> work(String id) {
		SolrQuery query = new SolrQuery("{!term f=id}" + id).addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK);
		query.setFields("*", COPIES + ":[subquery]");
		withCopies(query);
		QueryResponse response = execute(query);
		return response.getResults().stream().findFirst().map(doc -> hit(doc, null, Map.of(), Map.of()));
	}

	/** Every document of the index (works, sites, events): the health check's question. */
	public long countDocuments() {
		return execute(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
	}

	/** How many works the index holds. */
	public long countWorks() {
		return execute(new SolrQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK).setRows(0)).getResults().getNumFound();
	}

	/**
	 * Sets {@code q}: the query's words and, each a clause that must match, the fielded words of an advanced search.
	 * Every text a reader typed goes into a parameter of its own, never into the query syntax.
	 * @return the pinyin syllables the query was read as, or empty
	 */
	private String mainQuery(SolrQuery query, SearchRequest request) {
		String pinyin = request.query().isEmpty() ? "" : textQuery(query, request.query(), request.anyWord());
		if (request.fields().isEmpty()) {
			if (request.query().isEmpty()) {
				query.setQuery("*:*");
			}
			return pinyin;
		}
		StringBuilder bool = new StringBuilder("{!bool");
		if (!request.query().isEmpty()) {
			query.set("qtext", query.getQuery());
			bool.append(" must=$qtext");
		}
		request.fields().forEach((field, value) -> bool.append(" must=$").append(FieldedClauses.add(query, field, value)));
		query.setQuery(bool.append("}").toString());
		return pinyin;
	}

	private String textQuery(SolrQuery query, String text, boolean anyWord) {
		Optional<String> isbn = text.matches("[0-9０-９Xx\\- ]{10,17}") ? Isbn.normalize(text) : Optional.empty();
		if (isbn.isPresent()) {
			query.setQuery(SolrFields.ISBN + ":" + isbn.get());
			return "";
		}
		query.set("uq", text);
		query.set("qmain", "{!edismax qf=$work_qf pf=$work_pf mm=" + (anyWord ? "1" : "$work_mm") + " v=$uq}");
		if (!Pinyin.isLatinQuery(text)) {
			query.setQuery("{!query v=$qmain}");
			return "";
		}
		String pinyin = Pinyin.segment(text);
		StringBuilder bool = new StringBuilder("{!bool should=$qmain");
		if (!pinyin.isEmpty()) {
			query.set("qpy", SolrFields.TITLE_PINYIN + ":\"" + pinyin + "\"");
			bool.append(" should=$qpy");
		}
		String initials = Pinyin.withoutTones(text).replace(" ", "").toLowerCase(Locale.ROOT);
		if (initials.length() >= 2 && initials.length() <= 12) {
			query.set("qini", SolrFields.TITLE_INITIALS + ":" + ClientUtils.escapeQueryChars(initials));
			bool.append(" should=$qini");
		}
		query.setQuery(bool.append("}").toString());
		return pinyin;
	}

	private static void sort(SolrQuery query, SearchRequest request) {
		if (request.near() != null) {
			query.set("pt", request.near().lat() + "," + request.near().lon());
			// the nearest copy on a shelf is on the work's copies document: the least distance of its places, joined
			query.set("distcopies", "{!geofilt sfield=" + SolrFields.AVAILABLE_LOCATION + " d=" + FAR_AWAY_KM
					+ " score=kilometers}");
			query.set("distq", "{!join from=" + SolrFields.WORK_ID + " to=" + SolrFields.ID + " score=min v=$distcopies}");
		}
		switch (request.sort()) {
			case DISTANCE -> query.addSort("query($distq," + FAR_AWAY_KM + ")", SolrQuery.ORDER.asc)
				.addSort("score", SolrQuery.ORDER.desc);
			case YEAR -> query.addSort(SolrFields.YEAR, SolrQuery.ORDER.desc).addSort("score", SolrQuery.ORDER.desc);
			case TITLE -> query.addSort(SolrFields.TITLE_SORT, SolrQuery.ORDER.asc);
			case RELEVANCE -> query.addSort("score", SolrQuery.ORDER.desc)
				.addSort(SolrFields.ON_SHELF, SolrQuery.ORDER.desc)
				.addSort(SolrFields.YEAR, SolrQuery.ORDER.desc);
		}
		query.addSort(SolrFields.ID, SolrQuery.ORDER.asc);
	}

	/** A copy's status when it is on a shelf. */
	private static final String AVAILABLE = "available";

	/** The pseudo-field a hit's copies document comes in ({@code [subquery]}). */
	private static final String COPIES = "copies";

	/**
	 * Each hit brings its copies document in the same request (Solr's {@code [subquery]} transformer, run where the
	 * hit is retrieved: the copies document lives on its work's shard, so the subquery stays on that shard).
	 */
	private static void withCopies(SolrQuery query) {
		query.set(COPIES + ".q", "{!term f=" + SolrFields.WORK_ID + " v=$row." + SolrFields.ID + "}");
		query.set(COPIES + ".fl", SolrFields.HOLDINGS);
		query.set(COPIES + ".rows", 1);
		query.set(COPIES + ".distrib", false);
	}

	/** The holdings lines of a hit, from its copies document. */
	private static List<String> holdings(SolrDocument doc) {
		if (doc.getFieldValue(COPIES) instanceof SolrDocumentList copies && !copies.isEmpty()) {
			return strings(copies.get(0).getFieldValues(SolrFields.HOLDINGS));
		}
		return List.of();
	}

	private static WorkHit hit(SolrDocument doc, Point near, Map<String, WorkStore.HoldingSite> sites,
			Map<String, Map<String, List<String>>> highlighting) {
		String id = (String) doc.getFieldValue(SolrFields.ID);
		List<Holding> holdings = new ArrayList<>();
		List<String> lines = holdings(doc);
		for (String holding : lines) {
			String[] parts = holding.split("\t", -1);
			holdings.add(new Holding(parts[0], parts[1], parts[2], parts[3], parts[4],
					parts.length > 5 && !parts[5].isEmpty() ? parts[5] : null,
					parts.length > 6 && !parts[6].isEmpty() ? parts[6] : null));
		}
		NearestCopy nearest = null;
		if (near != null) {
			for (Holding holding : holdings) {
				WorkStore.HoldingSite at = sites.get(holding.shelfSite());
				if (AVAILABLE.equals(holding.status()) && at != null && at.lat() != null) {
					double km = Math.round(near.distanceKm(at.lat(), at.lon()) * 100) / 100.0;
					if (nearest == null || km < nearest.distanceKm()) {
						nearest = new NearestCopy(holding.shelfSite(), km);
					}
				}
			}
		}
		return new WorkHit(id, (String) doc.getFieldValue(SolrFields.TITLE), strings(doc.getFieldValues(SolrFields.AUTHOR)),
				(Integer) doc.getFieldValue(SolrFields.YEAR), (String) doc.getFieldValue(SolrFields.PUBLISHER),
				strings(doc.getFieldValues(SolrFields.ISBN)), strings(doc.getFieldValues(SolrFields.FORMAT)),
				strings(doc.getFieldValues(SolrFields.CLC)),
				// the exact counts from the copies document, which follows every loan (the work's own count only its records)
				lines.isEmpty() ? number(doc.getFieldValue(SolrFields.ITEM_COUNT)) : holdings.size(),
				(int) holdings.stream().filter(h -> AVAILABLE.equals(h.status())).count(), holdings, nearest,
				highlighting == null ? Map.of() : highlighting.getOrDefault(id, Map.of()),
				strings(doc.getFieldValues(SolrFields.ONLINE_URL)), List.of());
	}

	private QueryResponse execute(SolrQuery query) {
		try {
			return solr.query(query);
		}
		catch (SolrServerException | IOException | SolrException ex) {
			throw CatalogIndexException.of("search failed", ex);
		}
	}

	private static String bound(Integer year) {
		return year == null ? "*" : String.valueOf(year);
	}

	private static List<String> strings(Collection<Object> values) {
		return values == null ? List.of() : values.stream().map(String::valueOf).toList();
	}

	private static int number(Object value) {
		return value == null ? 0 : ((Number) value).intValue();
	}

}
