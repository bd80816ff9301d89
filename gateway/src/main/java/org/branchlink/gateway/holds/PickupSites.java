package org.branchlink.gateway.holds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.site.ServiceLine;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;

import org.springframework.stereotype.Component;

/**
 * Where a reader may collect a hold: every site that lends (not the culture hall, its villages' halls or troupes),
 * grouped by township for the pickup select; the county-level sites, in no township, come first.
 */
@Component
public class PickupSites {

	private final SiteDirectory sites;

	PickupSites(SiteDirectory sites) {
		this.sites = sites;
	}

	/**
	 * One group of the pickup select.
	 *
	 * @param township the township station, or null for the county-level sites
	 * @param sites the lending sites in it, the station first
	 */
	public record Group(Site township, List<Site> sites) {
	}

	public List<Group> groups() {
		return sites.current().map(PickupSites::groups).orElse(List.of());
	}

	static List<Group> groups(SiteRegistry registry) {
		Map<String, List<Site>> byTownship = new LinkedHashMap<>();
		List<Site> lending = registry.sites().stream()
			.filter(site -> site.serviceLines().contains(ServiceLine.LIBRARY))
			.sorted(Comparator.comparing((Site site) -> site.kind().level().ordinal()).thenComparing(Site::id))
			.toList();
		for (Site site : lending) {
			String township = registry.townshipOf(site.id()).map(Site::id).orElse("");
			byTownship.computeIfAbsent(township, key -> new ArrayList<>()).add(site);
		}
		List<Group> groups = new ArrayList<>();
		if (byTownship.containsKey("")) {
			groups.add(new Group(null, byTownship.remove("")));
		}
		byTownship.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> groups.add(new Group(registry.find(entry.getKey()).orElseThrow(), entry.getValue())));
		return groups;
	}

	/** The site the select starts on: the reader's home site when it lends, else its township's station, else none. */
	public String defaultFor(String homeSite) {
		if (homeSite == null) {
			return null;
		}
		return sites.current().map(registry -> {
			List<Site> lending = groups(registry).stream().flatMap(g -> g.sites().stream()).toList();
			if (lending.stream().anyMatch(site -> site.id().equals(homeSite))) {
				return homeSite;
			}
			return registry.townshipOf(homeSite).map(Site::id)
				.filter(id -> lending.stream().anyMatch(site -> site.id().equals(id)))
				.orElse(null);
		}).orElse(null);
	}

}
