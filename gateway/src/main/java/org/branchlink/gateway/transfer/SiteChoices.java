package org.branchlink.gateway.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;

import org.springframework.stereotype.Component;

/**
 * Sites to choose from in a select, grouped by township (an {@code optgroup} each, the township's own site first),
 * the county-level sites in a group of their own. Pages name them through {@code @siteLabels}; no one types a site id.
 */
@Component
class SiteChoices {

	private final SiteDirectory sites;

	SiteChoices(SiteDirectory sites) {
		this.sites = sites;
	}

	/**
	 * One group of the select.
	 *
	 * @param township the township, or null for the county-level sites
	 * @param sites its sites
	 */
	record Group(Site township, List<Site> sites) {
	}

	List<Group> groups() {
		SiteRegistry registry = sites.require();
		Map<String, List<Site>> byTownship = new LinkedHashMap<>();
		List<Site> county = new ArrayList<>();
		for (Site site : registry.sites()) {
			registry.townshipOf(site.id())
				.ifPresentOrElse(township -> byTownship.computeIfAbsent(township.id(), id -> new ArrayList<>()).add(site),
						() -> county.add(site));
		}
		List<Group> groups = new ArrayList<>();
		if (!county.isEmpty()) {
			groups.add(new Group(null, county));
		}
		byTownship.forEach((id, members) -> groups.add(new Group(registry.find(id).orElseThrow(), members)));
		return groups;
	}

}
