package org.branchlink.gateway.holds;

import java.util.List;
import java.util.Map;

import org.branchlink.site.Site;
import org.branchlink.site.SiteRegistry;

/**
 * What it costs to bring a copy from one site to another, from the hierarchy and the distance: the county's delivery
 * runs go from the central library to the township stations and from a station to its villages, so a copy travels up
 * to the nearest common ancestor and down again. Each hop costs {@value #HOP}, each kilometre as the crow flies
 * {@value #PER_KM}. A county's own figures for a pair (a bus line, a shared courier) override it.
 */
public final class TransportCosts {

	static final double HOP = 1.0;

	static final double PER_KM = 0.05;

	private final SiteRegistry registry;

	private final Map<String, Double> overrides;

	/**
	 * @param registry the sites
	 * @param overrides costs by {@code "<from>><to>"}, used in both directions
	 */
	public TransportCosts(SiteRegistry registry, Map<String, Double> overrides) {
		this.registry = registry;
		this.overrides = Map.copyOf(overrides);
	}

	public double cost(String from, String to) {
		if (from.equals(to)) {
			return 0;
		}
		Double fixed = overrides.get(from + ">" + to);
		if (fixed == null) {
			fixed = overrides.get(to + ">" + from);
		}
		if (fixed != null) {
			return fixed;
		}
		List<Site> a = registry.ancestry(from);
		List<Site> b = registry.ancestry(to);
		if (a.isEmpty() || b.isEmpty()) {
			return Double.POSITIVE_INFINITY;
		}
		int common = 0;
		while (common < a.size() && common < b.size() && a.get(common).id().equals(b.get(common).id())) {
			common++;
		}
		// different roots (library and culture hall) meet through the county: one more hop
		int hops = (a.size() - common) + (b.size() - common) + (common == 0 ? 1 : 0);
		double km = a.get(a.size() - 1).location().distanceKm(b.get(b.size() - 1).location());
		return hops * HOP + km * PER_KM;
	}

}
