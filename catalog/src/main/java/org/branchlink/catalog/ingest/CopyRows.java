package org.branchlink.catalog.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), for
 * {@code COPY … FROM STDIN}. Values go in column order; {@link #endRow()} after each row's last.
 */
final class CopyRows {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final StringBuilder text = new StringBuilder(1 << 16);

	private boolean rowStarted;

	private int rows;

	CopyRows text(String value) {
		separate();
		if (value == null) {
			text.append("\\N");
		}
		else {
			escape(value);
		}
		return this;
	}

	CopyRows number(long value) {
		separate();
		text.append(value);
		return this;
	}

	/** A {@code text[]} value: an array literal with every element quoted. */
	CopyRows array(List<String> values) {
		separate();
		text.append('{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			// inside the literal " and \ take a backslash, which the COPY format then doubles
			text.append('"');
			String value = values.get(i);
			for (int c = 0; c < value.length(); c++) {
				char ch = value.charAt(c);
				if (ch == '"' || ch == '\\') {
					text.append("\\\\");
				}
				escape(ch);
			}
			text.append('"');
		}
		text.append('}');
		return this;
	}

	/** A {@code bytea} value, in hex. */
	CopyRows bytes(byte[] value) {
		separate();
		if (value == null) {
			text.append("\\N");
			return this;
		}
		text.append("\\\\x");
		for (byte b : value) {
			text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
		}
		return this;
	}

	CopyRows endRow() {
		text.append('\n');
		rowStarted = false;
		rows++;
		return this;
	}

	int rows() {
		return rows;
	}

	byte[] toBytes() {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void separate() {
		if (rowStarted) {
			text.append('\t');
		}
		rowStarted = true;
	}

	private void escape(String value) {
		for (int i = 0; i < value.length(); i++) {
			escape(value.charAt(i));
		}
	}

	private void escape(char ch) {
		switch (ch) {
			case '\\' -> text.append("\\\\");
			case '\t' -> text.append("\\t");
			case '\n' -> text.append("\\n");
			case '\r' -> text.append("\\r");
			default -> text.append(ch);
		}
	}

}
