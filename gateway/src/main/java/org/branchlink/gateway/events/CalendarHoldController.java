package org.branchlink.gateway.events;

import java.util.List;
import java.util.Locale;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.sync.calendar.CalendarHold;
import org.branchlink.sync.calendar.CalendarHolds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A site's held calendar fetches (#22.2): the librarians of the site (or central staff) read them and confirm the
 * cancellations a held fetch would have made. Unknown site or hold: 404; a hold no longer open: 409.
 */
@RestController
@Tag(name = "Events")
class CalendarHoldController {

	private final CalendarHolds holds;

	private final SiteAccess access;

	CalendarHoldController(CalendarHolds holds, SiteAccess access) {
		this.holds = holds;
		this.access = access;
	}

	@GetMapping("/api/sites/{siteId}/calendar-holds")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "The site's held calendar fetches, the latest first")
	List<CalendarHold> list(@PathVariable String siteId) {
		access.requireKnown(siteId);
		return holds.of(siteId);
	}

	@PostMapping("/api/sites/{siteId}/calendar-holds/{id}/confirm")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "Confirm a held fetch: the events it would have called off are called off now",
			description = "409 when the hold is no longer open.")
	CalendarHold confirm(@PathVariable String siteId, @PathVariable long id, Authentication authentication) {
		access.requireKnown(siteId);
		CalendarHold hold = holds.find(siteId, id)
			.orElseThrow(() -> new NotFoundException("calendar hold", siteId + "/" + id));
		return holds.confirm(siteId, id, authentication.getName())
			.orElseThrow(() -> new ConflictException("calendar-hold-state", CodedRefusal.word("calendar.hold.state." + hold.state().name().toLowerCase(Locale.ROOT))));
	}

}
