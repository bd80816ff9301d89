package org.branchlink.site;

/**
 * One thing wrong with a registry file.
 *
 * @param line the 1-based line in the file where the offending site (or value) starts; 0 when unknown
 * @param siteId the offending site's id; null when the problem is not about one site
 * @param message what is wrong, in English
 */
public record RegistryProblem(int line, String siteId, String message) {

	@Override
	public String toString() {
		String where = line > 0 ? "line " + line : "registry";
		return siteId == null ? where + ": " + message : where + ", site '" + siteId + "': " + message;
	}

}
