package org.branchlink.sync.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feed's bytes as numbered lines of text, as RFC 5545 wants them read: UTF-8 (a UTF-8 byte order mark is skipped;
 * a UTF-16 one, as some Windows tools write, switches to UTF-16), lines ending in CRLF, LF or a lone CR, NUL characters
 * dropped. A line whose bytes are not UTF-8 is kept with U+FFFD in their place and marked, so the component holding it
 * can be refused with its line. Line numbers are those of the file (1-based), which ical4j's line numbers are mapped
 * back to.
 */
final class FeedText {

	/** One line of the file, without its line end. */
	record Line(int number, String text, boolean badBytes) {

		/** Whether it is {@code BEGIN:<name>} or {@code END:<name>} for some name; the name in upper case, or null. */
		String delimiter(String keyword) {
			int colon = text.indexOf(':');
			if (colon != keyword.length() || !text.regionMatches(true, 0, keyword, 0, keyword.length())) {
				return null;
			}
			return text.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
		}

	}

	private final List<Line> lines;

	private FeedText(List<Line> lines) {
		this.lines = lines;
	}

	List<Line> lines() {
		return lines;
	}

	/** The lines joined with CRLF, as ical4j reads them. */
	static String join(List<Line> lines) {
		StringBuilder text = new StringBuilder();
		for (Line line : lines) {
			text.append(line.text()).append("\r\n");
		}
		return text.toString();
	}

	static FeedText decode(byte[] bytes) {
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			return ofText(new String(bytes, StandardCharsets.UTF_16));
		}
		int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
				? 3 : 0;
		List<Line> lines = new ArrayList<>();
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int from = start;
		for (int i = start; i <= bytes.length; i++) {
			boolean end = i == bytes.length;
			if (end || bytes[i] == '\n' || bytes[i] == '\r') {
				if (!end || i > from) {
					lines.add(line(lines.size() + 1, bytes, from, i - from, strict));
				}
				if (!end && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
					i++;
				}
				from = i + 1;
			}
		}
		return new FeedText(lines);
	}

	/** Text already decoded (a UTF-16 file, or a feed given as a string). */
	static FeedText ofText(String text) {
		return decode(text.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8));
	}

	private static Line line(int number, byte[] bytes, int from, int length, CharsetDecoder strict) {
		String text;
		boolean bad = false;
		try {
			text = strict.decode(ByteBuffer.wrap(bytes, from, length)).toString();
		}
		catch (CharacterCodingException ex) {
			text = new String(bytes, from, length, StandardCharsets.UTF_8);
			bad = true;
		}
		return new Line(number, text.indexOf('\0') < 0 ? text : text.replace("\0", ""), bad);
	}

}
