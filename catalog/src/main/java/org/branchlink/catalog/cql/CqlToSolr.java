package org.branchlink.catalog.cql;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.solr.client.solrj.SolrQuery;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.record.Isbn;

/**
 * Translates CQL into a Solr query over the work documents. No term is ever written into Solr's query syntax: each
 * goes into a parameter of its own ({@code sru.t1}, {@code sru.t2}…) that an {@code edismax}, {@code field} or
 * {@code term} parser reads, escaped for edismax; the clauses are joined by the {@code bool} parser through parameters
 * ({@code sru.c1}…). Text relations search as the search page does ({@code =} with its {@code work_mm}, {@code all},
 * {@code any}, {@code adj} a phrase; {@code ==} and {@code exact} the whole value where a string field holds it, a
 * phrase elsewhere), on the fields of {@link CqlIndex}; {@code dc.date} compares years ({@code < <= > >=} too).
 * Unsupported indexes, relations, modifiers and booleans are refused with their diagnostics.
 */
final class CqlToSolr {

	private static final Set<String> IGNORED_MODIFIERS = Set.of("ignorecase", "ignoreaccents", "relevant", "word");

	private static final String SPECIAL = "\\+-!():^[]\"{}~*?|&;/";

	private final SolrQuery query = new SolrQuery();

	private int params;

	private CqlToSolr() {
	}

	/**
	 * The Solr query of a CQL query: {@code q} with its parameters, the filter to works and the order (relevance as on
	 * the search page, or {@code sortBy dc.date} / {@code dc.title} with {@code /sort.ascending} or
	 * {@code /sort.descending}); start, rows and fields are the caller's.
	 * @param cql the query
	 * @return the Solr query
	 * @throws CqlRefusal when the query is not CQL or uses what the server does not support
	 */
	static SolrQuery translate(String cql) {
		return translate(CqlParser.parse(cql));
	}

