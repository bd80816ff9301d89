package org.branchlink.catalog.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Hanyu Pinyin for search: 中国历史 is indexed as the syllables {@code zhong guo li shi} and the initials {@code zgls};
 * a Latin query such as {@code zhongguolishi}, {@code zhongguo lishi} or {@code Zhōngguó lìshǐ} is cut back into
 * syllables to match. A character with several readings takes its first (most common) one.
 */
public final class Pinyin {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	private static final Set<String> SYLLABLES = new HashSet<>();

	private static final int LONGEST_SYLLABLE = 6;

	private static final char FIRST = '\u4E00', LAST = '\u9FFF';

	private static final char DIAERESIS = '\u0308';

	/** The first reading of every CJK unified ideograph, looked up once: pinyin4j formats on every call. */
	private static final String[] FIRST_READING = new String[LAST - FIRST + 1];

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		for (char c = FIRST; c <= LAST; c++) {
			String[] readings = lookup(c);
			if (readings != null && readings.length > 0) {
				FIRST_READING[c - FIRST] = readings[0];
				SYLLABLES.addAll(List.of(readings));
			}
		}
	}

	private Pinyin() {
	}

	/** The text's syllables, space separated; runs of Latin letters and digits are kept as lower-case words. */
	public static String syllables(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String reading = c >= FIRST && c <= LAST ? FIRST_READING[c - FIRST] : null;
			if (reading != null) {
				flush(latin, words);
				words.add(reading);
			}
			else if (Character.isLetterOrDigit(c) && c < 0x2E80) {
				latin.append(Character.toLowerCase(c));
			}
			else {
				flush(latin, words);
			}
		}
		flush(latin, words);
		return String.join(" ", words);
	}

	/** The initial letters of the text's syllables and words, e.g. {@code zgls} for 中国历史. */
	public static String initials(String text) {
		StringBuilder initials = new StringBuilder();
		for (String word : syllables(text).split(" ")) {
			if (!word.isEmpty()) {
				initials.append(word.charAt(0));
			}
		}
		return initials.toString();
	}

	/**
	 * The initials and every tail of them of two letters or more, space separated ({@code snzgls nzgls zgls gls ls}
	 * for 少年中国历史), so initials typed for a word inside a title find it.
	 */
	public static String initialsAndTails(String text) {
		String initials = initials(text);
		List<String> tails = new ArrayList<>();
		for (int i = 0; i + 2 <= initials.length(); i++) {
			tails.add(initials.substring(i));
		}
		return String.join(" ", tails);
	}

	/**
	 * Cuts a Latin query into pinyin syllables, longest first ({@code zhongguolishi} → {@code zhong guo li shi});
	 * empty when some part is no pinyin at all.
	 */
	public static String segment(String query) {
		List<String> out = new ArrayList<>();
		for (String word : withoutTones(query).toLowerCase(Locale.ROOT).replace('ü', 'v').split("[^a-z]+")) {
			int at = 0;
			while (at < word.length()) {
				int end = Math.min(word.length(), at + LONGEST_SYLLABLE);
				while (end > at && !SYLLABLES.contains(word.substring(at, end))) {
					end--;
				}
				if (end == at) {
					return "";
				}
				out.add(word.substring(at, end));
				at = end;
			}
		}
		return String.join(" ", out);
	}

	/** Whether the query looks like pinyin typed by a reader: Latin letters, tone marks allowed, and spaces only. */
	public static boolean isLatinQuery(String query) {
		return !query.isBlank() && withoutTones(query).strip().matches("[A-Za-züÜ ]{2,60}");
	}

	/**
	 * The text with the accents taken off its letters, pinyin's tone marks among them, but the diaeresis of ü kept:
	 * {@code Zhōngguó lǚxíng} → {@code Zhongguo lüxing}.
	 */
	public static String withoutTones(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			boolean umlautOfU = c == DIAERESIS && i > 0
					&& (decomposed.charAt(i - 1) == 'u' || decomposed.charAt(i - 1) == 'U');
			if (Character.getType(c) != Character.NON_SPACING_MARK || umlautOfU) {
				out.append(c);
			}
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC);
	}

	private static String[] lookup(char c) {
		try {
			return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void flush(StringBuilder latin, List<String> words) {
		if (latin.length() > 0) {
			words.add(latin.toString());
			latin.setLength(0);
		}
	}

}
