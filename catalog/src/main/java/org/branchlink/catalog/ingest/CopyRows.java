package org.branchlink.catalog.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes; UTF-8), for
 * {@code COPY … FROM STDIN}. Values go in column order; {@link #endRow()} after each row's last. Written as bytes:
 * UTF-8 continuation bytes are never ASCII, so escaping byte by byte is safe.
 */
final class CopyRows {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private byte[] buffer = new byte[1 << 16];

	private int length;

	private boolean rowStarted;

	private int rows;

	CopyRows text(String value) {
		separate();
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
		}
		else {
			utf8(value, false);
		}
		return this;
	}

	CopyRows number(long value) {
		separate();
		byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
		room(digits.length);
		System.arraycopy(digits, 0, buffer, length, digits.length);
		length += digits.length;
		return this;
	}

	/** A {@code text[]} value: an array literal with every element quoted. */
	CopyRows array(List<String> values) {
		separate();
		put((byte) '{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				put((byte) ',');
			}
			put((byte) '"');
			utf8(values.get(i), true);
			put((byte) '"');
		}
		put((byte) '}');
		return this;
	}

	/** A {@code bytea} value, in hex. */
	CopyRows bytes(byte[] value) {
		separate();
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
			return this;
		}
		room(value.length * 2 + 3);
		buffer[length++] = '\\';
		buffer[length++] = '\\';
		buffer[length++] = 'x';
		for (byte b : value) {
			buffer[length++] = HEX[(b >> 4) & 0xF];
			buffer[length++] = HEX[b & 0xF];
		}
		return this;
	}

	CopyRows endRow() {
		put((byte) '\n');
		rowStarted = false;
		rows++;
		return this;
	}

	int rows() {
		return rows;
	}

	InputStream content() {
		return new ByteArrayInputStream(buffer, 0, length);
	}

	private void separate() {
		if (rowStarted) {
			put((byte) '\t');
		}
		rowStarted = true;
	}

	/**
	 * A value in UTF-8 (as {@code String.getBytes(UTF_8)} encodes it, a lone surrogate as {@code ?}), escaped, without
	 * an intermediate array: the encoding was a third of the storing thread's time in a first load.
	 *
	 * @param quoted inside an array literal, where {@code "} and {@code \} take a backslash, which COPY then doubles
	 */
	private void utf8(String value, boolean quoted) {
		int n = value.length();
		room(n * 4); // at most 4 bytes per char: an escaped backslash in an array, or 3 of UTF-8
		for (int i = 0; i < n; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (quoted && (c == '"' || c == '\\')) {
					buffer[length++] = '\\';
					buffer[length++] = '\\';
				}
				escape((byte) c);
			}
			else if (c < 0x800) {
				buffer[length++] = (byte) (0xC0 | c >> 6);
				buffer[length++] = (byte) (0x80 | c & 0x3F);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				buffer[length++] = (byte) (0xF0 | cp >> 18);
				buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
				buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
				buffer[length++] = (byte) (0x80 | cp & 0x3F);
			}
			else if (Character.isSurrogate(c)) {
				buffer[length++] = '?';
			}
			else {
				buffer[length++] = (byte) (0xE0 | c >> 12);
				buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
				buffer[length++] = (byte) (0x80 | c & 0x3F);
			}
		}
	}

	/** One byte of a value, with COPY's backslash escape where it needs one; callers made room for two. */
	private void escape(byte b) {
		byte escaped = switch (b) {
			case '\\' -> '\\';
			case '\t' -> 't';
			case '\n' -> 'n';
			case '\r' -> 'r';
			default -> 0;
		};
		if (escaped != 0) {
			buffer[length++] = '\\';
			b = escaped;
		}
		buffer[length++] = b;
	}

	private void put(byte b) {
		room(1);
		buffer[length++] = b;
	}

	private void room(int bytes) {
		if (length + bytes > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
		}
	}

}
