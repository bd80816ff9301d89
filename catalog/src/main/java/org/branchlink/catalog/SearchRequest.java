package org.branchlink.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader's search.
 *
 * @param query what they typed: Chinese or English words, pinyin ({@code zhongguo lishi}), initials ({@code zgls}), an
 * ISBN; blank for everything
 * @param filters chosen facet values by facet name ({@code site}, {@code township}, {@code kind}, {@code line},
 * {@code format}, {@code language}, {@code clc}, {@code available}); values of one facet are alternatives
 * @param yearFrom earliest publication year, or null
 * @param yearTo latest publication year, or null
 * @param near the reader's place for distances and the nearest copy, or null
 * @param sort the order
 * @param page 0-based page
 * @param rows works per page, 1 to 100
 * @param fields words that must match in one field each, by field name ({@link #FIELDS}: the advanced search); blank
 * values are left out; never null
 * @param anyWord whether a work matching any one of the query's words is found (a relaxed search), rather than one
 * matching all of them (or all but one of a long query)
 */
public record SearchRequest(String query, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo, Point near,
		Sort sort, int page, int rows, Map<String, String> fields, boolean anyWord) {

	/** A search of the query's words, without fielded words. */
	public SearchRequest(String query, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo, Point near,
			Sort sort, int page, int rows) {
		this(query, filters, yearFrom, yearTo, near, sort, page, rows, Map.of(), false);
	}

	public SearchRequest {
		query = query == null ? "" : query.strip();
		filters = filters == null ? Map.of() : Map.copyOf(filters);
		Map<String, String> given = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((field, value) -> {
				if (!FIELDS.contains(field)) {
					throw new IllegalArgumentException("unknown field '" + field + "'; one of " + FIELDS);
				}
				if (value != null && !value.isBlank()) {
					given.put(field, value.strip());
				}
			});
		}
		fields = Collections.unmodifiableMap(given);
		sort = sort == null ? (near != null && query.isEmpty() && given.isEmpty() ? Sort.DISTANCE : Sort.RELEVANCE) : sort;
		if (sort == Sort.DISTANCE && near == null) {
			throw new IllegalArgumentException("sorting by distance needs near=lat,lon");
		}
		if (page < 0 || rows < 1 || rows > 100) {
			throw new IllegalArgumentException("page must be 0 or more and rows 1 to 100");
		}
		if ((long) page * rows + rows > MAX_DEPTH) {
			throw new IllegalArgumentException("only the first " + MAX_DEPTH + " results can be paged through; narrow the "
					+ "search (page " + page + " of " + rows + " is past them)");
		}
	}

	/**
	 * The fields of the advanced search: {@code title}, {@code author}, {@code subject} and {@code publisher} match
	 * words; {@code isbn} an ISBN-10 or -13 in any notation; {@code callNumber} the class part of a call number (the
	 * CLC class before the {@code /}), as a prefix: {@code I247} finds {@code I247.5/12}.
	 */
	public static final List<String> FIELDS = List.of("title", "author", "subject", "isbn", "callNumber", "publisher");

	/** Whether the search has words to search for, in its query or its fields (else it lists everything). */
	public boolean hasWords() {
		return !query.isEmpty() || !fields.isEmpty();
	}

	/**
	 * The same search with another query, relaxed or not, from its first page.
	 * @param newQuery the words
	 * @param keepNarrowing whether filters, years and fielded words stay (else only the place and the order do)
	 * @param any whether any word finds a work
	 */
	public SearchRequest with(String newQuery, boolean keepNarrowing, boolean any) {
		return keepNarrowing ? new SearchRequest(newQuery, filters, yearFrom, yearTo, near, sort, 0, rows, fields, any)
				: new SearchRequest(newQuery, Map.of(), null, null, near, sort, 0, rows, Map.of(), any);
	}

	/** How deep a search may be paged (Solr's cost grows with start + rows). */
	public static final int MAX_DEPTH = 10_000;

	public static SearchRequest of(String query) {
		return new SearchRequest(query, Map.of(), null, null, null, null, 0, 20);
	}

	/**
	 * A place in WGS 84 degrees.
	 *
	 * @param lat latitude
	 * @param lon longitude
	 */
	public record Point(double lat, double lon) {

		public Point {
			if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
				throw new IllegalArgumentException("near must be lat,lon within -90..90 and -180..180");
			}
		}

		/** Parses {@code lat,lon}. */
		public static Point parse(String text) {
			String[] parts = text.split(",");
			if (parts.length != 2) {
				throw new IllegalArgumentException("near must be lat,lon, got '" + text + "'");
			}
			try {
				return new Point(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("near must be lat,lon in degrees, got '" + text + "'");
			}
		}

		double distanceKm(double otherLat, double otherLon) {
			double dLat = Math.toRadians(otherLat - lat);
			double dLon = Math.toRadians(otherLon - lon);
			double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat))
					* Math.cos(Math.toRadians(otherLat)) * Math.pow(Math.sin(dLon / 2), 2);
			return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
		}

	}

	/** Result orders. */
	public enum Sort {

		RELEVANCE, YEAR, TITLE, DISTANCE

	}

	/** The facet names readers filter by. */
	public static final List<String> FACETS = List.of("site", "township", "kind", "line", "format", "language", "clc",
			"available", "online");

}
