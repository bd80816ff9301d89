package org.branchlink.gateway.sip2;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes SIP2 messages (one message is one line, without its CR terminator). Error detection, as the 3M
 * specification has it: {@code AY} with a one-digit sequence number, then {@code AZ} with four hex digits, the two's
 * complement of the 16-bit sum of every byte of the message up to and including {@code AZ}. The bytes are those of the
 * kiosk's character set (UTF-8 or GB18030; for the ASCII the specification assumes, the same bytes).
 */
final class Sip2Codec {

	/** The error detection trailer: optional sequence number, then the checksum. */
	private static final Pattern TRAILER = Pattern.compile("(?:AY([0-9]))?AZ([0-9A-Fa-f]{4})$");

	private static final Pattern FIELD_ID = Pattern.compile("[A-Z][A-Z0-9]");

	private Sip2Codec() {
	}

	/** Whether a message carried error detection, and whether its checksum was right. */
	enum Checksum {
		ABSENT, VALID, INVALID
	}

	/**
	 * A message as read.
	 *
	 * @param message the message (for a code this server does not know: its whole body as the fixed part)
	 * @param request what it is; null for an unknown code
	 * @param sequence the {@code AY} sequence number; null when absent
	 * @param checksum the {@code AZ} checksum's state
	 */
	record Frame(Sip2Message message, Sip2Request request, Integer sequence, Checksum checksum) {
	}

	/** Thrown for a message that is not SIP2: too short, a non-numeric code, a fixed part cut short, a bad field. */
	static final class MalformedMessageException extends Exception {

		private static final long serialVersionUID = 1L;

		MalformedMessageException(String reason) {
			super(reason);
		}

	}

	/** Reads one message (without its terminator), checking its checksum in the given character set. */
	static Frame parse(String line, Charset charset) throws MalformedMessageException {
		if (line.length() < 2 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))) {
			throw new MalformedMessageException("no two-digit message code");
		}
		String body = line;
		Integer sequence = null;
		Checksum checksum = Checksum.ABSENT;
		Matcher trailer = TRAILER.matcher(line);
		if (trailer.find(Math.max(2, line.length() - 9))) {
			sequence = trailer.group(1) == null ? null : trailer.group(1).charAt(0) - '0';
			String upToAz = line.substring(0, trailer.end() - 4);
			checksum = checksum(upToAz, charset).equalsIgnoreCase(trailer.group(2)) ? Checksum.VALID : Checksum.INVALID;
			body = line.substring(0, trailer.start());
		}
		String code = body.substring(0, 2);
		Sip2Request request = Sip2Request.of(code).orElse(null);
		if (request == null) {
			return new Frame(new Sip2Message(code, body.substring(2), List.of()), null, sequence, checksum);
		}
		int fixedEnd = 2 + request.fixedLength();
		if (body.length() < fixedEnd) {
			throw new MalformedMessageException("message " + code + " needs " + request.fixedLength()
					+ " fixed characters, has " + (body.length() - 2));
		}
		return new Frame(new Sip2Message(code, body.substring(2, fixedEnd), fields(body.substring(fixedEnd))), request,
				sequence, checksum);
	}

	private static List<Sip2Message.Field> fields(String text) throws MalformedMessageException {
		List<Sip2Message.Field> fields = new ArrayList<>();
		for (String part : text.split("\\|", -1)) {
			if (part.isEmpty()) {
				continue;
			}
			if (part.length() < 2 || !FIELD_ID.matcher(part.substring(0, 2)).matches()) {
				throw new MalformedMessageException("a variable field without a two-character id: '" + part + "'");
			}
			fields.add(new Sip2Message.Field(part.substring(0, 2), part.substring(2)));
		}
		return fields;
	}

	/**
	 * Writes a message; with a sequence number, adds the {@code AY…AZ…} trailer. A field value's {@code |}, CR and LF
	 * (which would end the field or the message) become spaces.
	 */
	static String format(Sip2Message message, Integer sequence, Charset charset) {
		StringBuilder out = new StringBuilder(message.code()).append(message.fixed());
		for (Sip2Message.Field field : message.fields()) {
			out.append(field.id()).append(field.value().replace('|', ' ').replace('\r', ' ').replace('\n', ' ')).append('|');
		}
		if (sequence != null) {
			out.append("AY").append(sequence % 10).append("AZ");
			out.append(checksum(out.toString(), charset));
		}
		return out.toString();
	}

	/** The checksum of everything up to and including {@code AZ}: four upper-case hex digits. */
	static String checksum(String upToAz, Charset charset) {
		int sum = 0;
		for (byte b : upToAz.getBytes(charset)) {
			sum += b & 0xFF;
		}
		return String.format(Locale.ROOT, "%04X", -sum & 0xFFFF);
	}

}
