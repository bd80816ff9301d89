package org.branchlink.gateway.events;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

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

	private final EventImageRendition renditions;

	EventImageController(EventCatalog catalog, EventImages images, EventImageRendition renditions) {
		this.renditions = renditions;
		this.catalog = catalog;
		this.images = images;
	}

	/**
	 * The poster at a phone's width ({@value EventImageRendition#MOBILE_WIDTH} px at most, as the 公众号 editor and a
	 * phone's screen take it): scaled down once and kept; a poster no wider, or one the JDK cannot read (WebP), is
	 * served as it is.
	 */
	@GetMapping("/events/{id}/image/{sha256}/mobile")
	@Public
	ResponseEntity<byte[]> mobile(@PathVariable long id, @PathVariable String sha256, WebRequest request) {
		return serve(id, sha256, "/mobile", request, renditions::mobile);
	}

	@GetMapping("/events/{id}/image/{sha256}")
	@Public
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable String sha256, WebRequest request) {
		return serve(id, sha256, "", request,
				image -> new EventImageRendition.Rendition(image.format().contentType(), image.bytes()));
	}

	/** A version of the event's poster, by its hash; an old hash is sent on to the current version's address. */
	private ResponseEntity<byte[]> serve(long id, String sha256, String version, WebRequest request,
			Function<EventImage, EventImageRendition.Rendition> made) {
		catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		EventImage image = images.find(id).orElseThrow(() -> new NotFoundException("event image", String.valueOf(id)));
		if (!image.sha256().equals(sha256)) {
			return ResponseEntity.status(HttpStatus.FOUND)
				.location(URI.create("/events/" + id + "/image/" + image.sha256() + version))
				.cacheControl(CacheControl.noCache())
				.build();
		}
		String etag = "\"" + image.sha256() + version.replace('/', '-') + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		EventImageRendition.Rendition rendition = made.apply(image);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(rendition.contentType()))
			.eTag(etag)
			.cacheControl(FOREVER)
			.header("X-Content-Type-Options", "nosniff")
			.contentLength(rendition.bytes().length)
			.body(rendition.bytes());
	}

}
