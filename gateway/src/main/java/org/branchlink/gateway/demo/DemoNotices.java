package org.branchlink.gateway.demo;

import java.util.List;
import java.util.Set;

import org.branchlink.gateway.disclosure.SiteNotices;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.gateway.openinfo.Publications;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's public notices (公示): the county institutions and every township station disclose their service
 * phone, free services and accessibility, a few village centres too; one village centre announces a closure; last
 * month's report is published and this year's public feedback meeting recorded.
 */
@Component
@Profile("demo")
class DemoNotices {

	private final SiteNotices notices;

	private final SiteDirectory sites;

	private final Publications publications;

	DemoNotices(SiteNotices notices, SiteDirectory sites, Publications publications) {
		this.notices = notices;
		this.sites = sites;
		this.publications = publications;
	}

	/** Once: nothing is written when the central library has disclosed already. */
	void publish() {
		if (notices.of("central-library").updatedAt() != null) {
			return;
		}
		notices.disclose("central-library", "0571-6500 1234", List.of("图书借阅、阅览、检索 周二至周日 9:00–20:30",
				"少儿阅览室 周二至周日 9:00–17:30，寒暑假每天", "讲座、展览、培训 见活动日历", "视障阅览室（盲文读物、听书机）周二至周日 9:00–17:00"),
				Set.of("ramp", "lift", "toilet", "wheelchair", "braille", "large-print", "audio", "tactile-paving", "parking"),
				"demo");
		notices.disclose("culture-hall", "0571-6500 5678", List.of("展厅 周二至周日 9:00–17:00", "排练厅、多功能厅 预约使用",
				"公益培训（书法、舞蹈、戏曲）见培训安排"), Set.of("ramp", "lift", "toilet", "parking"), "demo");
		int number = 0;
		for (Site site : sites.require().sites()) {
			if (site.kind() == SiteKind.TOWNSHIP_STATION) {
				int station = ++number;
				notices.disclose(site.id(), "0571-6510 %04d".formatted(station), List.of("图书借阅、阅览 周二至周日 9:00–17:00",
						"电子阅览室 周二至周日 14:00–20:00", "文体活动室 每天 19:00–21:00"), Set.of("ramp", "toilet"), "demo");
				sites.require().childrenOf(site.id()).stream().map(Site::id).sorted().limit(2).forEach(village ->
						notices.disclose(village, "1380013%04d".formatted(station * 10 + village.length() % 10),
								List.of("农家书屋 周一至周五 14:00–18:00，周末 9:00–12:00", "文化广场 全天开放"), Set.of("ramp"), "demo"));
			}
		}
		// last month's report published, and this year's public feedback meeting
		String lastMonth = ReportPeriod.monthOf(notices.today().minusMonths(1)).code();
		publications.publish(Publications.Kind.REPORT, lastMonth, lastMonth, "demo");
		publications.record(new Publications.ReleaseRequest(notices.today().minusDays(20), "县文化馆多功能厅", 64,
				"希望县图书馆周末延长开放到晚上八点\n村里老人想看越剧，希望送戏下乡多安排几场\n农家书屋新书少",
				"自下月起周六、周日开放到 20:00\n送戏下乡已列入下季度服务菜单，每镇不少于 2 场\n图书流转箱每季度更换一次，按村民需求选书"),
				"demo");
		sites.require().childrenOf("baishi").stream().map(Site::id).sorted().findFirst().ifPresent(village ->
				notices.announce(village, notices.today().plusDays(10), notices.today().plusDays(11),
						"村文化服务中心屋顶维修，暂停开放两天；借还书请到镇综合文化站。", "demo"));
	}

}
