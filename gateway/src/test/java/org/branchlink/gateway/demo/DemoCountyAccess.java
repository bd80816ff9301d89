package org.branchlink.gateway.demo;

import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteRegistryReader;

/** The demo county's generated ids, for tests in other packages. */
public final class DemoCountyAccess {

	private DemoCountyAccess() {
	}

	/** The slug of a township's first village (its id after {@code <township>-}). */
	public static String firstVillageSlug(String township) {
		return SiteRegistryReader.read(DemoCounty.registryYaml(), "demo").childrenOf(township).stream()
			.filter(site -> site.kind() == SiteKind.VILLAGE_CENTER)
			.map(site -> site.id().substring(township.length() + 1))
			.sorted()
			.findFirst()
			.orElseThrow();
	}

}
