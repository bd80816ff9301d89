package org.branchlink.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

import org.branchlink.catalog.event.EventCategory;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteProperties;
import org.branchlink.sync.calendar.IcalFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo culture hall's calendar feed: a file in the data directory, rewritten at each start with dates from today
 * (a weekly calligraphy class at Baishi, a lecture, a performance, a storytime, an exhibition), read once at start
 * and then by the {@code events-ical.culture-hall} route on its schedule, as a real feed would be.
 */
@Component
@Profile("demo")
class DemoEvents {

	private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

	/** The feed's path under the data directory, as the demo registry names it. */
	static final String FEED = "feeds/culture-hall.ics";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final IcalFeed feed;

	private final CountySettings county;

	private final SiteProperties siteProperties;

	DemoEvents(IcalFeed feed, CountySettings county, SiteProperties siteProperties) {
		this.feed = feed;
		this.county = county;
		this.siteProperties = siteProperties;
	}

	void publish() {
		ZoneId zone = county.zone();
		LocalDate today = LocalDate.now(zone);
		LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Qingxi Culture Hall//Demo//ZH\r\n");
		event(ics, "demo-calligraphy@culture-hall", saturday.atTime(14, 0), 120, "少儿书法体验课",
				"县文化馆书法老师授课，毛笔与宣纸由站里提供。", "培训,少儿", "白石镇综合文化站", 20, zone,
				"RRULE:FREQ=WEEKLY;COUNT=10", null);
		event(ics, "demo-lecture@culture-hall", today.plusDays(5).atTime(19, 0), 90, "青溪地方志讲座：古村落的故事",
				"地方文史专家讲述青溪古村落与宗祠文化。", "讲座,老年人", "青溪县图书馆", 120, zone, null, null);
		event(ics, "demo-opera@culture-hall", today.plusDays(9).atTime(19, 30), 150, "越剧专场《五女拜寿》",
				"县越剧团送戏下乡首场演出。", "演出,老年人", "县文化馆小剧场", 300, zone, null, null);
		event(ics, "demo-storytime@culture-hall", today.plusDays(3).atTime(10, 0), 60, "绘本故事会",
				"图书馆员带小朋友读绘本。", "体验,少儿", "龙湖镇综合文化站", 30, zone, null, null);
		event(ics, "demo-photo@culture-hall", today.plusDays(1).atTime(9, 0), 8 * 60, "乡村振兴摄影展",
				"展出全县摄影爱好者拍摄的乡村新貌。", "展示", "县文化馆展厅", null, zone, null, null);
		// online (数字服务): a streamed lecture and a recorded course, each with its address (RFC 7986 CONFERENCE)
		event(ics, "demo-online-lecture@culture-hall", today.plusDays(4).atTime(20, 0), 60, "线上讲座：家庭阅读怎么开始",
				"县图书馆阅读推广人在线直播，可在手机上观看并留言提问。", "讲座", "青溪县文化馆", null, zone, null,
				"https://live.example.org/qingxi/reading");
		event(ics, "demo-online-course@culture-hall", today.plusDays(6).atTime(19, 0), 45, "线上课堂：手机拍出好照片",
				"录播课程，七天内随时观看。", "培训,老年人", "青溪县文化馆", null, zone, null,
				"https://live.example.org/qingxi/photo");
		ics.append("END:VCALENDAR\r\n");
		Path path = siteProperties.dropBase().resolve(FEED);
		try {
			Files.createDirectories(path.getParent());
			Files.writeString(path, ics, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("Demo calendar feed {}: {}", path,
				feed.apply("culture-hall", ics.toString().getBytes(StandardCharsets.UTF_8), EventCategory.SERVICE, 90));
	}

	private static void event(StringBuilder ics, String uid, LocalDateTime start, int minutes, String title,
			String description, String categories, String location, Integer capacity, ZoneId zone, String rule,
			String online) {
		ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20261101T000000Z\r\n");
		ics.append("DTSTART:").append(start.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).format(UTC)).append("\r\n");
		ics.append("DTEND:").append(start.plusMinutes(minutes).atZone(zone).withZoneSameInstant(ZoneOffset.UTC).format(UTC))
			.append("\r\n");
		if (rule != null) {
			ics.append(rule).append("\r\n");
		}
		ics.append("SUMMARY:").append(title).append("\r\nDESCRIPTION:").append(description).append("\r\n");
		ics.append("CATEGORIES:").append(categories).append("\r\nLOCATION:").append(location).append("\r\n");
		if (capacity != null) {
			ics.append("X-BRANCHLINK-CAPACITY:").append(capacity).append("\r\n");
		}
		if (online != null) {
			ics.append("CONFERENCE;VALUE=URI;FEATURE=VIDEO:").append(online).append("\r\n");
		}
		ics.append("END:VEVENT\r\n");
	}

}
