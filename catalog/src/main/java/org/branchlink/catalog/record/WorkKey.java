package org.branchlink.catalog.record;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/**
 * The keys that tell which records are the same edition: every ISBN-13, or, for a record without ISBN, one key of
 * normalized title, main author and year. Normalizing folds full-width forms (NFKC), traditional characters to
 * simplified, case, and drops punctuation (Chinese and Western) and spaces, so 《三体》 and 三體 agree.
 */
public final class WorkKey {

	private static final ThreadLocal<Transliterator> TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	private WorkKey() {
	}

	/** The record's keys, most specific first; never empty. */
	public static List<String> of(BibRecord record) {
		List<String> keys = new ArrayList<>();
		for (String isbn : record.isbns()) {
			keys.add("isbn:" + isbn);
		}
		if (keys.isEmpty()) {
			keys.add("title:" + normalize(record.title()) + "|" + normalize(record.mainAuthor()) + "|" + record.year());
		}
		return keys;
	}

	/** Text folded for comparison: NFKC, simplified, lower case, letters and digits only. */
	public static String normalize(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		folded = TO_SIMPLIFIED.get().transliterate(folded).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(folded.length());
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

}
