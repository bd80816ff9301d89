package org.branchlink.catalog;

import java.util.List;
import java.util.Map;

import org.branchlink.catalog.event.EventSearch;

/**
 * One page of search results, grouped by work.
 *
 * @param total works found
 * @param page the page shown (0-based)
 * @param rows works per page
 * @param works the works on this page
 * @param facets counts per facet value, by facet name; {@code year} holds decade ranges ({@code 1990-1999})
 * @param pinyin the pinyin syllables the query was read as, empty when it was not read as pinyin
 * @param tookMs Solr's query time in milliseconds
 * @param events coming events that match the same words
 * @param suggestions when nothing was found: other searches that find something (a spelling, the pinyin read as
 * Chinese, any word instead of all), best first; else empty
 */
public record SearchPage(long total, int page, int rows, List<WorkHit> works, Map<String, List<FacetValue>> facets,
		String pinyin, long tookMs, List<EventSearch.Hit> events, List<Suggestion> suggestions) {

	public SearchPage(long total, int page, int rows, List<WorkHit> works, Map<String, List<FacetValue>> facets,
			String pinyin, long tookMs, List<EventSearch.Hit> events) {
		this(total, page, rows, works, facets, pinyin, tookMs, events, List.of());
	}

	public SearchPage(long total, int page, int rows, List<WorkHit> works, Map<String, List<FacetValue>> facets,
			String pinyin, long tookMs) {
		this(total, page, rows, works, facets, pinyin, tookMs, List.of(), List.of());
	}

	/** The same page with the coming events that match the same words (the unified search of books and events). */
	public SearchPage withEvents(List<EventSearch.Hit> found) {
		return new SearchPage(total, page, rows, works, facets, pinyin, tookMs, List.copyOf(found), suggestions);
	}

	/** The same page with searches to suggest instead. */
	public SearchPage withSuggestions(List<Suggestion> found) {
		return new SearchPage(total, page, rows, works, facets, pinyin, tookMs, events, List.copyOf(found));
	}

	/**
	 * Another search that finds something where a search found nothing.
	 *
	 * @param kind how it differs from the search
	 * @param query its words
	 * @param reading for {@link Kind#PINYIN}, the pinyin syllables the Chinese words were read from; else empty
	 * @param total the works it finds
	 */
	public record Suggestion(Kind kind, String query, String reading, long total) {

		/** How a suggested search differs from the one that found nothing. */
		public enum Kind {

			/** The query's words spelled as titles and names in the catalogue spell them; filters kept. */
			SPELLING,
			/** The Latin query read as pinyin and written in the Chinese of a title; filters kept. */
			PINYIN,
			/** All the words of the query and the fields, any one of them enough, without filters. */
			RELAXED

		}

	}

	/**
	 * A work found, with where its copies are.
	 *
	 * @param id the work's id
	 * @param title its title (highlighted matches in {@code highlights})
	 * @param authors names
	 * @param year year of publication, null when unknown
	 * @param publisher publisher
	 * @param isbns ISBN-13s and ISBN-10s
	 * @param formats formats
	 * @param classes CLC classes
	 * @param items copies in the county
	 * @param available copies on the shelf now
	 * @param holdings every copy: site, call number, status
	 * @param nearest the nearest site with a copy on the shelf, when the search gave {@code near}
	 * @param highlights matched fragments by field, with {@code <mark>} tags
	 * @param onlineUrls where the work is online (its records' MARC 856), empty when it is not
	 * @param editions the book's other editions, newest first, when the search put editions together (else empty)
	 */
	public record WorkHit(String id, String title, List<String> authors, Integer year, String publisher,
			List<String> isbns, List<String> formats, List<String> classes, int items, int available,
			List<Holding> holdings, NearestCopy nearest, Map<String, List<String>> highlights, List<String> onlineUrls,
			List<Edition> editions) {

		/** Whether it can be read or used online. */
		public boolean online() {
			return !onlineUrls.isEmpty();
		}
	}

	/**
	 * Another edition of a book found.
	 *
	 * @param id the edition's work id
	 * @param title its title, with its edition statement
	 * @param year its year, null when unknown
	 * @param onShelf whether a copy of it is on a shelf now
	 */
	public record Edition(String id, String title, Integer year, boolean onShelf) {
	}

	/**
	 * One copy.
	 *
	 * @param siteId the site holding it
	 * @param barcode its barcode
	 * @param callNumber its call number
	 * @param location its shelving location
	 * @param status its status ({@code available}, {@code on_loan}, {@code in_transit}…)
	 * @param atSite the site it is at when that is not its own (a floating copy), else null
	 * @param destination where it is going while in transit, else null
	 */
	public record Holding(String siteId, String barcode, String callNumber, String location, String status,
			String atSite, String destination) {

		/** The site where a reader finds it on the shelf. */
		public String shelfSite() {
			return atSite == null ? siteId : atSite;
		}

	}

	/**
	 * @param siteId the nearest site with an available copy
	 * @param distanceKm its distance from the reader, in kilometres
	 */
	public record NearestCopy(String siteId, double distanceKm) {
	}

	/**
	 * @param value the facet value (a site id, a format, a CLC letter, a decade…)
	 * @param count works with it
	 */
	public record FacetValue(String value, long count) {
	}

}
