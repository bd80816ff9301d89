package org.branchlink.gateway.live;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SiteAccess;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams for open pages: a work's copies for anyone (the work page's availability), a site's desk
 * for its staff (copies changing there, copies to pull). Each event is a {@link LiveChange} as JSON, named by its kind
 * ({@code copy}, {@code pull}); it never names a reader.
 */
@RestController
class LiveController {

	private final LiveStreams streams;

	private final SiteAccess access;

	LiveController(LiveStreams streams, SiteAccess access) {
		this.streams = streams;
		this.access = access;
	}

	/** The status changes of a work's copies, as its page shows them. */
	@GetMapping(path = "/live/works/{workId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Public
	SseEmitter work(@PathVariable String workId, HttpServletResponse response) throws IOException {
		TextLimits.require("workId", workId, TextLimits.TITLE);
		return unbuffered(streams.open(change -> change.isPublicFor(workId)), response);
	}

	/** What a site's desk hears: its copies changing (loans, returns, transits to and from it, its hold shelf), copies to pull. */
	@GetMapping(path = "/live/desk", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	SseEmitter desk(@RequestParam String site, HttpServletResponse response) throws IOException {
		access.requireKnown(site);
		return unbuffered(streams.open(change -> change.desks().contains(site)), response);
	}

	/**
	 * A proxy passes each event on at once (nginx buffers unless told not to) and nobody keeps a copy. The answer is
	 * committed here, on the request's thread: committing it later, at the first event on the streams' own thread, would
	 * have Spring Session write back the session as it was when the stream opened (see {@code ReadOnlySessions}).
	 */
	private static SseEmitter unbuffered(SseEmitter stream, HttpServletResponse response) throws IOException {
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE + ";charset=UTF-8");
		try {
			response.flushBuffer();
		}
		catch (IOException gone) {
			stream.complete();
			throw gone;
		}
		return stream;
	}

}
