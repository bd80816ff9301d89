package org.branchlink.catalog.cql;

import java.io.IOException;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.branchlink.catalog.index.SolrFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The union catalogue's works searched and scanned in CQL (the query language of SRU): the search page's fields and
 * folding (简/繁, pinyin, accents), each term in a request parameter of its own so no term is read as query syntax. A
 * query the catalogue cannot run is a {@link CqlRefusal} with its diagnostic, never an error.
 */
@Component
public class CqlSearch {

	private static final Logger log = LoggerFactory.getLogger(CqlSearch.class);

	private final SolrClient solr;

	CqlSearch(SolrClient solr) {
		this.solr = solr;
	}

	/**
	 * A page of a search's works.
	 *
	 * @param found how many works the query finds
	 * @param workIds the page's works, in the query's order
	 */
	public record Page(long found, List<String> workIds) {
	}

	/**
	 * A term of an index, as a scan lists it.
	 *
	 * @param value the term as the index holds it
	 * @param numberOfRecords how many works have it
	 * @param displayTerm a title for a title's sort key, else null
	 * @param whereInList {@code first}, {@code last}, {@code only} or {@code inner}
	 */
	public record ScanTerm(String value, long numberOfRecords, String displayTerm, String whereInList) {
	}

	/**
	 * The works a CQL query finds, from {@code offset} (0 = the first), at most {@code rows}.
	 *
	 * @throws CqlRefusal when the query is not valid CQL or asks what the catalogue does not index
	 */
	public Page search(String cql, int offset, int rows) {
		SolrQuery query = CqlToSolr.translate(cql);
		query.setStart(offset).setRows(rows).setFields(SolrFields.ID);
		QueryResponse response = run(solr, query);
		return new Page(response.getResults().getNumFound(), response.getResults()
			.stream()
			.map(doc -> (String) doc.getFieldValue(SolrFields.ID))
			.toList());
	}

	/**
	 * The terms of a scan clause's index around its term ({@code dc.title = "红楼"}), in index order.
	 *
	 * @param terms how many terms
	 * @param position where the clause's term stands in the list (1 = first; 0 = just before it)
	 */
	public List<ScanTerm> scan(String clause, int terms, int position) {
		return new IndexScan(solr).scan(clause, terms, position);
	}

	/** Runs a query; a query Solr cannot run is a diagnostic. */
	static QueryResponse run(SolrClient solr, SolrQuery query) {
		try {
			return solr.query(query);
		}
		catch (SolrException ex) {
			log.debug("Solr refused a CQL query: {}", ex.getMessage());
			if (ex.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
				throw new CqlRefusal(Diagnostic.QUERY_SYNTAX, "", "The query cannot be run as it is written.");
			}
			throw new CqlRefusal(Diagnostic.GENERAL, "", "The search failed.");
		}
		catch (SolrServerException | IOException ex) {
			log.warn("A CQL search failed", ex);
			throw new CqlRefusal(Diagnostic.GENERAL, "", "The search failed.");
		}
	}

}
