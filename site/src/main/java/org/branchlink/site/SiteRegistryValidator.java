package org.branchlink.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole set of sites: unique ids, parents that exist, no cycles, each kind under an allowed
 * parent kind, area codes inside the federation's county. Every problem is collected, none stops the others.
 */
final class SiteRegistryValidator {

	private SiteRegistryValidator() {
	}

	/**
	 * @param federation the federation, already checked
	 * @param sites the sites, each already well-formed on its own
	 * @param lines the line each site starts at, in the same order as {@code sites}
	 * @return every problem found; empty when the registry is valid
	 */
	static List<RegistryProblem> validate(Federation federation, List<Site> sites, List<Integer> lines) {
		List<RegistryProblem> problems = new ArrayList<>();
		Map<String, Site> byId = new HashMap<>();
		Map<String, Integer> lineOf = new HashMap<>();
		for (int i = 0; i < sites.size(); i++) {
			Site site = sites.get(i);
			Integer first = lineOf.putIfAbsent(site.id(), lines.get(i));
			if (first != null) {
				problems.add(new RegistryProblem(lines.get(i), site.id(),
						"duplicate id: the same id is already used by the site at line " + first, "duplicate-id", "id",
						List.of(String.valueOf(first))));
			}
			else {
				byId.put(site.id(), site);
			}
		}
		Set<String> inCycle = cycles(byId);
		for (int i = 0; i < sites.size(); i++) {
			Site site = sites.get(i);
			int line = lines.get(i);
			if (byId.get(site.id()) != site) {
				continue;
			}
			checkParent(site, line, byId, inCycle, problems);
			if (federation != null && !site.areaCode().isWithinCounty(federation.areaCode())) {
				problems.add(new RegistryProblem(line, site.id(), "area code " + site.areaCode()
						+ " is outside the federation's county " + federation.areaCode().county(), "area-outside-county",
						"area-code", List.of(site.areaCode().value(), federation.areaCode().county())));
			}
		}
		return problems;
	}

	private static void checkParent(Site site, int line, Map<String, Site> byId, Set<String> inCycle,
			List<RegistryProblem> problems) {
		if (inCycle.contains(site.id())) {
			String path = cyclePath(site, byId);
			problems.add(new RegistryProblem(line, site.id(), "cycle: following parents from this site leads back to it ("
					+ path + ")", "cycle", "parent", List.of(path)));
			return;
		}
		if (site.parentId() == null) {
			if (!site.kind().isRoot()) {
				problems.add(new RegistryProblem(line, site.id(), "a " + site.kind().code()
						+ " needs a parent of level " + site.kind().parentLevels(), "parent-needed", "parent",
						List.of(site.kind().code())));
			}
			return;
		}
		Site parent = byId.get(site.parentId());
		if (parent == null) {
			problems.add(new RegistryProblem(line, site.id(), "unknown parent '" + site.parentId() + "'", "parent-unknown",
					"parent", List.of(site.parentId())));
		}
		else if (site.kind().isRoot()) {
			problems.add(new RegistryProblem(line, site.id(),
					"a " + site.kind().code() + " is a central institution and has no parent, but names '"
							+ parent.id() + "'", "root-has-parent", "parent", List.of(site.kind().code(), parent.id())));
		}
		else if (!site.kind().mayBeUnder(parent.kind())) {
			problems.add(new RegistryProblem(line, site.id(),
					"a " + site.kind().code() + " cannot stand under a " + parent.kind().code() + " ('" + parent.id()
							+ "'); allowed parent levels: " + site.kind().parentLevels(), "parent-kind", "parent",
					List.of(site.kind().code(), parent.kind().code(), parent.id())));
		}
	}

	/** The ids of every site that lies on a parent cycle. */
	private static Set<String> cycles(Map<String, Site> byId) {
		Set<String> onCycle = new HashSet<>();
		Set<String> cleared = new HashSet<>();
		for (String start : byId.keySet()) {
			Set<String> path = new LinkedHashSet<>();
			String current = start;
			while (current != null && !cleared.contains(current) && byId.containsKey(current) && path.add(current)) {
				current = byId.get(current).parentId();
			}
			if (current != null && path.contains(current)) {
				boolean inLoop = false;
				for (String id : path) {
					inLoop |= id.equals(current);
					if (inLoop) {
						onCycle.add(id);
					}
				}
			}
			cleared.addAll(path);
		}
		return onCycle;
	}

	private static String cyclePath(Site site, Map<String, Site> byId) {
		StringBuilder path = new StringBuilder(site.id());
		Site current = byId.get(site.parentId());
		while (current != null && !current.id().equals(site.id())) {
			path.append(" → ").append(current.id());
			current = byId.get(current.parentId());
		}
		return path.append(" → ").append(site.id()).toString();
	}

}
