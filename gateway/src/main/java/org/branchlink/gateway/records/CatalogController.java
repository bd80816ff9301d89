package org.branchlink.gateway.records;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchPage;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unified catalogue search: every site's records, merged into works, with where copies are. */
@RestController
@Tag(name = "Search", description = "Books and other works in every site of the county (public)")
class CatalogController {

	private final CatalogSearch search;

	private final UnifiedSearch unified;

	CatalogController(CatalogSearch search, UnifiedSearch unified) {
		this.search = search;
		this.unified = unified;
	}

	@GetMapping("/api/search")
	@Public
	@Operation(summary = "Search works in every site",
			description = "q takes Chinese (simplified or traditional), English, pinyin (zhongguo lishi) or initials "
					+ "(zgls), or an ISBN. Filters (repeatable): site, township, kind, line, format, language, clc, "
					+ "available; yearFrom/yearTo. near=lat,lon adds each work's nearest site with a copy on the "
					+ "shelf; sort=relevance|year|title|distance. The first page also lists up to five coming events "
					+ "and mobile stops matching q (events), nearest first with near.")
	SearchPage search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String near,
			@RequestParam(required = false) Integer yearFrom, @RequestParam(required = false) Integer yearTo,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int rows,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		return unified.search(CatalogRequests.of(q, near, yearFrom, yearTo, sort, page, rows, parameters));
	}

	@GetMapping("/api/search/suggest")
	@Public
	@Operation(summary = "Titles starting with what has been typed")
	List<String> suggest(@RequestParam String q, @RequestParam(defaultValue = "8") int limit) {
		return search.suggest(q, Math.min(Math.max(limit, 1), 20));
	}

	@GetMapping("/api/works/{id}")
	@Public
	@Operation(summary = "One work with every copy in the county")
	SearchPage.WorkHit work(@PathVariable String id) {
		return search.work(id).orElseThrow(() -> new NotFoundException("work", id));
	}

}
