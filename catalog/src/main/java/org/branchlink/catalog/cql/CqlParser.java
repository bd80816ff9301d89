package org.branchlink.catalog.cql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser of CQL 1.2: prefix assignments ({@code >dc="info:srw/cql-context-set/1/dc-v1.1"}),
 * search clauses ({@code index relation term} or a bare term), quoted terms with backslash escapes, the booleans
 * {@code and}, {@code or}, {@code not} and {@code prox} (left to right, all of one precedence) with their modifiers,
 * parentheses, relation modifiers and {@code sortBy}. Keywords are case-insensitive. A query it cannot read is refused
 * with diagnostic 10.
 */
public final class CqlParser {

	/** The context sets the server knows, by URI, with the prefix it gives each. */
	public static final Map<String, String> CONTEXT_SETS = Map.of("info:srw/cql-context-set/1/cql-v1.2", "cql",
			"info:srw/cql-context-set/1/cql-v1.1", "cql", "info:srw/cql-context-set/1/dc-v1.1", "dc",
			"http://zing.z3950.org/cql/bath/2.0/", "bath", "info:srw/cql-context-set/2/rec-1.1", "rec",
			"info:srw/cql-context-set/2/rec-1.0", "rec");

	private static final Set<String> BOOLEANS = Set.of("and", "or", "not", "prox");

	private static final Set<String> SYMBOLS = Set.of("=", "==", "<>", "<", "<=", ">", ">=");

	private final List<Token> tokens;

	private final Map<String, String> prefixes = new HashMap<>();

	private int at;

	private CqlParser(List<Token> tokens) {
		this.tokens = tokens;
	}

	/** The query's tree; refuses (diagnostic 10) what is not CQL. */
	public static Cql.Query parse(String cql) {
		CqlParser parser = new CqlParser(tokenize(cql));
		Cql.Node root = parser.query();
		List<Cql.SortKey> sort = List.of();
		if (parser.keyword("sortby")) {
			parser.at++;
			sort = parser.sortKeys();
		}
		if (parser.at < parser.tokens.size()) {
			throw syntax("unexpected " + parser.tokens.get(parser.at).text());
		}
		return new Cql.Query(root, sort);
	}

	/** A query with its prefix assignments, without sortBy. */
	private Cql.Node query() {
		while (symbol(">")) {
			at++;
			String first = term("a context set");
			if (symbol("=")) {
				at++;
				prefixes.put(first.toLowerCase(Locale.ROOT), contextSet(term("a context set's URI")));
			}
			else {
				prefixes.put("", contextSet(first));
			}
		}
		Cql.Node left = searchClause();
		while (bool()) {
			String operator = tokens.get(at++).text().toLowerCase(Locale.ROOT);
			List<Cql.Modifier> modifiers = modifiers();
			left = new Cql.Bool(operator, modifiers, left, searchClause());
		}
		return left;
	}

	private Cql.Node searchClause() {
		if (symbol("(")) {
			at++;
			Cql.Node inner = query();
			if (!symbol(")")) {
				throw syntax(at < tokens.size() ? "expected ) before " + tokens.get(at).text() : "missing )");
			}
			at++;
			return inner;
		}
		String first = term("a search term");
		boolean relation = at < tokens.size() && (SYMBOLS.contains(symbolText())
				|| (tokens.get(at).word() && !tokens.get(at).quoted() && !bool() && !keyword("sortby")));
		if (!relation) {
			return new Cql.Clause(index("cql.serverchoice"), new Cql.Relation("=", List.of()), first);
		}
		Token comparator = tokens.get(at++);
		String name = comparator.text().toLowerCase(Locale.ROOT);
		name = name.startsWith("cql.") ? name.substring(4) : name;
		List<Cql.Modifier> modifiers = modifiers();
		return new Cql.Clause(index(first), new Cql.Relation(name, modifiers), term("a search term"));
	}

	private List<Cql.SortKey> sortKeys() {
		List<Cql.SortKey> keys = new ArrayList<>();
		while (at < tokens.size() && tokens.get(at).word()) {
			String index = index(term("a sort index"));
			keys.add(new Cql.SortKey(index, modifiers()));
		}
		if (keys.isEmpty()) {
			throw syntax("sortBy without a sort key");
		}
		return keys;
	}