	static SolrQuery translate(Cql.Query cql) {
		CqlToSolr translation = new CqlToSolr();
		SolrQuery query = translation.query;
		query.setQuery(translation.node(cql.root()));
		query.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK);
		if (cql.sortKeys().isEmpty()) {
			query.addSort("score", SolrQuery.ORDER.desc)
				.addSort(SolrFields.ON_SHELF, SolrQuery.ORDER.desc)
				.addSort(SolrFields.YEAR, SolrQuery.ORDER.desc);
		}
		for (Cql.SortKey key : cql.sortKeys()) {
			sort(query, key);
		}
		query.addSort(SolrFields.ID, SolrQuery.ORDER.asc);
		return query;
	}

	private String node(Cql.Node node) {
		if (node instanceof Cql.Bool bool) {
			if (bool.operator().equals("prox")) {
				throw new CqlRefusal(Diagnostic.UNSUPPORTED_BOOLEAN, "prox", "Proximity (prox) is not supported.");
			}
			if (!bool.modifiers().isEmpty()) {
				throw new CqlRefusal(Diagnostic.UNSUPPORTED_BOOLEAN_MODIFIER, bool.modifiers().get(0).name(),
						"Booleans take no modifiers here.");
			}
			String left = param("c", node(bool.left()));
			String right = param("c", node(bool.right()));
			return switch (bool.operator()) {
				case "and" -> "{!bool must=$" + left + " must=$" + right + "}";
				case "or" -> "{!bool should=$" + left + " should=$" + right + "}";
				default -> "{!bool must=$" + left + " must_not=$" + right + "}";
			};
		}
		Cql.Clause clause = (Cql.Clause) node;
		CqlIndex index = CqlIndex.of(clause.index())
			.orElseThrow(() -> new CqlRefusal(Diagnostic.UNSUPPORTED_INDEX, clause.index(),
					"The index " + clause.index() + " is not supported."));
		for (Cql.Modifier modifier : clause.relation().modifiers()) {
			if (!IGNORED_MODIFIERS.contains(modifier.name()) || modifier.value() != null) {
				throw new CqlRefusal(Diagnostic.UNSUPPORTED_RELATION_MODIFIER, modifier.name(),
						"The relation modifier " + modifier.name() + " is not supported.");
			}
		}
		if (Cql.Term.literal(clause.term()).isBlank()) {
			throw new CqlRefusal(Diagnostic.EMPTY_TERM, index.qualified(), "An empty term searches nothing.");
		}
		String relation = clause.relation().comparator();
		return switch (index.kind()) {
			case TEXT -> text(index, relation, clause.term());
			case YEAR -> year(relation, Cql.Term.literal(clause.term()).strip());
			case ISBN -> terms(index, relation, clause.term(), CqlToSolr::isbn);
			case ID -> terms(index, relation, clause.term(), value -> value);
		};
	}

	private String text(CqlIndex index, String relation, String term) {
		String literal = Cql.Term.literal(term).strip();
		String qf = index.fields().startsWith("$") ? index.fields() : "'" + index.fields() + "'";
		String pf = index == CqlIndex.ANYWHERE || index == CqlIndex.SERVER_CHOICE ? " pf=$work_pf" : "";
		if (Cql.Term.everything(term.strip()) && (relation.equals("=") || relation.equals("any")
				|| relation.equals("all"))) {
			return index.fields().startsWith("$") ? "*:*"
					: index.fields().split("[\\^ ]")[0] + ":[* TO *]";
		}
		return switch (relation) {
			case "=" -> withPinyin(index, literal, Cql.Term.masked(term),
					"{!edismax qf=" + qf + pf + " mm=$work_mm v=$" + param("t", words(term)) + "}");
			case "all" -> "{!edismax qf=" + qf + " mm=100% v=$" + param("t", words(term)) + "}";
			case "any" -> "{!edismax qf=" + qf + " mm=1 v=$" + param("t", words(term)) + "}";
			case "adj" -> phrase(qf, literal);
			case "==", "exact" -> index.exactField() == null ? phrase(qf, literal)
					: "{!term f=" + index.exactField() + " v=$"
							+ param("t", index == CqlIndex.TITLE ? titleKey(literal) : literal) + "}";
			default -> throw unsupported(index, relation);
		};
	}

	private String phrase(String qf, String literal) {
		String quoted = "\"" + literal.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		return "{!edismax qf=" + qf + " v=$" + param("t", quoted) + "}";
	}

	/** The clause, or it, the title's pinyin and its initials for a Latin term, as the search page searches. */
	private String withPinyin(CqlIndex index, String literal, boolean masked, String clause) {
		if (!index.withPinyin() || masked || !Pinyin.isLatinQuery(literal)) {
			return clause;
		}
		StringBuilder bool = new StringBuilder("{!bool should=$" + param("c", clause));
		String pinyin = Pinyin.segment(literal);
		if (!pinyin.isEmpty()) {
			bool.append(" should=$")
				.append(param("c", "{!field f=" + SolrFields.TITLE_PINYIN + " v=$" + param("t", pinyin) + "}"));
		}
		String initials = Pinyin.withoutTones(literal).replace(" ", "").toLowerCase(Locale.ROOT);
		if (initials.length() >= 2 && initials.length() <= 12) {
			bool.append(" should=$")
				.append(param("c", "{!field f=" + SolrFields.TITLE_INITIALS + " v=$" + param("t", initials) + "}"));
		}
		return bool.append("}").toString();
	}

	private String year(String relation, String term) {
		List<Integer> years = new ArrayList<>();
		for (String word : term.split("\\s+")) {
			if (!word.matches("[0-9]{1,4}")) {
				throw new CqlRefusal(Diagnostic.INVALID_TERM, term,
						"dc.date takes a year (up to four digits): " + term);
			}
			years.add(Integer.parseInt(word));
		}
		if (years.size() > 1 && !relation.equals("any")) {
			throw new CqlRefusal(Diagnostic.INVALID_TERM, term, "dc.date " + relation + " takes one year.");
		}
		int year = years.get(0);
		return switch (relation) {
			case "=", "==", "exact" -> SolrFields.YEAR + ":" + year;
			case "any" -> SolrFields.YEAR + ":("
					+ String.join(" OR ", years.stream().map(String::valueOf).toList()) + ")";
			case "<" -> SolrFields.YEAR + ":[* TO " + year + "}";
			case "<=" -> SolrFields.YEAR + ":[* TO " + year + "]";
			case ">" -> SolrFields.YEAR + ":{" + year + " TO *]";
			case ">=" -> SolrFields.YEAR + ":[" + year + " TO *]";
			default -> throw unsupported(CqlIndex.DATE, relation);
		};
	}

	/** ISBNs and ids: {@code = == exact} one value, {@code any} one of several. */
	private String terms(CqlIndex index, String relation, String term,
			UnaryOperator<String> normalize) {
		String literal = Cql.Term.literal(term).strip();
		List<String> values = switch (relation) {
			case "=", "==", "exact" -> List.of(literal);
			case "any" -> List.of(literal.split("\\s+"));
			default -> throw unsupported(index, relation);
		};
		List<String> clauses = values.stream()
			.map(value -> "{!term f=" + index.fields() + " v=$" + param("t", normalize.apply(value)) + "}")
			.toList();
		if (clauses.size() == 1) {
			return clauses.get(0);
		}
		StringBuilder bool = new StringBuilder("{!bool");
		clauses.forEach(clause -> bool.append(" should=$").append(param("c", clause)));
		return bool.append("}").toString();
	}

	private static String isbn(String text) {
		return Isbn.normalize(text).orElse(text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT));
	}

	private static CqlRefusal unsupported(CqlIndex index, String relation) {
		return new CqlRefusal(Diagnostic.UNSUPPORTED_RELATION, relation,
				"The relation " + relation + " is not supported for " + index.qualified() + ".");
	}

	/** Words for edismax: Solr's special characters escaped, CQL's unmasked {@code *} and {@code ?} kept. */
	static String words(String term) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < term.length(); i++) {
			char c = term.charAt(i);
			boolean escaped = c == '\\' && i + 1 < term.length();
			if (escaped) {
				c = term.charAt(++i);
			}
			if (Character.isWhitespace(c)) {
				add(words, word);
			}
			else if (!escaped && (c == '*' || c == '?')) {
				word.append(c);
			}
			else {
				word.append(SPECIAL.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
			}
		}
		add(words, word);
		return String.join(" ", words);
	}

	private static void add(List<String> words, StringBuilder word) {
		if (word.isEmpty()) {
			return;
		}
		String text = word.toString();
		// edismax reads these as operators; lower case they are words (its lowercaseOperators is off)
		words.add(text.equals("AND") || text.equals("OR") || text.equals("NOT") || text.equals("TO")
				? text.toLowerCase(Locale.ROOT) : text);
		word.setLength(0);
	}

	/** The title's sort key as the index writes it: NFKC, lower case, letters and digits only. */
	static String titleKey(String title) {
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(folded.length());
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

	private static void sort(SolrQuery query, Cql.SortKey key) {
		CqlIndex index = CqlIndex.of(key.index()).orElse(null);
		String field = index == CqlIndex.DATE ? SolrFields.YEAR
				: index == CqlIndex.TITLE ? SolrFields.TITLE_SORT : null;
		if (field == null) {
			throw new CqlRefusal(Diagnostic.SORT_UNSUPPORTED, key.index(),
					"Results can be sorted by dc.date or dc.title, not " + key.index() + ".");
		}
		SolrQuery.ORDER order = SolrQuery.ORDER.asc;
		for (Cql.Modifier modifier : key.modifiers()) {
			switch (modifier.name()) {
				case "sort.ascending", "ascending" -> order = SolrQuery.ORDER.asc;
				case "sort.descending", "descending" -> order = SolrQuery.ORDER.desc;
				case "sort.ignorecase", "ignorecase" -> {
				}
				default -> throw new CqlRefusal(Diagnostic.SORT_DIRECTION, modifier.name(),
						"The sort modifier " + modifier.name() + " is not supported.");
			}
		}
		query.addSort(field, order);
	}

	private String param(String kind, String value) {
		String name = "sru." + kind + (++params);
		query.set(name, value);
		return name;
	}

}
