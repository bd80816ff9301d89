package org.branchlink.site;

/**
 * The county federation (总分馆体系): the root of the site tree.
 *
 * @param id a short code for the federation
 * @param name its Chinese and English names
 * @param areaCode the county's 12-digit statistical area code; every site's code lies within its county
 */
public record Federation(String id, LocalizedName name, AreaCode areaCode) {
}
