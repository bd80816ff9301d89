/**
 * The catalogue searched in CQL, the query language of SRU: {@link org.branchlink.catalog.cql.CqlSearch} parses a
 * query ({@link org.branchlink.catalog.cql.CqlParser}), translates it onto the search page's fields and folding
 * (title, creator, subject, publisher, year, ISBN, id; 简/繁, pinyin, accents) and runs it, or scans an index's terms;
 * what it cannot run is a {@link org.branchlink.catalog.cql.CqlRefusal} naming its SRU/CQL diagnostic.
 */
package org.branchlink.catalog.cql;