	private List<Cql.Modifier> modifiers() {
		List<Cql.Modifier> modifiers = new ArrayList<>();
		while (symbol("/")) {
			at++;
			String name = term("a modifier").toLowerCase(Locale.ROOT);
			name = name.startsWith("cql.") ? name.substring(4) : name;
			if (at < tokens.size() && SYMBOLS.contains(symbolText())) {
				String comparison = tokens.get(at++).text();
				modifiers.add(new Cql.Modifier(name, comparison, term("a modifier value")));
			}
			else {
				modifiers.add(new Cql.Modifier(name, null, null));
			}
		}
		return modifiers;
	}

	/** An index name with its prefix resolved through the assignments in scope; lower case. */
	private String index(String name) {
		String lower = Cql.Term.literal(name).toLowerCase(Locale.ROOT);
		int dot = lower.indexOf('.');
		String prefix = dot < 0 ? "" : lower.substring(0, dot);
		String assigned = prefixes.get(prefix);
		if (assigned == null) {
			return lower;
		}
		return assigned + "." + (dot < 0 ? lower : lower.substring(dot + 1));
	}

	private static String contextSet(String uri) {
		String set = CONTEXT_SETS.get(Cql.Term.literal(uri));
		if (set == null) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_CONTEXT_SET, Cql.Term.literal(uri),
					"The context set " + Cql.Term.literal(uri) + " is not supported.");
		}
		return set;
	}

	private String term(String what) {
		if (at >= tokens.size() || !tokens.get(at).word()) {
			String where = at < tokens.size() ? " before " + tokens.get(at).text() : " at the end";
			throw syntax("expected " + what + where);
		}
		return tokens.get(at++).text();
	}

	private boolean bool() {
		return at < tokens.size() && tokens.get(at).word() && !tokens.get(at).quoted()
				&& BOOLEANS.contains(tokens.get(at).text().toLowerCase(Locale.ROOT));
	}

	private boolean keyword(String keyword) {
		return at < tokens.size() && tokens.get(at).word() && !tokens.get(at).quoted()
				&& tokens.get(at).text().equalsIgnoreCase(keyword);
	}

	private boolean symbol(String symbol) {
		return at < tokens.size() && !tokens.get(at).word() && tokens.get(at).text().equals(symbol);
	}

	private String symbolText() {
		return tokens.get(at).word() ? "" : tokens.get(at).text();
	}

	private static CqlRefusal syntax(String why) {
		return new CqlRefusal(Diagnostic.QUERY_SYNTAX, why, "Query syntax error: " + why + ".");
	}

	/**
	 * @param text the word (escapes kept) or the symbol
	 * @param word whether it is a word (a term, index, keyword) rather than a symbol
	 * @param quoted whether the word was quoted
	 */
	private record Token(String text, boolean word, boolean quoted) {
	}

	private static List<Token> tokenize(String cql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < cql.length()) {
			char c = cql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')' || c == '/') {
				tokens.add(new Token(String.valueOf(c), false, false));
				i++;
			}
			else if (c == '=' || c == '<' || c == '>') {
				String two = i + 1 < cql.length() ? cql.substring(i, i + 2) : "";
				boolean pair = two.equals("==") || two.equals("<=") || two.equals(">=") || two.equals("<>");
				tokens.add(new Token(pair ? two : String.valueOf(c), false, false));
				i += pair ? 2 : 1;
			}
			else if (c == '"') {
				StringBuilder text = new StringBuilder();
				i++;
				while (i < cql.length() && cql.charAt(i) != '"') {
					if (cql.charAt(i) == '\\' && i + 1 < cql.length()) {
						text.append(cql.charAt(i++));
					}
					text.append(cql.charAt(i++));
				}
				if (i >= cql.length()) {
					throw syntax("a quoted term is not closed");
				}
				i++;
				tokens.add(new Token(text.toString(), true, true));
			}
			else {
				int start = i;
				while (i < cql.length() && !Character.isWhitespace(cql.charAt(i))
						&& "()=<>\"/".indexOf(cql.charAt(i)) < 0) {
					i++;
				}
				tokens.add(new Token(cql.substring(start, i), true, false));
			}
		}
		if (tokens.isEmpty()) {
			throw syntax("the query is empty");
		}
		return tokens;
	}

}
