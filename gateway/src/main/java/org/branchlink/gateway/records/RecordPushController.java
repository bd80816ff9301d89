package org.branchlink.gateway.records;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.IngestRun;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Isbn;
import org.branchlink.catalog.record.Item;
import org.branchlink.gateway.security.SiteAccess;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A site's own system pushing records as they change: MARCXML, or JSON with deletions. */
@RestController
@Tag(name = "Ingest")
class RecordPushController {

	private final CatalogIngest catalog;

	private final SiteAccess access;

	RecordPushController(CatalogIngest catalog, SiteAccess access) {
		this.catalog = catalog;
		this.access = access;
	}

	/**
	 * A pushed record.
	 *
	 * @param id the record's id in the site's system (required)
	 * @param version the site's version of it (its modification time), optional
	 * @param deleted true to remove the record
	 * @param title title (required unless deleted)
	 * @param authors names
	 * @param isbns ISBNs in any form
	 * @param publisher publisher
	 * @param year year of publication
	 * @param language ISO 639-2 code
	 * @param format book, serial, audio, video…
	 * @param classification CLC class
	 * @param subjects subjects
	 * @param items the site's copies
	 * @param links where it is online (an e-book, a database, a recording): http or https addresses; others are dropped
	 */
	record PushedRecord(String id, String version, Boolean deleted, String title, List<String> authors,
			List<String> isbns, String publisher, Integer year, String language, String format, String classification,
			List<String> subjects, List<PushedItem> items, List<String> links) {
	}

	/** A copy of a pushed record, as a site's system sends it. */
	record PushedItem(String barcode, String callNumber, String location, String status, LocalDate acquired) {
	}

	@PostMapping(path = "/api/sites/{siteId}/records", consumes = "application/json")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Push records (JSON): added, changed or deleted",
			description = "A record without id or title is quarantined with its position and the rest are taken. "
					+ "Answers the run's counts.")
	IngestReport pushJson(@PathVariable String siteId, @RequestBody List<PushedRecord> records) {
		access.requireKnown(siteId);
		IngestRun run = catalog.start(siteId, "push (json)", IngestMode.INCREMENTAL);
		try {
			for (int i = 0; i < records.size(); i++) {
				PushedRecord r = records.get(i);
				String position = "record " + (i + 1) + (r.id() == null ? "" : " (" + r.id() + ")");
				if (r.id() == null || r.id().isBlank()) {
					run.quarantine(position, "no id", null);
				}
				else if (Boolean.TRUE.equals(r.deleted())) {
					run.delete(r.id());
				}
				else if (r.title() == null || r.title().isBlank()) {
					run.quarantine(position, "no title", null);
				}
				else {
					run.accept(toBibRecord(siteId, r), "json", null);
				}
			}
			return run.finish();
		}
		catch (RuntimeException ex) {
			run.fail(ex.getMessage());
			throw ex;
		}
	}

	@PostMapping(path = "/api/sites/{siteId}/records", consumes = { "application/marcxml+xml", "application/xml", "text/xml" })
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Push records (MARCXML, MARC21 or UNIMARC)",
			description = "Same as an incremental upload.")
	IngestReport pushMarcXml(@PathVariable String siteId, @RequestBody byte[] body) {
		access.requireKnown(siteId);
		return catalog.ingestMarc(siteId, "push (marcxml)", new ByteArrayInputStream(body), MarcCharset.UTF_8,
				IngestMode.INCREMENTAL);
	}

	private static BibRecord toBibRecord(String siteId, PushedRecord r) {
		List<String> isbns = r.isbns() == null ? List.of()
				: r.isbns().stream().map(Isbn::normalize).flatMap(Optional::stream).distinct().toList();
		List<Item> items = r.items() == null ? List.of()
				: r.items().stream().filter(i -> i.barcode() != null && !i.barcode().isBlank())
					.map(i -> new Item(i.barcode(), nz(i.callNumber()), nz(i.location()),
							i.status() == null || i.status().isBlank() ? Item.AVAILABLE : i.status(), i.acquired()))
					.toList();
		return new BibRecord(siteId, r.id(), nz(r.version()), r.title().strip(), List.of(),
				r.authors() == null ? List.of() : r.authors(), isbns, nz(r.publisher()), r.year() == null ? 0 : r.year(),
				nz(r.language()), r.format() == null ? "book" : r.format(), nz(r.classification()),
				r.subjects() == null ? List.of() : r.subjects(), items,
				r.links() == null ? List.of() : r.links().stream().filter(link -> link != null
						&& link.strip().matches("(?i)https?://[^\\s<>\"]+")).map(String::strip).distinct().toList());
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
