package org.branchlink.gateway.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.branchlink.gateway.metrics.Staffing;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteLevel;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's staff: the library's and the culture hall's, two full-time at every township station but two
 * (one each), a part-time keeper at most village and community centres; this year's training, some short of the
 * standard; station heads' post certificates, a few expired or expiring, and librarians' professional titles.
 */
@Component
@Profile("demo")
class DemoStaff {

	private static final String[] TOPICS = { "全省基层文化站长培训班", "图书分类编目实务", "公共数字文化服务培训", "群众文艺创作辅导",
			"消防安全与应急处置" };

	private final Staffing staffing;

	private final SiteDirectory sites;

	DemoStaff(Staffing staffing, SiteDirectory sites) {
		this.staffing = staffing;
		this.sites = sites;
	}

	/** Once: nothing is written when the county has staff already; returns how many were added. */
	int setUp(LocalDate today) {
		if (!staffing.members(sites.byId().keySet(), today.getYear()).isEmpty()) {
			return 0;
		}
		Random random = new Random(2026_1207_4L);
		int added = 0;
		int stations = 0;
		for (Site site : sites.require().sites()) {
			int fullTime = 0;
			int partTime = 0;
			if (site.kind().level() == SiteLevel.CENTRAL) {
				fullTime = 5;
			}
			else if (site.kind() == SiteKind.TOWNSHIP_STATION) {
				fullTime = stations++ % 6 == 5 ? 1 : 2;
			}
			else if ((site.kind() == SiteKind.VILLAGE_CENTER || site.kind() == SiteKind.COMMUNITY_CENTER)
					&& random.nextInt(10) > 0) {
				partTime = 1;
			}
			for (int i = 0; i < fullTime + partTime; i++) {
				boolean full = i < fullTime;
				long id = staffing.addStaff(new Staffing.StaffRequest(site.id(), DemoNames.person(random),
						full ? "full_time" : "part_time"));
				added++;
				train(id, site.kind().level() == SiteLevel.CENTRAL ? 15 : 5, today, random);
				certify(id, site, i, today, random);
			}
		}
		return added;
	}

	/** Training this year: most reach the standard, one in five falls short by a few days. */
	private void train(long id, int required, LocalDate today, Random random) {
		int target = random.nextInt(5) == 0 ? Math.max(1, required - 1 - random.nextInt(3)) : required + random.nextInt(3);
		LocalDate start = today.withDayOfYear(1);
		int span = Math.max(1, today.getDayOfYear() - 1);
		int given = 0;
		while (given < target) {
			int days = Math.min(target - given, 1 + random.nextInt(5));
			staffing.addTraining(id, new Staffing.TrainingRequest(start.plusDays(random.nextInt(span)), BigDecimal.valueOf(days),
					TOPICS[random.nextInt(TOPICS.length)]));
			given += days;
		}
	}

	/** A station head's post certificate (three years; a few expired or expiring) or a librarian's professional title. */
	private void certify(long id, Site site, int index, LocalDate today, Random random) {
		if (site.kind() == SiteKind.TOWNSHIP_STATION && index == 0) {
			LocalDate issued = today.minusMonths(6 + random.nextInt(36));
			staffing.addCertificate(id, new Staffing.CertificateRequest("乡镇综合文化站站长岗位培训合格证",
					"ZJ" + (100000 + random.nextInt(900000)), issued, issued.plusYears(3)));
		}
		else if (site.kind().level() == SiteLevel.CENTRAL && index < 2) {
			staffing.addCertificate(id, new Staffing.CertificateRequest(List.of("图书资料系列中级职称", "群众文化系列中级职称")
				.get(index), "", today.minusYears(2 + random.nextInt(8)), null));
		}
	}

}
