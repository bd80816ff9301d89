package org.branchlink.site;

/**
 * Published after a registry file was loaded and committed.
 *
 * @param registry the registry now in force
 */
public record SiteRegistryLoaded(SiteRegistry registry) {
}
