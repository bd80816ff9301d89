/**
 * The site registry: the federation's hierarchy of sites (central institutions, township branches, village and
 * community centres, reading rooms, mobile units), loaded from YAML, validated as a whole and stored in PostgreSQL.
 * This package is part of the module's API: other modules read sites through {@link org.branchlink.sync.site.SiteRegistry}.
 */
package org.branchlink.sync.site;
