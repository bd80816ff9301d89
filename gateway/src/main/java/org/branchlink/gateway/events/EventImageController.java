package org.branchlink.gateway.events;

import java.net.URI;
import java.time.Duration;

import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventImage;
import org.branchlink.catalog.event.EventImages;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * An event's poster, for whoever may see the event (its page is public, so is its poster). The URL names the
 * version by its SHA-256, so it may be cached for a year and never goes stale: a new poster has a new URL, and an old
 * URL is sent on to the current one. The type is the one sniffed when it was uploaded, and browsers are told not to
 * guess another ({@code nosniff}).
 */
@Controller
class EventImageController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final EventCatalog catalog;

	private final EventImages images;

	EventImageController(EventCatalog catalog, EventImages images) {
		this.catalog = catalog;
		this.images = images;
	}

	@GetMapping("/events/{id}/image/{sha256}")
	@Public
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable String sha256, WebRequest request) {
		catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		EventImage image = images.find(id).orElseThrow(() -> new NotFoundException("event image", String.valueOf(id)));
		if (!image.sha256().equals(sha256)) {
			return ResponseEntity.status(HttpStatus.FOUND)
				.location(URI.create("/events/" + id + "/image/" + image.sha256()))
				.cacheControl(CacheControl.noCache())
				.build();
		}
		String etag = "\"" + image.sha256() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.format().contentType()))
			.eTag(etag)
			.cacheControl(FOREVER)
			.header("X-Content-Type-Options", "nosniff")
			.contentLength(image.bytes().length)
			.body(image.bytes());
	}

}
