package org.branchlink.catalog;

import org.branchlink.catalog.index.Pinyin;

/**
 * Chinese text as Hanyu Pinyin, the way the catalogue indexes titles, for other modules' own lookups (a site chosen by
 * typing {@code baishi} or {@code bsz} for 白石镇).
 */
public final class PinyinText {

	private PinyinText() {
	}

	/** The text's syllables without tones or spaces ({@code baishizhen}); Latin letters and digits kept, lower case. */
	public static String syllables(String text) {
		return Pinyin.syllables(text).replace(" ", "");
	}

	/** The initial letters of the text's syllables ({@code bsz}). */
	public static String initials(String text) {
		return Pinyin.initials(text);
	}

}
