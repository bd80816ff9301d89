package org.branchlink.catalog;

import java.util.Locale;

import org.apache.solr.client.solrj.SolrQuery;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.record.Isbn;

/**
 * The clauses of the advanced search, one per field, on the fields the search page and SRU already search (the
 * {@code dc.*} indexes of CQL): words through the same analysis, a title's pinyin and initials for a Latin title, an
 * ISBN normalized, a call number by its class. The reader's words go into parameters of their own ({@code f_title}…).
 */
final class FieldedClauses {

	private static final String TITLE_QF = "title^8 title_cjk^4 title_en^4 title_alt^3";

	private FieldedClauses() {
	}

	/**
	 * Adds a field's clause to the query's parameters.
	 * @return the name of the parameter that holds the clause
	 */
	static String add(SolrQuery query, String field, String value) {
		String words = "f_" + field;
		String clause = "fq_" + field;
		switch (field) {
			case "title" -> {
				query.set(words, value);
				String text = "{!edismax qf='" + TITLE_QF + "' mm=$work_mm v=$" + words + "}";
				query.set(clause, Pinyin.isLatinQuery(value) ? withPinyin(query, value, text) : text);
			}
			case "author" -> words(query, words, clause, "author^4 author_en^2", value);
			case "subject" -> words(query, words, clause, SolrFields.SUBJECT, value);
			case "publisher" -> words(query, words, clause, SolrFields.PUBLISHER, value);
			case "isbn" -> {
				query.set(words, Isbn.normalize(value).orElse(value.replaceAll("[\\s-]", "")));
				query.set(clause, "{!term f=" + SolrFields.ISBN + " v=$" + words + "}");
			}
			case "callNumber" -> {
				query.set(words, classPart(value));
				query.set(clause, "{!prefix f=" + SolrFields.CLC + " v=$" + words + "}");
			}
			default -> throw new IllegalArgumentException("unknown field '" + field + "'");
		}
		return clause;
	}

	/** The class part of a call number ({@code I247.5} of {@code i247.5/12}), upper case as the CLC writes it. */
	static String classPart(String callNumber) {
		String head = callNumber.strip().split("/", 2)[0].strip();
		return head.toUpperCase(Locale.ROOT);
	}

	private static void words(SolrQuery query, String words, String clause, String qf, String value) {
		query.set(words, value);
		query.set(clause, "{!edismax qf='" + qf + "' mm=$work_mm v=$" + words + "}");
	}

	private static String withPinyin(SolrQuery query, String value, String text) {
		query.set("f_title_words", text);
		StringBuilder bool = new StringBuilder("{!bool should=$f_title_words");
		String pinyin = Pinyin.segment(value);
		if (!pinyin.isEmpty()) {
			query.set("f_title_pinyin", pinyin);
			query.set("f_title_py", "{!field f=" + SolrFields.TITLE_PINYIN + " v=$f_title_pinyin}");
			bool.append(" should=$f_title_py");
		}
		String initials = Pinyin.withoutTones(value).replace(" ", "").toLowerCase(Locale.ROOT);
		if (initials.length() >= 2 && initials.length() <= 12) {
			query.set("f_title_initials", initials);
			query.set("f_title_ini", "{!field f=" + SolrFields.TITLE_INITIALS + " v=$f_title_initials}");
			bool.append(" should=$f_title_ini");
		}
		return bool.append("}").toString();
	}

}
