package org.branchlink.sync.connector.ical;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.sync.SyncProperties;
import org.branchlink.sync.site.Site;
import org.branchlink.sync.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fetches a site's calendar feed (an http(s) URL, or a file path for a feed a system writes to disk) and brings the
 * published events in line with it: new events and newer revisions stored, older revisions ignored, cancelled ones
 * and those dropped from the feed called off. Recurring events are expanded for the coming {@code horizonDays}.
 */
@Component
public class IcalFeed {

	private static final Logger log = LoggerFactory.getLogger(IcalFeed.class);

	/** One run's counts and the VEVENTs that could not be read. */
	public record FeedReport(int read, int added, int updated, int unchanged, int stale, int cancelled,
			List<String> problems, long millis) {

		@Override
		public String toString() {
			return read + " occurrences read, " + added + " added, " + updated + " updated, " + unchanged
					+ " unchanged, " + stale + " older revisions ignored, " + cancelled + " cancelled, "
					+ problems.size() + " unreadable" + (problems.isEmpty() ? "" : " " + problems) + " in " + millis
					+ " ms";
		}

	}

	private final EventCatalog catalog;

	private final SiteDirectory sites;

	private final SyncProperties properties;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(20))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	IcalFeed(EventCatalog catalog, SiteDirectory sites, SyncProperties properties) {
		this.catalog = catalog;
		this.sites = sites;
		this.properties = properties;
	}

	/** Fetches and applies the feed; the Camel route calls this on each firing of the site's schedule. */
	public FeedReport sync(@ExchangeProperty("siteId") String siteId, @Header("feedUrl") String url,
			@Header("defaultCategory") String category, @Header("horizonDays") int horizonDays)
			throws IOException, InterruptedException {
		return apply(siteId, fetch(url), EventCategory.parse(category).orElse(EventCategory.SERVICE), horizonDays);
	}

	public FeedReport apply(String siteId, String text, EventCategory defaultCategory, int horizonDays) {
		long started = System.nanoTime();
		Instant from = Instant.now().minus(Duration.ofDays(1));
		Instant to = Instant.now().plus(Duration.ofDays(horizonDays));
		IcalEvents.Parsed parsed = new IcalEvents(siteId, this::siteNamed, defaultCategory, properties.zone())
			.read(text, from, to);
		int added = 0, updated = 0, unchanged = 0, stale = 0, cancelled = 0;
		Set<String> keys = new HashSet<>();
		List<String> problems = new ArrayList<>(parsed.problems());
		for (CulturalEvent event : parsed.events()) {
			keys.add(event.uid() + "|" + event.recurrence());
			try {
				EventCatalog.Stored stored = catalog.publish(event);
				switch (stored.change()) {
					case ADDED -> added++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
					case STALE -> stale++;
				}
				if (event.cancelled() && stored.change() != EventCatalog.Change.STALE) {
					cancelled++;
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add("UID " + event.uid() + ": " + ex.getMessage());
			}
		}
		cancelled += catalog.cancelMissing(siteId, CulturalEvent.Source.ICAL, keys, Instant.now(), to).size();
		FeedReport report = new FeedReport(parsed.events().size(), added, updated, unchanged, stale, cancelled,
				problems, (System.nanoTime() - started) / 1_000_000);
		if (!problems.isEmpty()) {
			log.warn("Calendar feed of {}: {} events could not be read: {}", siteId, problems.size(), problems);
		}
		return report;
	}

	private String fetch(String url) throws IOException, InterruptedException {
		if (url.startsWith("http://") || url.startsWith("https://")) {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(2))
				.header("Accept", "text/calendar")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException("calendar feed " + url + " answered HTTP " + response.statusCode());
			}
			return new String(response.body(), StandardCharsets.UTF_8);
		}
		Path path = url.startsWith("file:") ? Path.of(URI.create(url)) : properties.dropBase().resolve(url);
		return Files.readString(path, StandardCharsets.UTF_8);
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
