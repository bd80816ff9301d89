package org.branchlink.gateway.sru;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.branchlink.catalog.CatalogChanges;
import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.WorkRecords;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The three SRU operations over the union catalogue's works: explain, searchRetrieve (CQL through {@link CqlToSolr},
 * the page's works then read with their copies as harvesters get them) and scan ({@link IndexScan}). Results can be
 * paged as deep as the search page's ({@link SearchRequest#MAX_DEPTH}).
 */
@Component
class SruProvider {

	private static final Logger log = LoggerFactory.getLogger(SruProvider.class);

	private final SolrClient solr;

	private final WorkRecords works;

	private final CatalogChanges changes;

	private final SiteDirectory directory;

	private final SruProperties properties;

	SruProvider(SolrClient solr, WorkRecords works, CatalogChanges changes, SiteDirectory directory,
			SruProperties properties) {
		this.solr = solr;
		this.works = works;
		this.changes = changes;
		this.directory = directory;
		this.properties = properties;
	}

	SruAnswer answer(SruRequest request) {
		request.check();
		return switch (request.operation()) {
			case EXPLAIN -> {
				request.stringPacking();
				yield new SruAnswer.Explain();
			}
			case SEARCH_RETRIEVE -> search(request);
			case SCAN -> new IndexScan(solr, properties).scan(request);
		};
	}

	SruProperties properties() {
		return properties;
	}

	private SruAnswer search(SruRequest request) {
		String cql = request.parameter("query")
			.filter(query -> !query.isBlank())
			.orElseThrow(() -> new SruRefusal(SruDiagnostic.MANDATORY_PARAMETER, "query",
					"searchRetrieve needs a query."));
		int start = request.number("startRecord", 1, 1);
		int maximum = Math.min(request.number("maximumRecords", 0, properties.defaultRecords()),
				properties.maximumRecords());
		String schemaName = request.parameter("recordSchema").orElse(RecordSchema.MARCXML.shortName());
		RecordSchema schema = RecordSchema.of(schemaName)
			.orElseThrow(() -> new SruRefusal(SruDiagnostic.UNKNOWN_SCHEMA, schemaName,
					"Unknown record schema " + schemaName + "; marcxml and dc are given."));
		boolean escaped = request.stringPacking();
		SolrQuery query = CqlToSolr.translate(cql);
		if (start > SearchRequest.MAX_DEPTH) {
			throw new SruRefusal(SruDiagnostic.START_OUT_OF_RANGE, Integer.toString(start),
					"Only the first " + SearchRequest.MAX_DEPTH + " records of a result can be retrieved.");
		}
		int rows = Math.min(maximum, SearchRequest.MAX_DEPTH - (start - 1));
		query.setStart(start - 1).setRows(rows).setFields(SolrFields.ID);
		QueryResponse response = query(solr, query);
		long found = response.getResults().getNumFound();
		if (start > 1 && start > found) {
			return new SruAnswer.Search(found, List.of(), null, schema, escaped, Map.of(),
					new SruRefusal(SruDiagnostic.START_OUT_OF_RANGE, Integer.toString(start),
							"The result has " + found + " records; startRecord " + start + " is past them."));
		}
		List<String> ids = response.getResults()
			.stream()
			.map(doc -> (String) doc.getFieldValue(SolrFields.ID))
			.toList();
		Map<String, PublishedWork> content = ids.isEmpty() ? Map.of() : works.load(ids);
		Map<String, Instant> changed = ids.isEmpty() ? Map.of() : changes.workChanges(ids);
		List<SruAnswer.Hit> hits = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			PublishedWork work = content.get(ids.get(i));
			if (work != null) {
				hits.add(new SruAnswer.Hit(start + i, work, changed.getOrDefault(work.id(), Instant.EPOCH)));
			}
		}
		long after = (long) start - 1 + ids.size();
		Integer next = ids.isEmpty() || after >= found || after >= SearchRequest.MAX_DEPTH ? null : (int) after + 1;
		Map<String, String> sites = new HashMap<>();
		if (!hits.isEmpty()) {
			directory.byId().forEach((id, site) -> sites.put(id, site.name().zh()));
		}
		return new SruAnswer.Search(found, hits, next, schema, escaped, sites, null);
	}

	/** Runs a query; a query Solr cannot run is a diagnostic, never an error page. */
	static QueryResponse query(SolrClient solr, SolrQuery query) {
		try {
			return solr.query(query);
		}
		catch (SolrException ex) {
			log.debug("Solr refused an SRU query: {}", ex.getMessage());
			if (ex.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
				throw new SruRefusal(SruDiagnostic.QUERY_SYNTAX, "", "The query cannot be run as it is written.");
			}
			throw new SruRefusal(SruDiagnostic.GENERAL, "", "The search failed.");
		}
		catch (SolrServerException | IOException ex) {
			log.warn("An SRU search failed", ex);
			throw new SruRefusal(SruDiagnostic.GENERAL, "", "The search failed.");
		}
	}

}
