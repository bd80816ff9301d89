package org.branchlink.gateway.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.site.CountySettings;

import org.springframework.stereotype.Component;

/**
 * The copies hold allocation chooses from: the catalogue's copies of the work on a shelf now, less those another hold
 * keeps; each site's recent load; whether a work has a new acquisition.
 */
@Component
class HoldCopies {

	private final CatalogCopies catalog;

	private final HoldStore holds;

	private final HoldPolicy policy;

	private final Clock clock;

	private final ZoneId zone;

	/** Works with or without a new acquisition, remembered a minute: every placement behind others asks. */
	private final Cache<String, Boolean> newAcquisitions = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(50_000)
		.build();

	HoldCopies(CatalogCopies catalog, HoldStore holds, HoldPolicy policy, Clock clock, CountySettings county) {
		this.catalog = catalog;
		this.holds = holds;
		this.policy = policy;
		this.clock = clock;
		this.zone = county.zone();
	}

	/** Whether the work has a copy young enough to be kept for local readers. */
	boolean hasNewAcquisition(String workId) {
		return newAcquisitions.get(workId,
				work -> catalog.acquiredAfter(work, LocalDate.now(clock.withZone(zone)).minusDays(policy.localDays())));
	}

	/** Copies of the hold's work (or its one copy) on a shelf now and kept by no other hold. */
	List<CopyCandidate> candidates(Hold hold) {
		List<CatalogCopies.ShelfCopy> onShelf = catalog.onShelf(hold.workId()).stream()
			.filter(c -> hold.wanted() == null || hold.wanted().equals(CopyId.of(c.copy())))
			.toList();
		Set<CopyId> kept = holds.kept(onShelf.stream().map(c -> CopyId.of(c.copy())).toList());
		// the acquisition date the holdings carry (Koha 952$d / 995$5, a spreadsheet's 入藏日期, a pushed item's
		// "acquired"); copies without one are never held back
		return onShelf.stream()
			.filter(c -> !kept.contains(CopyId.of(c.copy())))
			.map(c -> new CopyCandidate(c.copy(), c.shelfSite(),
					c.acquiredOn() == null ? null : c.acquiredOn().atStartOfDay(zone).toInstant()))
			.toList();
	}

	/** Copies each site allocated to holds in the last seven days. */
	Map<String, Integer> recentLoad() {
		return holds.allocatedPerSiteSince(clock.instant().minus(Duration.ofDays(7)));
	}

}
