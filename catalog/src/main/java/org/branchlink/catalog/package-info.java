/**
 * The catalog module: records, holdings and works, the Solr configset, indexing and search. Its top-level package is
 * its API; {@code index} holds the Solr plumbing. Imports nothing from {@code sync} or {@code gateway}.
 */
package org.branchlink.catalog;
