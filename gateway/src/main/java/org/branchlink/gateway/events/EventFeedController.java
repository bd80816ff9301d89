package org.branchlink.gateway.events;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.web.PublicAddress;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The public event feeds: iCalendar for calendar apps, RSS and Atom for feed readers and websites; the county's, a
 * township's ({@code township=<station id>}) or a site's ({@code site=<id>}), of one category or all.
 */
@RestController
@Tag(name = "Events")
class EventFeedController {

	private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final EventFeeds feeds;

	private final PublicAddress address;

	EventFeedController(EventFeeds feeds, PublicAddress address) {
		this.address = address;
		this.feeds = feeds;
	}

	@GetMapping(path = "/events/feed.ics")
	@Public
	@Operation(summary = "Events as an iCalendar feed (RFC 5545) to subscribe to",
			description = "From a week back to half a year ahead, at most 500; cancelled ones with STATUS:CANCELLED.")
	ResponseEntity<String> icalendar(@RequestParam(required = false) String site,
			@RequestParam(required = false) String township, @RequestParam(required = false) String category,
			Locale locale) {
		return feed(feeds.scope(site, township, category, english(locale)), "text/calendar",
				scope -> feeds.icalendar(scope, base()));
	}

	@GetMapping(path = "/events/feed.rss")
	@Public
	@Operation(summary = "Events as an RSS 2.0 feed")
	ResponseEntity<String> rss(@RequestParam(required = false) String site,
			@RequestParam(required = false) String township, @RequestParam(required = false) String category,
			Locale locale) {
		return feed(feeds.scope(site, township, category, english(locale)), "application/rss+xml",
				scope -> feeds.syndication(scope, base(), "rss_2.0", self()));
	}

	@GetMapping(path = "/events/feed.atom")
	@Public
	@Operation(summary = "Events as an Atom 1.0 feed")
	ResponseEntity<String> atom(@RequestParam(required = false) String site,
			@RequestParam(required = false) String township, @RequestParam(required = false) String category,
			Locale locale) {
		return feed(feeds.scope(site, township, category, english(locale)), "application/atom+xml",
				scope -> feeds.syndication(scope, base(), "atom_1.0", self()));
	}

	/** A feed of the scope in UTF-8, cached five minutes by browsers and proxies. */
	private static ResponseEntity<String> feed(EventFeeds.Scope scope, String type,
			Function<EventFeeds.Scope, String> writer) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type + "; charset=utf-8"))
			.cacheControl(FIVE_MINUTES)
			.body(writer.apply(scope));
	}

	private static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	private String base() {
		return address.base();
	}

	/** The feed's own address, on the public address. */
	private String self() {
		UriComponents request = ServletUriComponentsBuilder.fromCurrentRequest().build();
		String contextPath = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
		String path = request.getPath() == null ? "" : request.getPath();
		if (contextPath != null && path.startsWith(contextPath)) {
			path = path.substring(contextPath.length());
		}
		return address.of(path + (request.getQuery() == null ? "" : "?" + request.getQuery()));
	}

}
