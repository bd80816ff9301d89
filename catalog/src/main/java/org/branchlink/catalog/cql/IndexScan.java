package org.branchlink.catalog.cql;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.record.Isbn;

/**
 * The scan operation: the terms of an index's field around a term, in index order, each with how many works have it.
 * The terms from the scan term on are a JSON terms facet in ascending index order over the works with a value from
 * the term on; those before it, one in descending order over the works with a value before it (a work with several
 * values can bring values from the other side: they are dropped, and the facet asked again for more when too many
 * were). The scan term is normalized as its field is: a title's sort key, an ISBN-13, a lower-case word; a title's
 * sort key is shown with one of its titles as the display term.
 */
final class IndexScan {

	private static final int MOST_BUCKETS = 100_000;

	private final SolrClient solr;

	IndexScan(SolrClient solr) {
		this.solr = solr;
	}

	/**
	 * The terms of a scan clause's index around its term.
	 *
	 * @param terms how many terms
	 * @param position where the clause's term stands in the list (1 = first; 0 = just before it)
	 */
	List<CqlSearch.ScanTerm> scan(String clauseText, int terms, int position) {
		if (position > terms + 1) {
			throw new CqlRefusal(Diagnostic.RESPONSE_POSITION, Integer.toString(position),
					"responsePosition must be between 0 and maximumTerms + 1 (" + (terms + 1) + ").");
		}
		Cql.Query query = CqlParser.parse(clauseText);
		if (!(query.root() instanceof Cql.Clause clause) || !query.sortKeys().isEmpty()) {
			throw new CqlRefusal(Diagnostic.QUERY_SYNTAX, clauseText,
					"A scan clause is one index, relation and term.");
		}
		CqlIndex index = CqlIndex.of(clause.index())
			.orElseThrow(() -> new CqlRefusal(Diagnostic.UNSUPPORTED_INDEX, clause.index(),
					"The index " + clause.index() + " is not supported."));
		if (index.scanField() == null) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_INDEX, index.qualified(),
					"The index " + index.qualified() + " cannot be scanned.");
		}
		String relation = clause.relation().comparator();
		if (!relation.equals("=") && !relation.equals("==") && !relation.equals("exact")) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_RELATION, relation, "scan takes the relation = only.");
		}
		if (!clause.relation().modifiers().isEmpty()) {
			String modifier = clause.relation().modifiers().get(0).name();
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_RELATION_MODIFIER, modifier, "scan takes no relation modifiers.");
		}
		String from = normalize(index, Cql.Term.literal(clause.term()).strip());
		int before = Math.min(position > 0 ? position - 1 : 0, terms);
		Side preceding = before == 0 ? new Side(List.of(), false) : side(index, from, false, before);
		Side following = side(index, from, true, terms - before);
		List<Bucket> buckets = new ArrayList<>(preceding.buckets());
		Collections.reverse(buckets);
		buckets.addAll(following.buckets());
		Map<String, String> titles = SolrFields.TITLE_SORT.equals(index.scanField()) ? titles(buckets) : Map.of();
		List<CqlSearch.ScanTerm> list = new ArrayList<>(buckets.size());
		for (int i = 0; i < buckets.size(); i++) {
			boolean first = i == 0 && before > 0 && !preceding.more();
			boolean last = i == buckets.size() - 1 && !following.more();
			String where = first && last ? "only" : first ? "first" : last ? "last" : "inner";
			Bucket bucket = buckets.get(i);
			list.add(new CqlSearch.ScanTerm(bucket.value(), bucket.count(), titles.get(bucket.value()), where));
		}
		return list;
	}

	private record Bucket(String value, long count) {
	}

	/** A title for each title sort key: one work's per key, in one query (collapsed on the key). */
	private Map<String, String> titles(List<Bucket> keys) {
		List<String> values = keys.stream().map(Bucket::value).filter(key -> !key.isEmpty()).toList();
		if (values.isEmpty()) {
			return Map.of();
		}
		// sort keys are letters and digits only (no comma, the separator); the field has doc values, no index
		SolrQuery query = new SolrQuery(
				"{!terms f=" + SolrFields.TITLE_SORT + " method=docValuesTermsFilter v=$sru.keys}")
			.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK)
			.addFilterQuery("{!collapse field=" + SolrFields.TITLE_SORT + "}")
			.setFields(SolrFields.TITLE, SolrFields.TITLE_SORT)
			.setRows(values.size());
		query.set("sru.keys", String.join(",", values));
		Map<String, String> titles = new HashMap<>();
		for (SolrDocument doc : CqlSearch.run(solr, query).getResults()) {
			titles.put(String.valueOf(doc.getFieldValue(SolrFields.TITLE_SORT)),
					String.valueOf(doc.getFieldValue(SolrFields.TITLE)));
		}
		return titles;
	}

	/**
	 * @param buckets the terms, nearest the scan term first
	 * @param more whether the index has more terms on this side
	 */
	private record Side(List<Bucket> buckets, boolean more) {
	}

	private Side side(CqlIndex index, String from, boolean ascending, int wanted) {
		if (wanted == 0) {
			return new Side(List.of(), true);
		}
		String field = index.scanField();
		boolean year = index.kind() == CqlIndex.Kind.YEAR;
		String bound = year ? from : "\"" + from.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		String range = field + (ascending ? ":[" + bound + " TO *]" : ":[* TO " + bound + "}");
		int limit = wanted + 10;
		while (true) {
			SolrQuery query = new SolrQuery("*:*").addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK)
				.addFilterQuery(range)
				.setRows(0);
			query.set("json.facet", "{t:{type:terms,field:" + field + ",sort:\"index " + (ascending ? "asc" : "desc")
					+ "\",limit:" + limit + ",mincount:1}}");
			NamedList<?> facets = (NamedList<?>) CqlSearch.run(solr, query).getResponse().get("facets");
			NamedList<?> terms = facets == null ? null : (NamedList<?>) facets.get("t");
			List<?> raw = terms == null ? List.of() : (List<?>) terms.get("buckets");
			List<Bucket> kept = new ArrayList<>();
			for (Object entry : raw) {
				NamedList<?> bucket = (NamedList<?>) entry;
				Object value = bucket.get("val");
				int order = year ? Long.compare(((Number) value).longValue(), Long.parseLong(from))
						: compareCodePoints(value.toString(), from);
				if (ascending ? order >= 0 : order < 0) {
					kept.add(new Bucket(value.toString(), ((Number) bucket.get("count")).longValue()));
				}
			}
			boolean exhausted = raw.size() < limit;
			if (kept.size() >= wanted || exhausted || limit >= MOST_BUCKETS) {
				boolean more = kept.size() > wanted || !exhausted;
				return new Side(kept.size() > wanted ? List.copyOf(kept.subList(0, wanted)) : kept, more);
			}
			limit = Math.min(limit * 4, MOST_BUCKETS);
		}
	}

	/** The scan term as its field indexes it. */
	private static String normalize(CqlIndex index, String term) {
		return switch (index.kind()) {
			case YEAR -> {
				if (!term.matches("[0-9]{1,4}")) {
					throw new CqlRefusal(Diagnostic.INVALID_TERM, term, "dc.date is scanned from a year: " + term);
				}
				yield Integer.toString(Integer.parseInt(term));
			}
			case ISBN -> Isbn.normalize(term).orElse(term.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT));
			default -> switch (index) {
				case TITLE, SERVER_CHOICE -> CqlToSolr.titleKey(term);
				case CREATOR -> term;
				default -> Normalizer.normalize(term, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			};
		};
	}

	/** Index order: Unicode code points, as Solr orders UTF-8 terms. */
	private static int compareCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
