package org.branchlink.gateway.sru;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.CatalogChanges;
import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.WorkRecords;
import org.branchlink.catalog.cql.CqlParser;
import org.branchlink.catalog.cql.CqlRefusal;
import org.branchlink.catalog.cql.CqlSearch;
import org.branchlink.catalog.cql.Diagnostic;
import org.branchlink.site.SiteDirectory;

import org.springframework.stereotype.Component;

/**
 * The three SRU operations over the union catalogue's works: explain, searchRetrieve (CQL through the catalogue's {@link CqlSearch},
 * the page's works then read with their copies as harvesters get them) and scan. Results can be
 * paged as deep as the search page's ({@link SearchRequest#MAX_DEPTH}).
 */
@Component
class SruProvider {

	private final CqlSearch search;

	private final WorkRecords works;

	private final CatalogChanges changes;

	private final SiteDirectory directory;

	private final SruProperties properties;

	SruProvider(CqlSearch search, WorkRecords works, CatalogChanges changes, SiteDirectory directory,
			SruProperties properties) {
		this.search = search;
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
			case SCAN -> scan(request);
		};
	}

	SruProperties properties() {
		return properties;
	}

	private SruAnswer search(SruRequest request) {
		String cql = request.parameter("query")
			.filter(query -> !query.isBlank())
			.orElseThrow(() -> new CqlRefusal(Diagnostic.MANDATORY_PARAMETER, "query",
					"searchRetrieve needs a query."));
		int start = request.number("startRecord", 1, 1);
		int maximum = Math.min(request.number("maximumRecords", 0, properties.defaultRecords()),
				properties.maximumRecords());
		String schemaName = request.parameter("recordSchema").orElse(RecordSchema.MARCXML.shortName());
		RecordSchema schema = RecordSchema.of(schemaName)
			.orElseThrow(() -> new CqlRefusal(Diagnostic.UNKNOWN_SCHEMA, schemaName,
					"Unknown record schema " + schemaName + "; marcxml and dc are given."));
		boolean escaped = request.stringPacking();
		if (start > SearchRequest.MAX_DEPTH) {
			CqlParser.parse(cql);
			throw new CqlRefusal(Diagnostic.START_OUT_OF_RANGE, Integer.toString(start),
					"Only the first " + SearchRequest.MAX_DEPTH + " records of a result can be retrieved.");
		}
		int rows = Math.min(maximum, SearchRequest.MAX_DEPTH - (start - 1));
		CqlSearch.Page page = search.search(cql, start - 1, rows);
		long found = page.found();
		if (start > 1 && start > found) {
			return new SruAnswer.Search(found, List.of(), null, schema, escaped, Map.of(),
					new CqlRefusal(Diagnostic.START_OUT_OF_RANGE, Integer.toString(start),
							"The result has " + found + " records; startRecord " + start + " is past them."));
		}
		List<String> ids = page.workIds();
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

	private SruAnswer.Scan scan(SruRequest request) {
		String clause = request.parameter("scanClause")
			.filter(text -> !text.isBlank())
			.orElseThrow(() -> new CqlRefusal(Diagnostic.MANDATORY_PARAMETER, "scanClause", "scan needs a scanClause."));
		int terms = Math.min(request.number("maximumTerms", 1, properties.defaultTerms()), properties.maximumTerms());
		int position = request.number("responsePosition", 0, 1);
		return new SruAnswer.Scan(search.scan(clause, terms, position)
			.stream()
			.map(t -> new SruAnswer.ScanTerm(t.value(), t.numberOfRecords(), t.displayTerm(), t.whereInList()))
			.toList());
	}

}
