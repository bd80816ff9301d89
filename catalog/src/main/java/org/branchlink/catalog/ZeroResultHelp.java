package org.branchlink.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.branchlink.catalog.SearchPage.Suggestion;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;

/**
 * What a reader may search instead when a search found nothing, each checked to find something: the words spelled as
 * the catalogue's titles and names spell them (Solr's spellcheck component, {@code DirectSolrSpellChecker} on
 * {@code title} and {@code author}), a Latin query read as pinyin and written in the Chinese of the title whose pinyin
 * comes nearest ({@code hong lu meng} → 红楼梦), and every word of the search with any one enough and no filters.
 */
final class ZeroResultHelp {

	private static final int SPELLINGS = 2;

	/** Syllables a pinyin reading may have: beyond, a reader typed a sentence, not a title. */
	private static final int LONGEST_READING = 8;

	private final SolrClient solr;

	private final ToLongFunction<SearchRequest> count;

	ZeroResultHelp(SolrClient solr, ToLongFunction<SearchRequest> count) {
		this.solr = solr;
		this.count = count;
	}

	List<Suggestion> suggestions(SearchRequest request) {
		List<Suggestion> found = new ArrayList<>();
		Set<String> tried = new LinkedHashSet<>();
		tried.add(request.query());
		if (!request.query().isEmpty()) {
			for (String spelled : spellings(request.query())) {
				if (found.size() < SPELLINGS && tried.add(spelled)) {
					long total = count.applyAsLong(request.with(spelled, true, false));
					if (total > 0) {
						found.add(new Suggestion(Suggestion.Kind.SPELLING, spelled, "", total));
					}
				}
			}
			if (Pinyin.isLatinQuery(request.query())) {
				String chinese = readAsPinyin(request.query());
				if (!chinese.isEmpty() && tried.add(chinese)) {
					long total = count.applyAsLong(request.with(chinese, true, false));
					if (total > 0) {
						found.add(new Suggestion(Suggestion.Kind.PINYIN, chinese, Pinyin.syllables(chinese), total));
					}
				}
			}
		}
		List<String> words = new ArrayList<>();
		if (!request.query().isEmpty()) {
			words.add(request.query());
		}
		request.fields().forEach((field, value) -> {
			if (!field.equals("isbn") && !field.equals("callNumber")) {
				words.add(value);
			}
		});
		String all = String.join(" ", words);
		// a relaxed search that is the same search finds nothing either, and is not offered
		if (!all.isEmpty()) {
			SearchRequest relaxed = request.with(all, false, true);
			long total = count.applyAsLong(relaxed);
			if (total > 0) {
				found.add(new Suggestion(Suggestion.Kind.RELAXED, all, "", total));
			}
		}
		return found;
	}

	/** The query with its misspelt words replaced, most likely first (collations, not yet tried). */
	private List<String> spellings(String text) {
		SolrQuery query = new SolrQuery("*:*").setRows(0);
		query.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK);
		query.set("spellcheck", true);
		query.set("spellcheck.q", text);
		query.add("spellcheck.dictionary", "title", "author");
		query.set("spellcheck.count", 5);
		query.set("spellcheck.collate", true);
		query.set("spellcheck.maxCollations", 4);
		query.set("spellcheck.maxCollationTries", 0);
		SpellCheckResponse spelling = execute(query).getSpellCheckResponse();
		if (spelling == null || spelling.getCollatedResults() == null) {
			return List.of();
		}
		return spelling.getCollatedResults()
			.stream()
			.map(SpellCheckResponse.Collation::getCollationQueryString)
			.filter(spelled -> spelled != null && !spelled.isBlank())
			.toList();
	}

	/**
	 * The Chinese words a Latin query reads as: the run of characters, in the titles whose pinyin holds the query's
	 * syllables in order (each one letter off at most), whose syllables come nearest; empty when none does.
	 */
	private String readAsPinyin(String text) {
		String[] syllables = Pinyin.segment(text).split(" ");
		if (syllables[0].isEmpty() || syllables.length > LONGEST_READING) {
			return "";
		}
		// every syllable, one letter off at most, in any order: the order and the nearness are weighed below
		StringBuilder fuzzy = new StringBuilder();
		for (String syllable : syllables) {
			fuzzy.append(fuzzy.isEmpty() ? "" : " ").append(syllable).append("~1");
		}
		SolrQuery query = new SolrQuery("{!edismax qf=" + SolrFields.TITLE_PINYIN + " mm=100% v=$py}");
		query.set("py", fuzzy.toString());
		query.addFilterQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_WORK);
		query.setFields(SolrFields.TITLE).setRows(10);
		String best = "";
		int bestDistance = Integer.MAX_VALUE;
		for (SolrDocument doc : execute(query).getResults()) {
			String title = (String) doc.getFieldValue(SolrFields.TITLE);
			int[] window = nearestRun(title, syllables);
			if (window[1] < bestDistance) {
				bestDistance = window[1];
				best = title.substring(window[0], window[0] + syllables.length);
			}
		}
		return bestDistance <= syllables.length ? best : "";
	}

	/** Where in the title the run of Chinese characters nearest the syllables starts, and its distance. */
	static int[] nearestRun(String title, String[] syllables) {
		int[] best = { 0, Integer.MAX_VALUE };
		for (int start = 0; start + syllables.length <= title.length(); start++) {
			int distance = 0;
			for (int i = 0; i < syllables.length && distance < best[1]; i++) {
				char c = title.charAt(start + i);
				if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
					distance = Integer.MAX_VALUE;
					break;
				}
				distance += editDistance(Pinyin.syllables(String.valueOf(c)), syllables[i]);
			}
			if (distance < best[1]) {
				best = new int[] { start, distance };
			}
		}
		return best;
	}

	static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private QueryResponse execute(SolrQuery query) {
		try {
			return solr.query(query);
		}
		catch (SolrServerException | IOException | SolrException ex) {
			throw CatalogIndexException.of("search failed", ex);
		}
	}

}
