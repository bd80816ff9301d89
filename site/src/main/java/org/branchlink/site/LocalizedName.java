package org.branchlink.site;

/**
 * A name in Chinese and English.
 *
 * @param zh the Chinese name, never blank
 * @param en the English name, never blank
 */
public record LocalizedName(String zh, String en) {
}
