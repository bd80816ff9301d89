package org.branchlink.catalog;

import java.util.List;
import java.util.Map;

/**
 * The stable code of a quarantine reason, for pages to word in the reader's language; the reason's text stays as it
 * was written (in English, with its details) for the API and for the site's system people. The code follows from how
 * the text begins, so reasons stored before the codes existed have one too.
 */
public final class QuarantineReason {

	/** A reason no code names. */
	public static final String OTHER = "other";

	/** How each kind of reason begins, with its code, in the order they are tried. */
	private static final List<Map.Entry<String, String>> BEGINNINGS = List.of(
			Map.entry("a NUL character", "nul"),
			Map.entry("bad leader", "bad-leader"),
			Map.entry("truncated", "truncated"),
			Map.entry("wrong record length", "wrong-length"),
			Map.entry("bad directory", "bad-directory"),
			Map.entry("wrong directory length", "bad-directory"),
			Map.entry("undecodable bytes", "undecodable"),
			Map.entry("unreadable", "unreadable"),
			Map.entry("malformed MARCXML", "bad-xml"),
			Map.entry("broken XML", "bad-xml"),
			Map.entry("not a bibliographic record", "not-bibliographic"),
			Map.entry("no record id", "no-id"),
			Map.entry("no title", "no-title"));

	private QuarantineReason() {
	}

	/**
	 * The code of a reason: {@code nul}, {@code bad-leader}, {@code truncated}, {@code wrong-length},
	 * {@code bad-directory}, {@code undecodable}, {@code unreadable}, {@code bad-xml}, {@code not-bibliographic},
	 * {@code no-id}, {@code no-title}, or {@value #OTHER} (also for a null reason).
	 */
	public static String code(String reason) {
		if (reason == null) {
			return OTHER;
		}
		return BEGINNINGS.stream().filter(b -> reason.startsWith(b.getKey())).map(Map.Entry::getValue).findFirst()
			.orElse(OTHER);
	}

}
