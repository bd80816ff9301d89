package org.branchlink.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.branchlink.gateway.population.Villages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's villages and communities with their residents, imported through the same path as the statistics
 * bureau's file: one per village or community centre (800–3,500 residents in a village, 3,000–9,000 in a community),
 * and three villages of remote townships with no centre yet, so coverage is short of its target. About one village
 * in nine is marked 脱贫村 (poor) and the three without a centre 偏远 (remote): the mobile services visit the centres
 * of marked villages first and more often.
 */
@Component
@Profile("demo")
class DemoPopulation {

	private final Villages villages;

	private final SiteDirectory sites;

	DemoPopulation(Villages villages, SiteDirectory sites) {
		this.villages = villages;
		this.sites = sites;
	}

	/** Once: nothing is written when a list is in force. */
	void importOnce() {
		if (!villages.all().isEmpty()) {
			return;
		}
		Random random = new Random(2026_1207L);
		// the marks draw from their own sequence, so the residents stay as they were before villages were marked
		Random marks = new Random(2026_1208L);
		StringBuilder csv = new StringBuilder("区划代码,名称,常住人口,重点帮扶\n");
		List<Site> centres = sites.require().sites().stream()
			.filter(site -> site.kind() == SiteKind.VILLAGE_CENTER || site.kind() == SiteKind.COMMUNITY_CENTER)
			.toList();
		for (Site centre : centres) {
			boolean community = centre.kind() == SiteKind.COMMUNITY_CENTER;
			int residents = community ? 3000 + random.nextInt(6001) : 800 + random.nextInt(2701);
			boolean poor = !community && marks.nextInt(9) == 0;
			csv.append(centre.areaCode().value()).append(',').append(centre.name().zh().replace("综合文化服务中心", ""))
				.append(',').append(residents).append(',').append(poor ? "脱贫村" : "").append('\n');
		}
		List<Site> stations = sites.require().sites().stream().filter(site -> site.kind() == SiteKind.TOWNSHIP_STATION)
			.filter(site -> site.areaCode().value().charAt(6) == '2').limit(3).toList();
		for (Site station : stations) {
			csv.append(station.areaCode().township()).append("399,").append(station.name().zh().replace("综合文化站", ""))
				.append("高山村,").append(400 + random.nextInt(400)).append(",偏远").append('\n');
		}
		villages.replace("demo-villages.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "demo");
	}

}
