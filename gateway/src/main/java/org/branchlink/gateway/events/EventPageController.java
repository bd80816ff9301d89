package org.branchlink.gateway.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.EventImages;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Event pages: search (public), an event with its places and the register button, "my registrations"; the staff side is EventStaffPageController. */
@Controller
class EventPageController {

	private final EventSearch search;

	private final EventCatalog catalog;

	private final EventRegistrations registrations;

	private final EventCheckIns checkIns;

	private final ReaderRegistry readers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final CountySettings county;

	private final PageMessages pageMessages;

	private final MobileTimetable timetable;

	private final EventMonth calendar;

	private final EventImages images;

	EventPageController(EventSearch search, EventCatalog catalog, EventRegistrations registrations, EventCheckIns checkIns,
			ReaderRegistry readers, SiteDirectory sites, SiteAccess access,
			CountySettings county, PageMessages pageMessages, MobileTimetable timetable, EventMonth calendar,
			EventImages images) {
		this.images = images;
		this.calendar = calendar;
		this.timetable = timetable;
		this.pageMessages = pageMessages;
		this.search = search;
		this.catalog = catalog;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.readers = readers;
		this.sites = sites;
		this.access = access;
		this.county = county;
	}

	@GetMapping("/events")
	@Public
	String events(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> category,
			@RequestParam(required = false) List<String> audience, @RequestParam(required = false) String when,
			@RequestParam(required = false) String near, @RequestParam(required = false) String tab,
			@RequestParam(required = false) String view, @RequestParam(required = false) String month,
			@RequestParam(required = false) String mode, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("mode", mode == null ? "" : mode);
		model.addAttribute("q", q);
		model.addAttribute("near", near == null ? "" : near);
		model.addAttribute("when", when == null ? "" : when);
		model.addAttribute("chosenCategory", category == null ? List.of() : category);
		model.addAttribute("chosenAudience", audience == null ? List.of() : audience);
		model.addAttribute("categories", EventCategory.values());
		if ("mobile".equals(tab)) {
			model.addAttribute("view", "list");
			model.addAttribute("tab", "mobile");
			model.addAttribute("villages", timetable.coming());
			return "events";
		}
		model.addAttribute("tab", category == null || category.isEmpty() ? "all" : category.get(0));
		if ("calendar".equals(view)) {
			List<String> categories = category == null ? List.of() : category;
			EventMonth.requireKnown(categories);
			YearMonth shown = EventMonth.parse(month, LocalDate.now(county.zone()));
			model.addAttribute("view", "calendar");
			model.addAttribute("month", shown);
			List<List<EventMonth.Day>> weeks = calendar.weeks(shown, county.zone(), categories);
			model.addAttribute("weeks", weeks);
			model.addAttribute("monthEvents", weeks.stream()
				.flatMap(List::stream)
				.filter(EventMonth.Day::inMonth)
				.mapToInt(day -> day.events().size())
				.sum());
			return "events";
		}
		model.addAttribute("view", "list");
		Double lat = null, lon = null;
		if (near != null && near.contains(",")) {
			String[] parts = near.split(",");
			lat = Double.valueOf(parts[0].strip());
			lon = Double.valueOf(parts[1].strip());
		}
		EventSearch.Page page = search.search(new EventSearch.Query(q, category, audience, when, null, lat, lon,
				county.zone().getId(), 50, mode == null || mode.isBlank() ? List.of() : List.of(mode)));
		model.addAttribute("page", page);
		model.addAttribute("siteNames", sites.byId());
		Map<Long, EventRegistrations.Counts> counts = new HashMap<>();
		page.hits().stream().filter(hit -> !"mobile_stop".equals(hit.kind()))
			.forEach(hit -> counts.put(hit.id(), registrations.counts(hit.id())));
		model.addAttribute("counts", counts);
		model.addAttribute("posters", images.posters(counts.keySet()));
		model.addAttribute("mine", mineByEvent(user));
		return "events";
	}

	/** The signed-in reader's live registrations (registered or waiting) by event; empty for anyone else. */
	private Map<Long, EventRegistrations.RegistrationView> mineByEvent(BranchLinkUser user) {
		Map<Long, EventRegistrations.RegistrationView> mine = new HashMap<>();
		if (user != null) {
			readers.byUsername(user.getUsername()).ifPresent(reader -> registrations.of(reader).stream()
				.filter(r -> "registered".equals(r.status()) || "waitlisted".equals(r.status()) || "attended".equals(r.status()))
				.forEach(r -> mine.putIfAbsent(r.eventId(), r)));
		}
		return mine;
	}

	@GetMapping("/events/{id}")
	@Public
	String event(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			Model model) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		model.addAttribute("event", event);
		model.addAttribute("counts", registrations.counts(id));
		model.addAttribute("poster", images.poster(id).orElse(null));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("staff", access.mayActFor(authentication, event.siteId()));
		model.addAttribute("user", user);
		model.addAttribute("mine", mineByEvent(user).get(id));
		model.addAttribute("now", Instant.now());
		return "event";
	}

	@PostMapping("/events/{id}/register")
	@ReaderOnly
	String register(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		Reader reader = readers.byUsername(user.getUsername()).orElse(null);
		if (reader == null) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card"));
			return "redirect:/events/" + id;
		}
		try {
			EventRegistrations.RegistrationView registered = registrations.register(reader, id);
			redirect.addFlashAttribute("notice", "waitlisted".equals(registered.status())
					? pageMessages.text("event.waitlisted.notice", registered.position())
					: pageMessages.text("event.registered.notice"));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/events/" + id;
	}

	@PostMapping("/events/{id}/check-in")
	@LibrarianOrCentral
	String checkIn(@PathVariable long id, @RequestParam(defaultValue = "") String card, Authentication authentication,
			RedirectAttributes redirect) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		access.requireActFor(authentication, event.siteId());
		try {
			redirect.addFlashAttribute("checkedIn", checkIns.checkIn(id, card.isBlank() ? null : card));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/events/" + id;
	}

	@GetMapping("/my/registrations")
	@ReaderOnly
	String mine(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			model.addAttribute("reader", reader);
			model.addAttribute("registrations", registrations.of(reader));
		});
		model.addAttribute("siteNames", sites.byId());
		return "registrations";
	}

	@PostMapping("/my/registrations/{id}/cancel")
	@ReaderOnly
	String cancel(@PathVariable long id, @RequestParam(required = false) Long event,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			try {
				registrations.cancel(reader, id);
				redirect.addFlashAttribute("notice", pageMessages.text("event.cancelled.notice"));
			}
			catch (IllegalArgumentException | ConflictException ex) {
				redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			}
		});
		return event == null ? "redirect:/my/registrations" : "redirect:/events/" + event;
	}

	@PostMapping("/my/registrations/{id}/rating")
	@ReaderOnly
	String rate(@PathVariable long id, @RequestParam int stars, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			try {
				registrations.rate(reader, id, stars, null);
				redirect.addFlashAttribute("notice", pageMessages.text("event.rated.notice", stars));
			}
			catch (IllegalArgumentException | ConflictException ex) {
				redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			}
		});
		return "redirect:/my/registrations";
	}

}
