package org.branchlink.gateway.events;

import java.util.List;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
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

	private final EventPublishing publishing;

	private final ReaderRegistry readers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final CountySettings county;

	private final PageMessages pageMessages;

	EventPageController(EventSearch search, EventCatalog catalog, EventRegistrations registrations,
			EventPublishing publishing, ReaderRegistry readers, SiteDirectory sites, SiteAccess access,
			CountySettings county, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.search = search;
		this.catalog = catalog;
		this.registrations = registrations;
		this.publishing = publishing;
		this.readers = readers;
		this.sites = sites;
		this.access = access;
		this.county = county;
	}

	@GetMapping("/events")
	@Public
	String events(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> category,
			@RequestParam(required = false) List<String> audience, @RequestParam(required = false) String when,
			@RequestParam(required = false) String near, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		Double lat = null, lon = null;
		if (near != null && near.contains(",")) {
			String[] parts = near.split(",");
			lat = Double.valueOf(parts[0].strip());
			lon = Double.valueOf(parts[1].strip());
		}
		EventSearch.Page page = search.search(new EventSearch.Query(q, category, audience, when, null, lat, lon,
				county.zone().getId(), 50));
		model.addAttribute("q", q);
		model.addAttribute("near", near == null ? "" : near);
		model.addAttribute("page", page);
		model.addAttribute("chosenCategory", category == null ? List.of() : category);
		model.addAttribute("chosenAudience", audience == null ? List.of() : audience);
		model.addAttribute("when", when == null ? "" : when);
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("user", user);
		return "events";
	}

	@GetMapping("/events/{id}")
	@Public
	String event(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			Model model) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		model.addAttribute("event", event);
		model.addAttribute("counts", registrations.counts(id));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("staff", access.mayActFor(authentication, event.siteId()));
		model.addAttribute("user", user);
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
			redirect.addFlashAttribute("registered", registrations.register(reader, id));
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
			redirect.addFlashAttribute("checkedIn", registrations.checkIn(id, card.isBlank() ? null : card));
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
	String cancel(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			try {
				registrations.cancel(reader, id);
			}
			catch (IllegalArgumentException | ConflictException ex) {
				redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			}
		});
		return "redirect:/my/registrations";
	}

	@PostMapping("/my/registrations/{id}/rating")
	@ReaderOnly
	String rate(@PathVariable long id, @RequestParam int stars, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			try {
				registrations.rate(reader, id, stars, null);
			}
			catch (IllegalArgumentException | ConflictException ex) {
				redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			}
		});
		return "redirect:/my/registrations";
	}

}
