package org.branchlink.gateway.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.QuarantinedRecord;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Feeding a site's records from outside, and what became of them. */
@RestController
@Tag(name = "Ingest", description = "Upload a site's records; ingest runs and the quarantine of refused records")
class IngestController {

	private final SiteCatalogIngest ingest;

	private final CatalogIngest catalog;

	IngestController(SiteCatalogIngest ingest, CatalogIngest catalog) {
		this.ingest = ingest;
		this.catalog = catalog;
	}

	@PostMapping(path = "/api/sites/{siteId}/ingest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Ingest a file of records for a site and return the run's counts",
			description = "The file (part 'file') is ISO 2709 or MARCXML, MARC21 or UNIMARC/CNMARC. charset (UTF-8, "
					+ "MARC-8, GBK, GB18030) and mode (full: the file is the site's whole catalogue; incremental) "
					+ "default to the site's connector settings. Malformed records are quarantined with their position "
					+ "and reason; the rest are loaded.")
	IngestReport ingest(@PathVariable String siteId, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String charset, @RequestParam(required = false) String mode)
			throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("the file is empty");
		}
		IngestMode ingestMode = mode == null || mode.isBlank() ? null : IngestMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		return ingest.ingestFile(siteId, name, file.getInputStream(), charset, ingestMode);
	}

	@PostMapping(path = "/api/ingest/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@CentralAdminOnly
	@Operation(summary = "Load many sites' files as one (a county's first load, a migration)",
			description = "Each file part is named by its site's id (several parts may name one site); each file is "
					+ "stored as that site's ingest run with the site's charset and mode, and every work is indexed "
					+ "once when all are stored, so a title many sites hold is not indexed again for each. Answers "
					+ "every run's counts. Records become searchable when the whole load ends.")
	List<IngestReport> bulk(MultipartHttpServletRequest request) {
		List<SiteCatalogIngest.SiteFile> files = new ArrayList<>();
		request.getMultiFileMap().forEach((siteId, parts) -> parts.stream().filter(part -> !part.isEmpty()).forEach(part ->
				files.add(new SiteCatalogIngest.SiteFile(siteId,
						part.getOriginalFilename() == null ? siteId + ".mrc" : part.getOriginalFilename(), part))));
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no files: send each site's file as a part named by the site's id");
		}
		return ingest.ingestFiles(files);
	}

	/** The answer to a reindex: how many works it indexed. */
	record Reindexed(long works) {
	}

	@PostMapping("/api/catalog/reindex")
	@CentralAdminOnly
	@Operation(summary = "Rebuild the whole search index from the database",
			description = "A new index is built and switched in (SolrCloud alias or core swap); search keeps answering "
					+ "from the old one meanwhile. Progress is logged.")
	Reindexed reindex() {
		return new Reindexed(ingest.reindexAll());
	}

	@GetMapping("/api/ingest/runs")
	@PreAuthorize("hasRole('CENTRAL_ADMIN') or hasAnyRole('LIBRARIAN','SITE_SYSTEM') and #site != null "
			+ "and @siteAccess.mayActFor(authentication, #site)")
	@Operation(summary = "Ingest runs: those running (with progress) first, then the latest")
	List<IngestReport> runs(@RequestParam(required = false) String site, @RequestParam(defaultValue = "20") int limit) {
		return catalog.reports(site, Math.min(Math.max(limit, 1), 200));
	}

	@GetMapping("/api/ingest/quarantine")
	@PreAuthorize("hasRole('CENTRAL_ADMIN') or hasAnyRole('LIBRARIAN','SITE_SYSTEM') and #site != null "
			+ "and @siteAccess.mayActFor(authentication, #site)")
	@Operation(summary = "Records refused at ingest, with site, source, position and reason")
	List<QuarantinedRecord> quarantine(@RequestParam(required = false) String site,
			@RequestParam(defaultValue = "100") int limit) {
		return catalog.quarantined(site, Math.min(Math.max(limit, 1), 1000));
	}

}
