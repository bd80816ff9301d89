/**
 * The site module, at the bottom of the others: the site registry (the federation's hierarchy of sites: central
 * institutions, township branches, village and community centres, reading rooms, mobile units), loaded from YAML,
 * validated as a whole and stored in PostgreSQL, and the county's settings ({@link org.branchlink.site.CountySettings}:
 * its time zone). Other modules read sites through {@link org.branchlink.site.SiteDirectory} and
 * {@link org.branchlink.site.SiteRegistry}. Imports nothing from {@code catalog}, {@code sync} or {@code gateway}.
 */
package org.branchlink.site;
