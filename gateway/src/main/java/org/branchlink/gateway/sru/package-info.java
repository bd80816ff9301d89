/**
 * The SRU server (Search/Retrieve via URL, versions 1.2 and 2.0) on {@code /sru}: explain, searchRetrieve and scan over
 * the union catalogue's works. The protocol is here (requests, parameters, the response XML, the explain record);
 * the CQL queries and scans are the catalogue's ({@link org.branchlink.catalog.cql.CqlSearch}: parsed, translated onto
 * the search page's fields and analysis, run on its index). Records are MARCXML (MARC21 or UNIMARC, a field per copy)
 * or Dublin Core, each with its holdings per site and their availability. Only works, copies and sites are ever given:
 * no reader data. See src/docs/sru.md.
 */
package org.branchlink.gateway.sru;
