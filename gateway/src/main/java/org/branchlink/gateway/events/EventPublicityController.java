package org.branchlink.gateway.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventImages;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PublicAddress;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Getting an event known beyond BranchLink's own pages (seed 000: poster, website and 公众号): a print-ready A4 poster
 * with a QR code to the event's page, a 公众号-ready text of an event or of a week's programme for the staff to paste
 * into the WeChat editor, and a "coming events" list a township's own website frames.
 */
@Controller
class EventPublicityController {

	/** Events a framed list shows at most. */
	static final int WIDGET_EVENTS = 8;

	private final EventCatalog catalog;

	private final EventImages images;

	private final EventFeeds feeds;

	private final MessageSource messages;

	private final PublicAddress address;

	EventPublicityController(EventCatalog catalog, EventImages images, EventFeeds feeds,
			MessageSource messages, PublicAddress address) {
		this.address = address;
		this.messages = messages;
		this.catalog = catalog;
		this.images = images;
		this.feeds = feeds;
	}

	@GetMapping("/events/{id}/poster")
	@Public
	String poster(@PathVariable long id, Model model) {
		CulturalEvent event = event(id);
		model.addAttribute("event", event);
		model.addAttribute("poster", images.poster(id).orElse(null));
		model.addAttribute("url", base() + "/events/" + id);
		model.addAttribute("when", feeds.when(event));
		return "event-poster";
	}

	@GetMapping(path = "/events/{id}/qr.svg", produces = "image/svg+xml")
	@Public
	@ResponseBody
	ResponseEntity<String> qr(@PathVariable long id) {
		event(id);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(QrSvg.of(base() + "/events/" + id));
	}

	@GetMapping("/events/{id}/wechat")
	@LibrarianOrCentral
	String wechat(@PathVariable long id, Model model) {
		CulturalEvent event = event(id);
		model.addAttribute("event", event);
		model.addAttribute("article", article(event.title(), List.of(event)));
		return "event-wechat";
	}

	@GetMapping("/events/week/wechat")
	@LibrarianOrCentral
	String week(@RequestParam(required = false) String site, @RequestParam(required = false) String township,
			Locale locale, Model model) {
		EventFeeds.Scope scope = feeds.scope(site, township, null, "en".equals(locale.getLanguage()));
		Instant from = Instant.now();
		Instant to = from.plus(Duration.ofDays(7));
		List<CulturalEvent> week = feeds.coming(scope, from, to, EventFeeds.MAX_EVENTS);
		model.addAttribute("week", week);
		model.addAttribute("scope", scope.name());
		model.addAttribute("article", article(messages.getMessage("events.wechat.week.title", new Object[] { scope.name() },
				Locale.SIMPLIFIED_CHINESE), week));
		return "event-wechat";
	}

	@GetMapping("/embed/events")
	@Public
	String embed(@RequestParam(required = false) String site, @RequestParam(required = false) String township,
			@RequestParam(required = false) String category, Locale locale, Model model) {
		EventFeeds.Scope scope = feeds.scope(site, township, category, "en".equals(locale.getLanguage()));
		// from now on: an event already under way has had its announcement
		Instant now = Instant.now();
		model.addAttribute("events", feeds.coming(scope, now, now.plus(EventFeeds.AHEAD), WIDGET_EVENTS));
		model.addAttribute("heading", scope.name());
		model.addAttribute("base", base());
		return "embed-events";
	}

	private WechatArticle article(String heading, List<CulturalEvent> events) {
		return WechatArticle.of(heading, events, images.posters(events.stream().map(CulturalEvent::id).toList()), base(),
				feeds::when, feeds::where, key -> messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
	}

	private CulturalEvent event(long id) {
		return catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
	}

	private String base() {
		return address.base();
	}

}
