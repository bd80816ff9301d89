package org.branchlink.gateway.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;

import org.springframework.stereotype.Component;

/**
 * The county's events as public feeds, for calendars, feed readers and a township's own website: one site's, one
 * township's (its station and every site under it), or the whole county's, of every category or one; from a week back
 * to half a year ahead, cancelled ones included and marked (a subscribed calendar then drops them).
 */
@Component
class EventFeeds {

	/** The most events one feed lists. */
	static final int MAX_EVENTS = 500;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final Duration BACK = Duration.ofDays(7);

	static final Duration AHEAD = Duration.ofDays(183);

	private final EventCatalog catalog;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	EventFeeds(EventCatalog catalog, SiteDirectory sites, Clock clock, CountySettings county) {
		this.catalog = catalog;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
	}

	/**
	 * Whose events a feed lists.
	 *
	 * @param siteIds the sites (empty: the whole county)
	 * @param category one category, or null for all
	 * @param name what the feed is called (the site's, the township's or the county's name, and the category's)
	 * @param federationId the county's id, for the events' UIDs
	 */
	record Scope(Set<String> siteIds, EventCategory category, String name, String federationId) {
	}

	/**
	 * The scope asked for.
	 *
	 * @param site one site's events, or null
	 * @param township a township station's id: its events and those of every site under it, or null
	 * @param category a category code ({@code lecture}) or Chinese name, or null
	 * @param english whether the feed's name is in English
	 */
	Scope scope(String site, String township, String category, boolean english) {
		SiteRegistry registry = sites.require();
		EventCategory wanted = null;
		if (category != null && !category.isBlank()) {
			wanted = EventCategory.parse(category).orElseThrow(() -> new InvalidRequestException("event-feed-category",
					category));
		}
		Set<String> ids;
		String name;
		if (site != null && !site.isBlank()) {
			Site one = registry.find(site).orElseThrow(() -> new NotFoundException("site", site));
			ids = Set.of(one.id());
			name = label(one, english);
		}
		else if (township != null && !township.isBlank()) {
			Site station = registry.find(township).filter(s -> s.kind().level() == SiteLevel.BRANCH)
				.orElseThrow(() -> new NotFoundException("township", township));
			ids = registry.sites().stream()
				.filter(s -> registry.townshipOf(s.id()).map(Site::id).filter(station.id()::equals).isPresent())
				.map(Site::id)
				.collect(Collectors.toSet());
			name = label(station, english);
		}
		else {
			ids = Set.of();
			name = english ? registry.federation().name().en() : registry.federation().name().zh();
		}
		if (wanted != null) {
			name += " · " + (english ? wanted.code() : wanted.zh());
		}
		return new Scope(ids, wanted, name, registry.federation().id());
	}

	List<CulturalEvent> events(Scope scope) {
		Instant now = clock.instant();
		return catalog.feed(scope.siteIds(), scope.category(), now.minus(BACK), now.plus(AHEAD), MAX_EVENTS, true);
	}

	/** The scope's events still on (not cancelled) starting in [from, to), soonest first, at most {@code limit}. */
	List<CulturalEvent> coming(Scope scope, Instant from, Instant to, int limit) {
		return catalog.feed(scope.siteIds(), scope.category(), from, to, limit, false);
	}

	/** The scope's events as an iCalendar (RFC 5545) feed; each event links to its page under {@code base}. */
	String icalendar(Scope scope, String base) {
		Calendar calendar = calendar(scope, base);
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(true).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	Calendar calendar(Scope scope, String base) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//BranchLink//Events " + scope.federationId() + "//ZH"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", scope.name()));
		Instant stamp = clock.instant();
		SiteRegistry registry = sites.require();
		for (CulturalEvent event : events(scope)) {
			VEvent vevent = new VEvent(event.starts(), event.ends(), event.title());
			vevent.add(new Uid("event-" + event.id() + "@" + scope.federationId() + ".branchlink"));
			vevent.add(new DtStamp(stamp));
			vevent.add(new LastModified(stamp));
			vevent.add(new Sequence(event.sequence()));
			if (!event.description().isBlank()) {
				vevent.add(new Description(event.description()));
			}
			vevent.add(new Location(where(registry, event)));
			vevent.add(new Categories(event.category().zh()));
			vevent.add(new Url(URI.create(base + "/events/" + event.id())));
			vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
			calendar.add(vevent);
		}
		return calendar;
	}

	/** The scope's events as RSS 2.0 ({@code rss_2.0}) or Atom 1.0 ({@code atom_1.0}), newest start last. */
	String syndication(Scope scope, String base, String type, String self) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(scope.name());
		feed.setLink(base + "/events");
		feed.setUri(self);
		feed.setDescription(scope.name());
		feed.setLanguage("zh-CN");
		feed.setPublishedDate(Date.from(clock.instant()));
		SiteRegistry registry = sites.require();
		List<SyndEntry> entries = new ArrayList<>();
		for (CulturalEvent event : events(scope)) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setTitle((event.cancelled() ? "【已取消】" : "") + event.title());
			entry.setLink(base + "/events/" + event.id());
			entry.setUri(base + "/events/" + event.id());
			entry.setPublishedDate(Date.from(event.starts()));
			entry.setUpdatedDate(Date.from(event.starts()));
			SyndCategoryImpl category = new SyndCategoryImpl();
			category.setName(event.category().zh());
			entry.setCategories(List.of(category));
			SyndContentImpl description = new SyndContentImpl();
			description.setType("text/plain");
			description.setValue(when(event) + " · " + where(registry, event)
					+ (event.description().isBlank() ? "" : "\n" + event.description()));
			entry.setDescription(description);
			entries.add(entry);
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("the event feed could not be written", ex);
		}
	}

	/** When, in the county's time: {@code 2026-12-10 14:00–16:00}. */
	String when(CulturalEvent event) {
		var starts = event.starts().atZone(zone);
		var ends = event.ends().atZone(zone);
		return DAY_TIME.format(starts) + "–" + (starts.toLocalDate().equals(ends.toLocalDate()) ? TIME.format(ends)
				: DAY_TIME.format(ends));
	}

	/** Where, in Chinese: the site's name and the place in it. */
	String where(CulturalEvent event) {
		return where(sites.require(), event);
	}

	private static String where(SiteRegistry registry, CulturalEvent event) {
		String site = registry.find(event.siteId()).map(s -> s.name().zh()).orElse(event.siteId());
		return event.place() == null || event.place().isBlank() ? site : site + " " + event.place();
	}

	private static String label(Site site, boolean english) {
		return english ? site.name().en() : site.name().zh();
	}

}
