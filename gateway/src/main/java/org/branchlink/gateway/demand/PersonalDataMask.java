package org.branchlink.gateway.demand;

import java.util.List;
import java.util.Locale;

/**
 * Hides personal data in a resident's text before it goes on the public board: e-mail addresses, phone numbers and
 * identity numbers (any run of seven or more digits, with spaces, dashes or a final X; full-width digits too), WeChat
 * and QQ ids after their keyword, street and house addresses (a stretch ending in a house, building, unit, room or group
 * number), and names where the text says whose they are (我叫…, 姓名：…, 联系人…, 张先生) or where they are the name
 * the resident gave. Each is replaced by {@value #MASK}.
 *
 * <p>
 * Every step is one pass over the text with bounded look-around (no backtracking regular expression), so the time is
 * linear in the text's length: a long hostile text cannot stall the board.
 */
final class PersonalDataMask {

	static final String MASK = "***";

	private static final List<String> NAME_CUES = List.of("我叫", "本人叫", "名字叫", "名字是", "姓名", "联系人", "签名",
			"署名");

	private static final List<String> HONORIFICS = List.of("先生", "女士", "小姐");

	private static final List<String> ID_CUES = List.of("微信号", "微信", "weixin", "wechat", "vx", "wx", "v信", "qq");

	private static final String HOUSE_UNITS = "号栋幢室组弄";

	private static final List<String> ADDRESS_CUES = List.of("住在", "住址", "地址", "家在", "位于");

	private PersonalDataMask() {
	}

	/**
	 * The text as the public may read it.
	 *
	 * @param text what the resident wrote (may be null)
	 * @param submitterName the name the resident gave, hidden wherever it appears (may be null)
	 */
	static String mask(String text, String submitterName) {
		if (text == null) {
			return null;
		}
		String out = fold(text);
		if (submitterName != null && submitterName.strip().length() >= 2) {
			out = out.replace(fold(submitterName.strip()), MASK);
		}
		out = emails(out);
		out = cuedIds(out);
		out = digitRuns(out);
		out = addresses(out);
		out = names(out);
		return out;
	}

	/**
	 * Full-width digits, Latin letters and the signs of addresses and numbers (＠ ． － ＿ ＋) and the ideographic space
	 * as their ASCII forms; everything else (Chinese punctuation included) as it is.
	 */
	static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || "＠．－＿＋".indexOf(c) >= 0) {
				chars[i] = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				chars[i] = ' ';
			}
		}
		return new String(chars);
	}

	/** Every {@code local@domain.tld}: the word characters around an at sign whose right side has a dot. */
	static String emails(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		int i = text.indexOf('@');
		while (i >= 0) {
			int start = i;
			while (start > copied && isEmailChar(text.charAt(start - 1))) {
				start--;
			}
			int end = i + 1;
			boolean dot = false;
			while (end < text.length() && (isEmailChar(text.charAt(end)) && text.charAt(end) != '+')) {
				dot |= text.charAt(end) == '.';
				end++;
			}
			if (start < i && dot && end > i + 2) {
				out.append(text, copied, start).append(MASK);
				copied = end;
			}
			i = text.indexOf('@', Math.max(end, i + 1));
		}
		return out.append(text, copied, text.length()).toString();
	}

	/** Runs of seven or more digits (spaces and dashes between them, an X at the end of an ID number). */
	static String digitRuns(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			if (!isDigit(text.charAt(i))) {
				out.append(text.charAt(i++));
				continue;
			}
			int start = i, lastDigit = i, digits = 0;
			while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == ' ' || text.charAt(i) == '-')) {
				if (isDigit(text.charAt(i))) {
					digits++;
					lastDigit = i;
				}
				i++;
			}
			int end = lastDigit + 1;
			if (end < text.length() && (text.charAt(end) == 'X' || text.charAt(end) == 'x') && digits >= 14) {
				end++;
				i = Math.max(i, end);
			}
			out.append(digits >= 7 ? MASK : text.substring(start, end)).append(text, end, i);
		}
		return out.toString();
	}

	/** An id after its keyword: 微信 abc_123, wx：abc123, QQ 12345. */
	static String cuedIds(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		int i = 0;
		while (i < text.length()) {
			String cue = cueAt(lower, i, ID_CUES);
			if (cue == null || i > 0 && isAsciiLetter(lower.charAt(i - 1)) && isAsciiLetter(cue.charAt(0))) {
				i++;
				continue;
			}
			int j = i + cue.length();
			while (j < text.length() && j < i + cue.length() + 4 && " ：:号是为".indexOf(text.charAt(j)) >= 0) {
				j++;
			}
			int end = j;
			while (end < text.length() && end < j + 40 && isIdChar(text.charAt(end))) {
				end++;
			}
			if (end - j >= 5) {
				out.append(text, copied, j).append(MASK);
				copied = end;
			}
			i = Math.max(end, i + 1);
		}
		return out.append(text, copied, text.length()).toString();
	}

	/**
	 * A stretch of a sentence that ends in a house, building, unit, room or group number (…村3组12号, …路88号2栋301室):
	 * from the sentence's start, or from just after 住在/地址/家在/位于, to its last such number.
	 */
	static String addresses(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int segmentStart = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i < text.length() && !isSeparator(text.charAt(i))) {
				continue;
			}
			out.append(addressIn(text.substring(segmentStart, i)));
			if (i < text.length()) {
				out.append(text.charAt(i));
			}
			segmentStart = i + 1;
		}
		return out.toString();
	}

	private static String addressIn(String segment) {
		int last = -1;
		for (int i = 1; i < segment.length(); i++) {
			if (HOUSE_UNITS.indexOf(segment.charAt(i)) >= 0 && (isDigit(segment.charAt(i - 1))
					|| segment.charAt(i - 1) == '*')) {
				last = i;
			}
		}
		if (last < 0) {
			return segment;
		}
		int start = 0;
		for (int i = 0; i + 1 < last; i++) {
			if (cueAt(segment, i, ADDRESS_CUES) != null) {
				start = i + 2;
				break;
			}
		}
		return segment.substring(0, start) + MASK + segment.substring(last + 1);
	}

	/** Two or three Han characters after 我叫/姓名：/联系人…, and the surname before 先生/女士/…. */
	static String names(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		for (int i = 0; i < text.length(); i++) {
			String cue = cueAt(text, i, NAME_CUES);
			if (cue != null) {
				int j = i + cue.length();
				while (j < text.length() && j < i + cue.length() + 2 && " ：:是".indexOf(text.charAt(j)) >= 0) {
					j++;
				}
				int end = j;
				while (end < text.length() && end < j + 3 && isHan(text.charAt(end))) {
					end++;
				}
				if (end - j >= 2) {
					out.append(text, copied, j).append(MASK);
					copied = end;
					i = end - 1;
				}
				continue;
			}
			String honorific = cueAt(text, i, HONORIFICS);
			if (honorific != null && i > copied && isHan(text.charAt(i - 1))) {
				out.append(text, copied, i - 1).append(MASK);
				copied = i;
			}
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static String cueAt(String text, int i, List<String> cues) {
		for (String cue : cues) {
			if (text.startsWith(cue, i)) {
				return cue;
			}
		}
		return null;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private static boolean isEmailChar(char c) {
		return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
	}

	private static boolean isIdChar(char c) {
		return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-';
	}

	private static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static boolean isSeparator(char c) {
		return "，。；！？,.;!?\n\r、：:（）()".indexOf(c) >= 0;
	}

}
