package org.branchlink.gateway.outbound;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.sync.outbound.SiteChange;
import org.branchlink.sync.outbound.SiteChanges;
import org.branchlink.sync.outbound.SiteWebhookTemplate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A site's change feed, for a site's system that cannot receive calls: it reads on from the last change it took. */
@RestController
@Tag(name = "Sites")
class SiteChangeController {

	private final SiteChanges changes;

	private final SiteAccess access;

	SiteChangeController(SiteChanges changes, SiteAccess access) {
		this.changes = changes;
		this.access = access;
	}

	/**
	 * A page of the feed.
	 *
	 * @param changes the changes after the cursor, oldest first, each as the webhook posts it
	 * @param next the cursor to ask with next (the last change's id; the cursor asked with when there was none)
	 * @param more whether more changes follow at once
	 */
	record FeedPage(List<Map<String, Object>> changes, long next, boolean more) {
	}

	@GetMapping("/api/sites/{siteId}/changes")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "What the site's own system must know, after a cursor",
			description = "Holds to pull from the site's shelves, transfers from or to it, loans and returns of its "
					+ "copies made elsewhere, its copies' status, registrations for its events: in order, the same "
					+ "changes its webhook receives (no reader is named). Start with after=0 and ask again with the "
					+ "answer's next; each change's id is its idempotency key. Kept 30 days by default "
					+ "(branchlink.sync.webhooks.retention).")
	FeedPage changes(@PathVariable String siteId, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		access.requireKnown(siteId);
		int size = Math.max(1, Math.min(limit, SiteChanges.MAX_PAGE));
		List<SiteChange> page = changes.after(siteId, Math.max(0, after), size + 1);
		boolean more = page.size() > size;
		List<SiteChange> shown = more ? page.subList(0, size) : page;
		long next = shown.isEmpty() ? Math.max(0, after) : shown.get(shown.size() - 1).id();
		return new FeedPage(shown.stream().map(SiteWebhookTemplate::body).toList(), next, more);
	}

}
