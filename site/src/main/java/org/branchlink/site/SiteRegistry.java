package org.branchlink.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, complete set of sites of one federation. Instances are only made from input that passed
 * {@link SiteRegistryValidator}, so every parent exists, there is no cycle and every kind sits under an allowed
 * parent.
 */
public final class SiteRegistry {

	private final Federation federation;

	private final Map<String, Site> sites;

	private final Map<String, List<Site>> children;

	SiteRegistry(Federation federation, List<Site> sites) {
		this.federation = federation;
		this.sites = new LinkedHashMap<>();
		this.children = new LinkedHashMap<>();
		for (Site site : sites) {
			this.sites.put(site.id(), site);
			site.parent().ifPresent(parent -> this.children.computeIfAbsent(parent, p -> new ArrayList<>()).add(site));
		}
	}

	public Federation federation() {
		return federation;
	}

	public List<Site> sites() {
		return List.copyOf(sites.values());
	}

	public int size() {
		return sites.size();
	}

	/** Every site by its id, in the registry's order (read-only). */
	public Map<String, Site> byId() {
		return Collections.unmodifiableMap(sites);
	}

	public Optional<Site> find(String id) {
		return Optional.ofNullable(sites.get(id));
	}

	public List<Site> childrenOf(String id) {
		return Collections.unmodifiableList(children.getOrDefault(id, List.of()));
	}

	/** The path from the root down to the site, both included. */
	public List<Site> ancestry(String id) {
		List<Site> path = new ArrayList<>();
		for (Site site = sites.get(id); site != null; site = site.parent().map(sites::get).orElse(null)) {
			path.add(0, site);
		}
		return path;
	}

	/** The township station a site belongs to (itself for a station), if any. */
	public Optional<Site> townshipOf(String id) {
		return ancestry(id).stream().filter(site -> site.kind() == SiteKind.TOWNSHIP_STATION).findFirst();
	}

	/** The whole hierarchy: one node per central institution. */
	public List<SiteNode> tree() {
		return sites.values().stream().filter(site -> site.parentId() == null).map(this::node).toList();
	}

	private SiteNode node(Site site) {
		return new SiteNode(site, childrenOf(site.id()).stream().map(this::node).toList());
	}

}
