package org.branchlink.catalog.marc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.marc4j.ErrorHandler;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * Reads ISO 2709 records one by one and checks each before decoding it: a record whose leader, directory or field
 * boundaries are wrong, or whose bytes do not decode in its character set, is refused with its position and the
 * reason, and reading goes on at the next record terminator. marc4j decodes the records that pass.
 */
final class Iso2709Reader extends RecordReader {

	static {
		// marc4j looks its factory up on the classpath for every reader; naming it spares a jar scan per record
		if (System.getProperty("org.marc4j.marc.MarcFactory") == null) {
			System.setProperty("org.marc4j.marc.MarcFactory", "org.marc4j.marc.impl.MarcFactoryImpl");
		}
	}

	private static final int RECORD_TERMINATOR = 0x1D;

	private static final int FIELD_TERMINATOR = 0x1E;

	private static final int LEADER_LENGTH = 24;

	private static final int MAX_RECORD = 99_999;

	private final InputStream in;

	private final MarcCharset charset;

	private long offset;

	private int index;

	Iso2709Reader(InputStream in, MarcCharset charset) {
		this.in = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
		this.charset = charset;
	}

	@Override
	protected RawRecord read() {
		try {
			skipWhitespace();
			in.mark(MAX_RECORD + 1);
			byte[] head = in.readNBytes(5);
			if (head.length == 0) {
				return null;
			}
			long start = offset;
			String position = "record " + (++index) + " at byte " + start;
			int length = digits(head, 0, 5);
			if (head.length < 5 || length < LEADER_LENGTH + 2) {
				return refused(position, "bad leader: record length '" + printable(head) + "' is not a number of at least 26");
			}
			byte[] record = new byte[length];
			System.arraycopy(head, 0, record, 0, 5);
			int read = in.readNBytes(record, 5, length - 5) + 5;
			if (read < length) {
				offset += read;
				return RawRecord.refused(position, "truncated: the file ends after " + read + " of " + length
						+ " bytes the leader announces", Arrays.copyOf(record, read));
			}
			if (record[length - 1] != RECORD_TERMINATOR) {
				return refused(position, "wrong record length: byte " + length
						+ " announced by the leader is not a record terminator");
			}
			offset += length;
			String problem = structureProblem(record);
			if (problem != null) {
				return RawRecord.refused(position, problem, record);
			}
			return decode(position, record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Goes back to the record's start and skips to just after the next record terminator. */
	private RawRecord refused(String position, String problem) throws IOException {
		in.reset();
		ByteArrayOutputStream skipped = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			offset++;
			if (skipped.size() < 4096) {
				skipped.write(b);
			}
			if (b == RECORD_TERMINATOR) {
				break;
			}
		}
		return RawRecord.refused(position, problem, skipped.toByteArray());
	}

	private static String structureProblem(byte[] record) {
		int base = digits(record, 12, 5);
		if (base < LEADER_LENGTH + 1 || base >= record.length) {
			return "bad leader: base address of data '" + printable(Arrays.copyOfRange(record, 12, 17))
					+ "' is not inside the record";
		}
		if (record[base - 1] != FIELD_TERMINATOR) {
			return "bad directory: it does not end with a field terminator before the base address " + base;
		}
		int directoryLength = base - 1 - LEADER_LENGTH;
		if (directoryLength % 12 != 0) {
			return "bad directory: its length " + directoryLength + " is not a multiple of 12";
		}
		int dataLength = record.length - base;
		for (int entry = LEADER_LENGTH; entry < base - 1; entry += 12) {
			String tag = new String(record, entry, 3, StandardCharsets.ISO_8859_1);
			int fieldLength = digits(record, entry + 3, 4);
			int fieldStart = digits(record, entry + 7, 5);
			if (fieldLength < 1 || fieldStart < 0) {
				return "bad directory: entry for tag '" + tag + "' has no valid length or start";
			}
			if (fieldStart + fieldLength > dataLength) {
				return "wrong directory length: field " + tag + " (start " + fieldStart + ", length " + fieldLength
						+ ") runs past the end of the record";
			}
			if (record[base + fieldStart + fieldLength - 1] != FIELD_TERMINATOR) {
				return "wrong directory length: field " + tag + " does not end with a field terminator";
			}
		}
		return null;
	}

	private RawRecord decode(String position, byte[] bytes) {
		boolean unimarc = MarcFlavour.looksLikeUnimarc(bytes);
		MarcCharset effective = charset;
		if (effective == MarcCharset.AUTO) {
			effective = !unimarc && bytes[9] == ' ' ? MarcCharset.MARC_8 : MarcCharset.UTF_8;
		}
		try {
			Record record;
			if (effective == MarcCharset.MARC_8) {
				ErrorHandler errors = new ErrorHandler();
				MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes),
						errors, true, "MARC8");
				record = reader.next();
				if (errors.hasErrors() && errors.getMaxSeverity() >= ErrorHandler.MAJOR_ERROR) {
					return RawRecord.refused(position, "undecodable bytes: not valid MARC-8 (" + errors.getErrors().get(0) + ")",
							bytes);
				}
			}
			else {
				String undecodable = undecodable(bytes, effective);
				if (undecodable != null) {
					return RawRecord.refused(position, undecodable, bytes);
				}
				if (effective == MarcCharset.UTF_8) {
					record = new MarcStreamReader(new ByteArrayInputStream(bytes), "UTF-8").next();
				}
				else {
					// marc4j decodes only UTF-8, MARC-8 and Latin-1 itself: read bytes one to one, then re-decode
					record = new MarcStreamReader(new ByteArrayInputStream(bytes), "ISO-8859-1").next();
					recode(record, effective.javaCharset());
				}
			}
			record.getLeader().setCharCodingScheme('a');
			return RawRecord.ok(position, record, bytes);
		}
		catch (MarcException | IndexOutOfBoundsException | IllegalArgumentException ex) {
			return RawRecord.refused(position, "unreadable: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					bytes);
		}
	}

	private static void recode(Record record, Charset charset) {
		for (ControlField field : record.getControlFields()) {
			field.setData(new String(field.getData().getBytes(StandardCharsets.ISO_8859_1), charset));
		}
		for (DataField field : record.getDataFields()) {
			for (Subfield subfield : field.getSubfields()) {
				subfield.setData(new String(subfield.getData().getBytes(StandardCharsets.ISO_8859_1), charset));
			}
		}
	}

	/** Why the record's data does not decode in the charset, or null when it does. */
	private static String undecodable(byte[] bytes, MarcCharset charset) {
		CharsetDecoder decoder = charset.javaCharset()
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer input = ByteBuffer.wrap(bytes);
		CoderResult result = decoder.decode(input, CharBuffer.allocate(bytes.length * 2), true);
		return result.isError() ? "undecodable bytes: not valid " + charset.javaCharset().name() + " at byte "
				+ input.position() + " of the record" : null;
	}

	private void skipWhitespace() throws IOException {
		while (true) {
			in.mark(1);
			int b = in.read();
			if (b == -1) {
				return;
			}
			if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && b != 0 && b != 0x1A) {
				in.reset();
				return;
			}
			offset++;
		}
	}

	private static int digits(byte[] bytes, int from, int count) {
		if (bytes.length < from + count) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			if (bytes[i] < '0' || bytes[i] > '9') {
				return -1;
			}
			value = value * 10 + (bytes[i] - '0');
		}
		return value;
	}

	private static String printable(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
		}
		return text.toString();
	}

}
