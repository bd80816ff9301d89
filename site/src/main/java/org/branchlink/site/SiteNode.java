package org.branchlink.site;

import java.util.List;

/**
 * A site with its children, for showing the hierarchy.
 *
 * @param site the site
 * @param children its children, in registry order
 */
public record SiteNode(Site site, List<SiteNode> children) {

	/** How many sites this subtree holds, itself included. */
	public int size() {
		return 1 + children.stream().mapToInt(SiteNode::size).sum();
	}

}
