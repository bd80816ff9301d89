package org.branchlink.gateway.events;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public event feeds as calendar apps and feed readers take them (ical4j's parser and RFC 5545 validator, Rome's
 * parser), scoped to the county, a township or a site and a category; the list other websites frame; the 公众号 text
 * with everything escaped.
 */
class EventFeedTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventCatalog catalog;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	private CulturalEvent publish(String site, String uid, EventCategory category, String title, int days) {
		Instant starts = Instant.now().plus(Duration.ofDays(days));
		return catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, site, uid, "", 0, CulturalEvent.Kind.EVENT,
				category, title, "一段说明，含 <b>尖括号</b> 与 & 符号。", site, "二楼", starts, starts.plus(Duration.ofHours(2)),
				30, Set.of(), true, BigDecimal.ZERO, false)).event();
	}

	private String body(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aTownshipsCalendarIsValidRfc5545WithItsVillagesEventsAndACancelledOneMarked() throws Exception {
		SiteRegistry registry = sites.require();
		String village = registry.childrenOf("baishi").get(0).id();
		String other = registry.sites().stream().filter(s -> s.kind().level() == SiteLevel.BRANCH)
			.map(Site::id).filter(id -> !id.equals("baishi")).findFirst().orElseThrow();
		CulturalEvent atVillage = publish(village, "feed-village", EventCategory.LECTURE, "乡村讲座：种桑养蚕", 5);
		CulturalEvent cancelled = publish("baishi", "feed-cancelled", EventCategory.PERFORMANCE, "取消的演出", 6);
		catalog.cancel(cancelled.id());
		CulturalEvent elsewhere = publish(other, "feed-elsewhere", EventCategory.LECTURE, "别镇的讲座", 5);

		String ics = mvc.perform(get("/events/feed.ics").param("township", "baishi"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
			.andReturn().getResponse().getContentAsString();
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		ValidationResult validation = calendar.validate();
		assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(uids(events)).contains(uid(atVillage), uid(cancelled)).doesNotContain(uid(elsewhere));
		VEvent village0 = byUid(events, uid(atVillage));
		assertThat(village0.getProperty(Property.URL).orElseThrow().getValue()).endsWith("/events/" + atVillage.id());
		assertThat(village0.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
		assertThat(village0.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("<b>尖括号</b>");
		assertThat(byUid(events, uid(cancelled)).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");

		// one category of the whole county
		List<VEvent> lectures = new CalendarBuilder().build(new StringReader(body("/events/feed.ics?category=讲座")))
			.getComponents("VEVENT");
		assertThat(uids(lectures)).contains(uid(atVillage), uid(elsewhere)).doesNotContain(uid(cancelled));
	}

	@Test
	void rssAndAtomListTheSitesEventsWithLinksToTheirPages() throws Exception {
		CulturalEvent event = publish("baishi", "feed-rss", EventCategory.TRAINING, "剪纸培训", 3);
		for (String type : List.of("rss", "atom")) {
			String xml = mvc.perform(get("/events/feed." + type).param("site", "baishi"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/" + type + "+xml"))
				.andReturn().getResponse().getContentAsString();
			SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
			assertThat(feed.getTitle()).isEqualTo(sites.require().find("baishi").orElseThrow().name().zh());
			SyndEntry entry = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/events/" + event.id()))
				.findFirst().orElseThrow();
			assertThat(entry.getTitle()).isEqualTo("剪纸培训");
			assertThat(entry.getDescription().getValue()).contains("二楼").contains("尖括号");
		}
	}

	@Test
	void aWrongScopeIsRefusedInTheReadersLanguage() throws Exception {
		mvc.perform(get("/events/feed.ics").param("category", "cooking").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("没有“cooking”这一活动类别")));
		mvc.perform(get("/events/feed.rss").param("site", "nowhere")).andExpect(status().isNotFound());
		mvc.perform(get("/events/feed.ics").param("township", "central-library")).andExpect(status().isNotFound());
	}

	@Test
	void theComingEventsListMayBeFramedByAnyWebsiteAndNothingElseMay() throws Exception {
		// at a village, starting within the hour: the list shows the soonest eight, and other tests fill Baishi's
		String village = sites.require().childrenOf("baishi").get(1).id();
		Instant starts = Instant.now().plus(Duration.ofMinutes(40));
		CulturalEvent event = catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, village, "feed-embed", "",
				0, CulturalEvent.Kind.EVENT, EventCategory.EXHIBITION, "书画展 <script>alert(1)</script>", "", village, "",
				starts, starts.plus(Duration.ofHours(2)), null, Set.of(), false, BigDecimal.ZERO, false)).event();
		String html = mvc.perform(get("/embed/events").param("site", village))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("X-Frame-Options"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors *")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("data-event=\"" + event.id() + "\"").contains("&lt;script&gt;").doesNotContain("<script>alert");
		assertThat(html).contains("target=\"_top\"");
		mvc.perform(get("/events")).andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
	}

	@Test
	void theWechatTextIsForStaffAndEscapesWhatTheEventSays() throws Exception {
		CulturalEvent event = publish("baishi", "feed-wechat", EventCategory.LECTURE, "讲座 <img src=x onerror=alert(1)>", 4);
		mvc.perform(get("/events/" + event.id() + "/wechat")).andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/events/" + event.id() + "/wechat").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// the body's HTML is shown as text in its field: the event's own markup is escaped twice there
		assertThat(page).contains("&amp;lt;img src=x onerror=alert(1)&amp;gt;").doesNotContain("<img src=x");
		assertThat(page).contains("line-height:1.7");
		String week = mvc.perform(get("/events/week/wechat").param("site", "baishi")
				.with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(week).contains("本周活动预告");
	}

	private static String uid(CulturalEvent event) {
		return "event-" + event.id() + "@";
	}

	private static List<String> uids(List<VEvent> events) {
		return events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue().replaceFirst("@.*", "@"))
			.toList();
	}

	private static VEvent byUid(List<VEvent> events, String uid) {
		return events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(uid))
			.findFirst().orElseThrow();
	}

}
