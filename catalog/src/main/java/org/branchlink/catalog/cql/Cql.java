package org.branchlink.catalog.cql;

import java.util.List;

/**
 * A parsed CQL 1.2 query ({@link CqlParser}): search clauses joined by booleans, with the sort keys of its
 * {@code sortBy}. Terms keep CQL's backslash escapes so that masking ({@code *}, {@code ?}) can still be told from a
 * literal character; {@link Term} reads them.
 */
public final class Cql {

	private Cql() {
	}

	/** A node of the query tree. */
	public sealed interface Node permits Clause, Bool {
	}

	/**
	 * {@code index relation term}; a bare term has the index {@code cql.serverChoice} and the relation {@code =}.
	 *
	 * @param index the index, its context set prefix resolved ({@code dc.title}) or as written when unknown
	 * @param relation the relation with its modifiers
	 * @param term the term, CQL escapes kept
	 */
	public record Clause(String index, Relation relation, String term) implements Node {
	}

	/**
	 * Two subqueries joined by {@code and}, {@code or}, {@code not} or {@code prox}.
	 *
	 * @param operator the boolean, lower case
	 * @param modifiers its modifiers
	 * @param left the left operand
	 * @param right the right operand
	 */
	public record Bool(String operator, List<Modifier> modifiers, Node left, Node right) implements Node {
	}

	/**
	 * @param comparator {@code =}, {@code ==}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=} or a named
	 * relation in lower case without its {@code cql.} prefix ({@code all}, {@code any}, {@code adj}, {@code exact}…)
	 * @param modifiers its modifiers
	 */
	public record Relation(String comparator, List<Modifier> modifiers) {
	}

	/**
	 * {@code /name}, or {@code /name comparison value}.
	 *
	 * @param name the modifier's name, lower case, without a {@code cql.} prefix
	 * @param comparison the comparison symbol, or null
	 * @param value the value, or null
	 */
	public record Modifier(String name, String comparison, String value) {
	}

	/**
	 * @param index the sort index, prefix resolved
	 * @param modifiers its modifiers ({@code sort.ascending}, {@code sort.descending}…)
	 */
	public record SortKey(String index, List<Modifier> modifiers) {
	}

	/**
	 * @param root the search
	 * @param sortKeys the {@code sortBy} keys, in order; empty for relevance
	 */
	public record Query(Node root, List<SortKey> sortKeys) {
	}

	/** Reading a term's CQL escapes: {@code \x} is a literal x; unescaped {@code *} and {@code ?} mask. */
	static final class Term {

		private Term() {
		}

		/** The term as literal text, escapes removed (masking characters kept as they are). */
		static String literal(String term) {
			StringBuilder text = new StringBuilder(term.length());
			for (int i = 0; i < term.length(); i++) {
				char c = term.charAt(i);
				if (c == '\\' && i + 1 < term.length()) {
					c = term.charAt(++i);
				}
				text.append(c);
			}
			return text.toString();
		}

		/** Whether the term has an unescaped {@code *} or {@code ?}. */
		static boolean masked(String term) {
			for (int i = 0; i < term.length(); i++) {
				char c = term.charAt(i);
				if (c == '\\') {
					i++;
				}
				else if (c == '*' || c == '?') {
					return true;
				}
			}
			return false;
		}

		/** Whether the term is only masking stars ({@code *}): everything. */
		static boolean everything(String term) {
			return !term.isEmpty() && term.chars().allMatch(c -> c == '*');
		}

	}

}
