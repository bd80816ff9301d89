package org.branchlink.site;

import java.time.Instant;

/**
 * A change was made from a site as it stood before another change to it (or while another change was being loaded):
 * refused, nothing written, so that the later save does not silently undo the earlier one.
 */
public class RegistryChangedException extends RuntimeException {

	private final String siteId;

	private final transient Instant loadedAt;

	/**
	 * @param siteId the site changed since it was read, or null when the registry changed under the save
	 * @param loadedAt when the registry in force was loaded
	 */
	public RegistryChangedException(String siteId, Instant loadedAt) {
		super("site " + siteId + " was changed since it was read (registry loaded at " + loadedAt + "); nothing saved");
		this.siteId = siteId;
		this.loadedAt = loadedAt;
	}

	/** The site changed since it was read; null when the registry changed under the save. */
	public String siteId() {
		return siteId;
	}

	/** When the registry in force was loaded. */
	public Instant loadedAt() {
		return loadedAt;
	}

}
