package org.branchlink.gateway.holds;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A reader's holds: place (title or copy, pickup anywhere), list, cancel. */
@RestController
@Tag(name = "Holds")
class HoldController {

	private final HoldQueue holds;

	private final ReaderRegistry readers;

	private final SiteAccess access;

	private final HoldShelf shelf;

	HoldController(HoldQueue holds, ReaderRegistry readers, SiteAccess access,
			HoldShelf shelf) {
		this.holds = holds;
		this.readers = readers;
		this.access = access;
		this.shelf = shelf;
	}

	/**
	 * @param workId the title (work) wanted
	 * @param copySite with copyBarcode: one particular copy instead of any
	 * @param copyBarcode the copy's barcode
	 * @param pickupSite where the reader will collect it (any site, a bookmobile stop included)
	 */
	record HoldRequest(String workId, String copySite, String copyBarcode, String pickupSite) {
	}

	@PostMapping("/api/holds")
	@ReaderOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Place a hold", description = "409 over the reader's hold limit. A copy on a shelf is "
			+ "allocated at once when no earlier hold waits for the title.")
	HoldQueue.HoldView place(@RequestBody HoldRequest request, Authentication authentication) {
		if (request.workId() == null || request.workId().isBlank()) {
			throw new IllegalArgumentException("a hold needs the work it is for");
		}
		ItemRef copy = request.copyBarcode() == null ? null
				: new ItemRef(request.copySite(), request.copyBarcode(), request.workId());
		return holds.place(reader(authentication), request.workId(), copy, request.pickupSite());
	}

	@GetMapping("/api/me/holds")
	@ReaderOnly
	@Operation(summary = "My holds")
	List<HoldQueue.HoldView> mine(Authentication authentication) {
		return holds.holdsOf(reader(authentication).cardNumber());
	}

	@PostMapping("/api/me/holds/{id}/cancel")
	@ReaderOnly
	@Operation(summary = "Cancel one of my holds")
	HoldQueue.HoldView cancel(@PathVariable long id, Authentication authentication) {
		holds.cancel(reader(authentication), id);
		return holds.view(id);
	}

	/** @param until the date the hold wakes up again (null: now) */
	record Suspension(LocalDate until) {
	}

	@PostMapping("/api/me/holds/{id}/suspend")
	@ReaderOnly
	@Operation(summary = "Suspend one of my waiting holds until a date (it keeps its place)")
	HoldQueue.HoldView suspend(@PathVariable long id, @RequestBody Suspension suspension, Authentication authentication) {
		holds.suspend(reader(authentication), id, suspension.until());
		return holds.view(id);
	}

	@GetMapping("/api/sites/{siteId}/pull-list")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Copies to pull from this site's shelves for holds, with where each must go")
	List<HoldShelf.PullItem> pullList(@PathVariable String siteId) {
		access.requireKnown(siteId);
		return shelf.pullList(siteId);
	}

	private Reader reader(Authentication authentication) {
		return readers.byUsername(authentication.getName())
			.orElseThrow(() -> new NotFoundException("reader card for account", authentication.getName()));
	}

}
