package org.branchlink.site;

import java.util.List;

/**
 * One thing wrong with a registry file.
 *
 * @param line the 1-based line in the file where the offending site (or value) starts; 0 when unknown
 * @param siteId the offending site's id; null when the problem is not about one site
 * @param message what is wrong, in English
 * @param code what is wrong as a stable code (e.g. {@code parent-kind}, {@code malformed}), for pages that word it in
 * their own language; {@code other} when the problem has no code
 * @param field the value the problem is about, as its path in the file ({@code id}, {@code kind}, {@code name.zh},
 * {@code service-lines}, {@code parent}, {@code area-code}, {@code location.lat}…); null when it is about the site or the
 * file as a whole
 * @param args the values the problem names (a kind code, a parent id…), in the order the code's documentation gives;
 * never null
 */
public record RegistryProblem(int line, String siteId, String message, String code, String field, List<String> args) {

	public RegistryProblem {
		code = code == null ? "other" : code;
		args = args == null ? List.of() : List.copyOf(args);
	}

	/** A problem without a code or field. */
	public RegistryProblem(int line, String siteId, String message) {
		this(line, siteId, message, "other", null, List.of());
	}

	@Override
	public String toString() {
		String where = line > 0 ? "line " + line : "registry";
		return siteId == null ? where + ": " + message : where + ", site '" + siteId + "': " + message;
	}

}
