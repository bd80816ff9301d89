package org.branchlink.catalog.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An event's poster: the image's bytes, its format as its first bytes say (never as a file name or a browser claims),
 * its text for people who cannot see it, and the SHA-256 of the bytes (lower-case hex) that names this version.
 *
 * @param format JPEG, PNG or WebP
 * @param bytes the image as uploaded
 * @param alt what the image shows, never blank
 * @param sha256 the hash of the bytes
 */
public record EventImage(Format format, byte[] bytes, String alt, String sha256) {

	/** The formats a poster may have, each known by its magic bytes. */
	public enum Format {

		JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

		private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		public String contentType() {
			return contentType;
		}

		/** The format the first bytes announce, or empty for anything else (GIF, SVG, HTML, a renamed file). */
		public static Optional<Format> sniff(byte[] head) {
			if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
				return Optional.of(JPEG);
			}
			if (head.length >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
				return Optional.of(PNG);
			}
			if (head.length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
				return Optional.of(WEBP);
			}
			return Optional.empty();
		}

		public static Optional<Format> ofContentType(String contentType) {
			return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
		}

		private static boolean ascii(byte[] bytes, int from, String text) {
			byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
			return Arrays.equals(bytes, from, from + expected.length, expected, 0, expected.length);
		}

	}

	public EventImage {
		if (alt == null || alt.isBlank()) {
			throw new IllegalArgumentException("an event image needs a text saying what it shows");
		}
		alt = alt.strip();
	}

	/** An uploaded image, if its bytes are a JPEG, PNG or WebP; empty otherwise. */
	public static Optional<EventImage> of(byte[] bytes, String alt) {
		return Format.sniff(bytes).map(format -> new EventImage(format, bytes, alt, sha256(bytes)));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EventImage image && format == image.format && sha256.equals(image.sha256)
				&& alt.equals(image.alt);
	}

	@Override
	public int hashCode() {
		return sha256.hashCode();
	}

	@Override
	public String toString() {
		return "EventImage[" + format + ", " + bytes.length + " bytes, " + sha256 + "]";
	}

}
