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
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			room(bytes.length * 2);
			for (byte b : bytes) {
				escape(b);
			}
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
			byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
			room(bytes.length * 4 + 2);
			buffer[length++] = '"';
			for (byte b : bytes) {
				// inside the literal " and \ take a backslash, which the COPY format then doubles
				if (b == '"' || b == '\\') {
					buffer[length++] = '\\';
					buffer[length++] = '\\';
				}
				escape(b);
			}
			buffer[length++] = '"';
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

	/** One byte of a value; callers made room for two. */
	private void escape(byte b) {
		switch (b) {
			case '\\' -> {
				buffer[length++] = '\\';
				buffer[length++] = '\\';
			}
			case '\t' -> {
				buffer[length++] = '\\';
				buffer[length++] = 't';
			}
			case '\n' -> {
				buffer[length++] = '\\';
				buffer[length++] = 'n';
			}
			case '\r' -> {
				buffer[length++] = '\\';
				buffer[length++] = 'r';
			}
			default -> buffer[length++] = b;
		}
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
