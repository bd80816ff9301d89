/**
 * The SRU server (Search/Retrieve via URL, versions 1.2 and 2.0) on {@code /sru}: explain, searchRetrieve and scan over
 * the union catalogue's works. CQL is parsed here ({@link org.branchlink.gateway.sru.CqlParser}) and translated into
 * Solr queries on the search page's fields and analysis ({@link org.branchlink.gateway.sru.CqlToSolr}); records are
 * MARCXML (MARC21 or UNIMARC, a field per copy) or Dublin Core, each with its holdings per site and their availability.
 * Only works, copies and sites are ever given: no reader data. See src/docs/sru.md.
 */
package org.branchlink.gateway.sru;
