package org.branchlink.gateway.site;

import java.util.List;
import java.util.Map;

import org.branchlink.site.LocalizedName;
import org.branchlink.site.ServiceLine;
import org.branchlink.site.Site;
import org.branchlink.site.SiteNode;
import org.branchlink.site.SiteRegistry;

/** The JSON shapes of the site API. Connector parameters are not shown: they may name internal hosts. */
final class SiteViews {

	private SiteViews() {
	}

	/** A name in Chinese and English. */
	record Name(String zh, String en) {
		static Name of(LocalizedName name) {
			return new Name(name.zh(), name.en());
		}
	}

	/** Where a site is. */
	record Location(double lat, double lon) {
	}

	/** The federation with its sites as a tree. */
	record FederationTree(String id, Name name, String areaCode, int siteCount, List<Node> tree) {
		static FederationTree of(SiteRegistry registry) {
			return new FederationTree(registry.federation().id(), Name.of(registry.federation().name()),
					registry.federation().areaCode().value(), registry.size(),
					registry.tree().stream().map(Node::of).toList());
		}
	}

	/** A site in the tree, with the sites below it. */
	record Node(String id, String kind, String level, Name name, List<String> serviceLines, List<Node> children) {
		static Node of(SiteNode node) {
			Site site = node.site();
			return new Node(site.id(), site.kind().code(), site.kind().level().name().toLowerCase(), Name.of(site.name()),
					lines(site), node.children().stream().map(Node::of).toList());
		}
	}

	/** A site with everything the registry says of it. */
	record SiteDetail(String id, String kind, String level, Name name, List<String> serviceLines, String parent,
			String township, String areaCode, String address, Location location, String openingHours,
			String connector, List<String> children) {
		static SiteDetail of(Site site, SiteRegistry registry) {
			return new SiteDetail(site.id(), site.kind().code(), site.kind().level().name().toLowerCase(),
					Name.of(site.name()), lines(site), site.parentId(),
					registry.townshipOf(site.id()).map(Site::id).orElse(null), site.areaCode().value(), site.address(),
					new Location(site.location().lat(), site.location().lon()), site.openingHours(),
					site.connector().kind().code(), registry.childrenOf(site.id()).stream().map(Site::id).toList());
		}
	}

	/** What loading a registry did. */
	record LoadResult(String federation, int sites, boolean changed, Map<String, Long> byKind) {
	}

	private static List<String> lines(Site site) {
		return site.serviceLines().stream().map(ServiceLine::code).sorted().toList();
	}

}
