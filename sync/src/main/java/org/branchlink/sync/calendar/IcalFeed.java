package org.branchlink.sync.calendar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteProperties;
import org.branchlink.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fetches a site's calendar feed (an http(s) URL, or a file path inside the data directory or
 * {@code branchlink.site.allowed-paths} for a feed a system writes to disk) and brings the published events in line with
 * it: new events and newer revisions stored, older revisions ignored, cancelled ones and those dropped from the feed
 * called off. Recurring events are expanded for the coming {@code horizonDays}. A fetch that goes bad does not call off
 * a site's programme: when it has no readable event while the site has coming events from its feed, or would call off
 * more than {@code branchlink.sync.calendar-hold-share} of them at once, its cancellations are held
 * ({@link CalendarHolds}) while its new events and updates still apply. A feed refused whole ({@link CalendarFeedRefused})
 * changes nothing.
 */
@Component
public class IcalFeed {

	private static final Logger log = LoggerFactory.getLogger(IcalFeed.class);

	/** One run's counts, the cancellations held back (and the hold, null when none) and the VEVENTs that could not be read. */
	public record FeedReport(int read, int added, int updated, int unchanged, int stale, int cancelled, int held,
			Long holdId, List<String> problems, long millis) {

		@Override
		public String toString() {
			return read + " occurrences read, " + added + " added, " + updated + " updated, " + unchanged
					+ " unchanged, " + stale + " older revisions ignored, " + cancelled + " cancelled, "
					+ (holdId == null ? "" : held + " cancellations held (hold " + holdId + "), ") + problems.size()
					+ " unreadable" + (problems.isEmpty() ? "" : " " + problems) + " in " + millis + " ms";
		}

	}

	private final EventCatalog catalog;

	private final SiteDirectory sites;

	private final SyncProperties properties;

	private final SiteProperties siteProperties;

	private final CountySettings county;

	private final CalendarHolds holds;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(20))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	IcalFeed(EventCatalog catalog, SiteDirectory sites, SyncProperties properties, SiteProperties siteProperties,
			CountySettings county, CalendarHolds holds) {
		this.catalog = catalog;
		this.sites = sites;
		this.properties = properties;
		this.siteProperties = siteProperties;
		this.county = county;
		this.holds = holds;
	}

	/** Fetches and applies the feed; the Camel route calls this on each firing of the site's schedule. */
	public FeedReport sync(@ExchangeProperty("siteId") String siteId, @Header("feedUrl") String url,
			@Header("defaultCategory") String category, @Header("horizonDays") int horizonDays)
			throws IOException, InterruptedException {
		return apply(siteId, fetch(url), EventCategory.parse(category).orElse(EventCategory.SERVICE), horizonDays);
	}

	/**
	 * Applies a feed's bytes as fetched.
	 *
	 * @throws CalendarFeedRefused when the feed is refused whole; nothing is applied then
	 */
	public FeedReport apply(String siteId, byte[] feed, EventCategory defaultCategory, int horizonDays) {
		long started = System.nanoTime();
		Instant now = Instant.now();
		Instant to = now.plus(Duration.ofDays(horizonDays));
		IcalEvents.Parsed parsed = new IcalEvents(siteId, this::siteNamed, defaultCategory, county.zone(),
				properties.calendarLimits()).read(feed, now.minus(Duration.ofDays(1)), to);
		Map<String, CulturalEvent> inFeed = new HashMap<>();
		parsed.events().forEach(event -> inFeed.put(key(event), event));
		List<CulturalEvent> coming = catalog.coming(siteId, CulturalEvent.Source.ICAL, now, to);
		List<CulturalEvent> cancelling = coming.stream().filter(event -> callsOff(inFeed.get(key(event)), event)).toList();
		Optional<CalendarHold.Reason> reason = CalendarHold.Reason.of(parsed.events().size(), coming.size(),
				cancelling.size(), properties.calendarHoldShare());
		Set<String> waiting = new HashSet<>();
		reason.ifPresent(held -> cancelling.forEach(event -> waiting.add(key(event))));
		Counts counts = publish(parsed.events(), waiting);
		CalendarHold hold = null;
		if (reason.isPresent()) {
			hold = holds.hold(siteId, reason.get(), parsed.events().size(), coming.size(),
					cancelling.stream().map(CulturalEvent::id).toList());
			log.warn("Calendar feed of site {} held ({}): it would call off {} of the site's {} coming events from the feed; "
					+ "none is called off until a librarian of the site confirms hold {} "
					+ "(POST /api/sites/{}/calendar-holds/{}/confirm) or a later fetch supersedes it", siteId,
					hold.reason(), cancelling.size(), coming.size(), hold.id(), siteId, hold.id());
		}
		else {
			counts.cancelled += catalog.cancelMissing(siteId, CulturalEvent.Source.ICAL, inFeed.keySet(), now, to).size();
			holds.supersede(siteId);
		}
		List<String> problems = new ArrayList<>(parsed.problems());
		problems.addAll(counts.problems);
		if (!problems.isEmpty()) {
			log.warn("Calendar feed of {}: {} events could not be read: {}", siteId, problems.size(), problems);
		}
		return new FeedReport(parsed.events().size(), counts.added, counts.updated, counts.unchanged, counts.stale,
				counts.cancelled, waiting.size(), hold == null ? null : hold.id(), problems,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Whether the feed's version of a coming event (null: the feed dropped it) calls it off. */
	private static boolean callsOff(CulturalEvent inFeed, CulturalEvent coming) {
		return inFeed == null || (inFeed.cancelled() && inFeed.sequence() >= coming.sequence());
	}

	/** What publishing the feed's events did. */
	private static final class Counts {

		int added, updated, unchanged, stale, cancelled;

		final List<String> problems = new ArrayList<>();

	}

	/** Publishes the feed's events, but for the cancellations that wait. */
	private Counts publish(List<CulturalEvent> events, Set<String> waiting) {
		Counts counts = new Counts();
		for (CulturalEvent event : events) {
			if (waiting.contains(key(event))) {
				continue;
			}
			try {
				EventCatalog.Stored stored = catalog.publish(event);
				switch (stored.change()) {
					case ADDED -> counts.added++;
					case UPDATED -> counts.updated++;
					case UNCHANGED -> counts.unchanged++;
					case STALE -> counts.stale++;
				}
				if (event.cancelled() && stored.change() != EventCatalog.Change.STALE) {
					counts.cancelled++;
				}
			}
			catch (IllegalArgumentException ex) {
				counts.problems.add("UID " + event.uid() + ": " + ex.getMessage());
			}
		}
		return counts;
	}

	private static String key(CulturalEvent event) {
		return event.uid() + "|" + event.recurrence();
	}

	private byte[] fetch(String url) throws IOException, InterruptedException {
		if (url.startsWith("http://") || url.startsWith("https://")) {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(2))
				.header("Accept", "text/calendar")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException("calendar feed " + url + " answered HTTP " + response.statusCode());
			}
			return response.body();
		}
		return Files.readAllBytes(siteProperties.connectorPaths().resolve(url));
	}

	/** The site a LOCATION names: by id, or the longest Chinese site name it contains. */
	private Optional<String> siteNamed(String location) {
		return sites.current().flatMap(registry -> {
			Optional<Site> byId = registry.find(location.strip());
			if (byId.isPresent()) {
				return byId.map(Site::id);
			}
			return registry.sites()
				.stream()
				.filter(site -> location.contains(site.name().zh()))
				.max(Comparator.comparingInt(site -> site.name().zh().length()))
				.map(Site::id);
		});
	}

}
