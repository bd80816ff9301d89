package org.branchlink.gateway.circulation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationBatchReader;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.IntakeReport;
import org.branchlink.sync.circulation.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Circulation events from sites' systems and offline batches; the conflict list; the lending pipeline's state. */
@RestController
@Tag(name = "Circulation")
class CirculationController {

	private final LendingDesk desk;

	private final SiteAccess access;

	private final CirculationQueries queries;

	private final ItemAvailability availability;

	private final CountySettings county;

	private final Audit audit;

	CirculationController(LendingDesk desk, SiteAccess access, CirculationQueries queries,
			ItemAvailability availability, CountySettings county, Audit audit) {
		this.audit = audit;
		this.desk = desk;
		this.access = access;
		this.queries = queries;
		this.availability = availability;
		this.county = county;
	}

	/**
	 * An event as a site's system sends it.
	 *
	 * @param eventId the site's unique id for it (required; the key for deduplication)
	 * @param type checkout, checkin, renew, lost, missing, found, send, receive
	 * @param occurredAt ISO-8601 time; without an offset, the county's time
	 * @param barcode the copy
	 * @param owner the copy's owning site, when the barcode is not unique in the county
	 * @param card the reader's card number (checkout)
	 * @param destination where a copy sent in transit goes
	 * @param dueAt the due date the site gave, optional
	 */
	record EventInput(String eventId, String type, String occurredAt, String barcode, String owner, String card,
			String destination, String dueAt) {
	}

	@PostMapping(path = "/api/sites/{siteId}/circulation/events", consumes = "application/json")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','LIBRARIAN','CENTRAL_ADMIN') "
			+ "and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Report circulation events (JSON array)",
			description = "Events are stored before the answer (nothing accepted is lost); an event id the site sent "
					+ "before is a duplicate and ignored; each refused event is listed with its reason. Events of one "
					+ "copy apply in the order they happened, whatever order they arrive in.")
	IntakeReport events(@PathVariable String siteId, @RequestBody List<EventInput> input, Authentication authentication) {
		access.requireKnown(siteId);
		List<CirculationEvent> events = new ArrayList<>();
		List<Refusal> rejected = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			EventInput in = input.get(i);
			String position = "event " + (i + 1);
			var type = CirculationAction.parse(in.type());
			var at = CirculationBatchReader.time(in.occurredAt(), county.zone());
			var due = CirculationBatchReader.time(in.dueAt(), county.zone());
			if (type.isEmpty()) {
				rejected.add(new Refusal(position, in.eventId(), "unknown event type '" + in.type() + "'"));
			}
			else if (at == null) {
				rejected.add(new Refusal(position, in.eventId(), "unreadable or missing time '" + in.occurredAt() + "'"));
			}
			else if (in.dueAt() != null && due == null) {
				rejected.add(new Refusal(position, in.eventId(), "unreadable due date '" + in.dueAt() + "'"));
			}
			else {
				events.add(new CirculationEvent(siteId, in.eventId(), type.get(), at, trim(in.barcode()), trim(in.owner()),
						trim(in.card()), trim(in.destination()), due));
			}
		}
		return submit(new CirculationBatch(siteId, "api", events, rejected), authentication);
	}

	/** Submits a batch; copies it marks lost or missing go in the audit log with who reported them. */
	private IntakeReport submit(CirculationBatch batch, Authentication authentication) {
		for (CirculationEvent event : batch.events()) {
			if (event.type() == CirculationAction.LOST || event.type() == CirculationAction.MISSING) {
				audit.record(authentication, Audit.COPY_MARKED, Map.of("site", batch.siteId(), "barcode",
						String.valueOf(event.barcode()), "mark", event.type().name().toLowerCase(Locale.ROOT),
						"eventId", String.valueOf(event.eventId())));
			}
		}
		return desk.submit(batch);
	}

	@PostMapping(path = "/api/sites/{siteId}/circulation/batch", consumes = "multipart/form-data")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','LIBRARIAN','CENTRAL_ADMIN') "
			+ "and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Upload an offline batch (Koha .koc, JSON lines or CSV)",
			description = "Sending the same file twice, or its lines in another order, gives the same result as "
					+ "sending it once in order.")
	IntakeReport batch(@PathVariable String siteId, @RequestPart("file") MultipartFile file,
			Authentication authentication) throws IOException {
		access.requireKnown(siteId);
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (var in = file.getInputStream()) {
			return submit(CirculationBatchReader.read(siteId, name, in, county.zone()), authentication);
		}
	}

	@GetMapping("/api/circulation/conflicts")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') "
			+ "and (#site == null or @siteAccess.mayActFor(authentication, #site))")
	@Operation(summary = "Open conflicts at the sites the caller serves",
			description = "Scope: the sites the caller acts for, or the one site=… names.")
	List<CirculationQueries.ConflictView> conflicts(@RequestParam(required = false) String site,
			Authentication authentication) {
		return queries.openConflicts(site == null ? access.sitesFor(authentication) : Set.of(site), 500);
	}

	@PostMapping("/api/circulation/conflicts/{id}/resolve")
	@LibrarianOrCentral
	@Operation(summary = "Mark a conflict dealt with", description = "Scope: the conflict's site.")
	Map<String, Object> resolve(@PathVariable long id, Authentication authentication) {
		var conflict = queries.conflict(id).orElseThrow(() -> new NotFoundException("conflict", Long.toString(id)));
		access.requireActFor(authentication, conflict.siteId());
		queries.resolve(id, authentication.getName());
		audit.record(authentication, Audit.CONFLICT_OVERRIDDEN, Map.of("conflict", id, "site", conflict.siteId()));
		return Map.of("id", id, "resolved", true);
	}

	@PostMapping("/api/circulation/conflicts/{id}/retry")
	@LibrarianOrCentral
	@Operation(summary = "Apply again an event whose copy was unknown (after the copy was catalogued)",
			description = "Scope: the conflict's site.")
	Map<String, Object> retry(@PathVariable long id, Authentication authentication) {
		var conflict = queries.conflict(id).orElseThrow(() -> new NotFoundException("conflict", Long.toString(id)));
		access.requireActFor(authentication, conflict.siteId());
		int queued = queries.retry(conflict);
		if (queued > 0) {
			queries.resolve(id, authentication.getName());
		}
		return Map.of("id", id, "requeued", queued);
	}

	@GetMapping("/api/circulation/status")
	@LibrarianOrCentral
	@Operation(summary = "The lending pipeline: journal counts and the search index's backlog")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>(queries.counts());
		status.put("index", availability.indexStatus());
		return status;
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
