package org.branchlink.gateway.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff side of events: the form to publish or edit one (every field labelled, a start in the past refused beside
 * its field), calling one off, and the list of who registered. Each acts only for the sites the person may act for.
 */
@Controller
class EventStaffPageController {

	/** The most events the staff list shows: a week back, three months ahead. */
	private static final int MANAGED = 60;

	private final EventCatalog catalog;

	private final EventPublishing publishing;

	private final EventRegistrants registrants;

	private final EventRegistrations registrations;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final CountySettings county;

	private final PageMessages pageMessages;

	private final EventPosters posters;

	private final Clock clock;

	EventStaffPageController(EventCatalog catalog, EventPublishing publishing, EventRegistrants registrants,
			EventRegistrations registrations, SiteDirectory sites, SiteAccess access, CountySettings county,
			PageMessages pageMessages, EventPosters posters, Clock clock) {
		this.posters = posters;
		this.catalog = catalog;
		this.publishing = publishing;
		this.registrants = registrants;
		this.registrations = registrations;
		this.sites = sites;
		this.access = access;
		this.county = county;
		this.pageMessages = pageMessages;
		this.clock = clock;
	}

	@GetMapping("/events/new")
	@LibrarianOrCentral
	String form(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		List<Site> choices = choices(authentication);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EventForm.blank(choices.isEmpty() ? null : choices.get(0).id()));
		}
		return page(user, choices, null, model);
	}

	@GetMapping("/events/manage")
	@LibrarianOrCentral
	String manage(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		Instant now = clock.instant();
		List<CulturalEvent> events = catalog.startingIn(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(90)))
			.stream()
			.filter(event -> event.kind() == CulturalEvent.Kind.EVENT)
			.filter(event -> access.mayActFor(authentication, event.siteId()))
			.limit(MANAGED)
			.toList();
		Map<Long, EventRegistrations.Counts> counts = new HashMap<>();
		events.forEach(event -> counts.put(event.id(), registrations.counts(event.id())));
		model.addAttribute("user", user);
		model.addAttribute("events", events);
		model.addAttribute("counts", counts);
		return "event-manage";
	}

	@GetMapping("/events/{id}/edit")
	@LibrarianOrCentral
	String edit(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			Model model) {
		CulturalEvent event = ownEvent(id, authentication);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EventForm.of(event, county.zone(),
					posters.of(id).map(poster -> poster.alt()).orElse("")));
		}
		model.addAttribute("counts", registrations.counts(id));
		return page(user, choices(authentication), event, model);
	}

	@PostMapping("/events")
	@LibrarianOrCentral
	String publish(@ModelAttribute EventForm form, @RequestParam(required = false) MultipartFile image,
			Authentication authentication, RedirectAttributes redirect) {
		requireSite(form, authentication);
		if (refused(form, posters.problems(form, image, false), redirect)) {
			return "redirect:/events/new";
		}
		try {
			CulturalEvent event = publishing.fromForm(form.request(null, 0, county.zone()));
			posters.apply(event.id(), form, image);
			redirect.addFlashAttribute("notice", pageMessages.text("events.published", event.title()));
			return "redirect:/events/" + event.id() + "/registrants";
		}
		catch (IllegalArgumentException ex) {
			return refuse(form, ex, redirect, "redirect:/events/new");
		}
	}

	@PostMapping("/events/{id}")
	@LibrarianOrCentral
	String revise(@PathVariable long id, @ModelAttribute EventForm form, @RequestParam(required = false) MultipartFile image,
			Authentication authentication, RedirectAttributes redirect) {
		CulturalEvent old = ownEvent(id, authentication);
		requireSite(form, authentication);
		String back = "redirect:/events/" + id + "/edit";
		if (refused(form, posters.problems(form, image, posters.of(id).isPresent()), redirect)) {
			return back;
		}
		try {
			if (old.cancelled()) {
				throw new ConflictException("event-cancelled");
			}
			if (old.source() != CulturalEvent.Source.FORM) {
				throw new ConflictException("event-not-editable");
			}
			publishing.revise(old, form.request(old.uid(), old.sequence() + 1, county.zone()));
			posters.apply(id, form, image);
			redirect.addFlashAttribute("notice", pageMessages.text("events.saved", form.title()));
			return "redirect:/events/" + id + "/registrants";
		}
		catch (IllegalArgumentException | ConflictException ex) {
			return refuse(form, ex, redirect, back);
		}
	}

	@PostMapping("/events/{id}/cancel")
	@LibrarianOrCentral
	String cancel(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		CulturalEvent event = ownEvent(id, authentication);
		if (catalog.cancel(id)) {
			redirect.addFlashAttribute("notice", pageMessages.text("events.cancelled", event.title()));
		}
		else {
			redirect.addFlashAttribute("refused", pageMessages.refusal(new ConflictException("event-cancelled")));
		}
		return "redirect:/events/" + id + "/registrants";
	}

	@GetMapping("/events/{id}/registrants")
	@LibrarianOrCentral
	String registrants(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, Model model) {
		CulturalEvent event = ownEvent(id, authentication);
		model.addAttribute("user", user);
		model.addAttribute("event", event);
		model.addAttribute("counts", registrations.counts(id));
		model.addAttribute("registrants", registrants.of(id));
		model.addAttribute("editable", !event.cancelled() && event.source() == CulturalEvent.Source.FORM);
		return "event-registrants";
	}

	private String page(BranchLinkUser user, List<Site> choices, CulturalEvent event, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("event", event);
		model.addAttribute("categories", EventCategory.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("sites", choices);
		model.addAttribute("minStart", LocalDateTime.now(clock.withZone(county.zone())).withSecond(0).withNano(0).toString());
		model.addAttribute("poster", event == null ? null : posters.of(event.id()).orElse(null));
		model.addAttribute("imageMaxMegabytes", posters.maxMegabytes());
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		return "event-form";
	}

	/** The sites where this person may hold an event (no mobile units: their stops come from the planner). */
	private List<Site> choices(Authentication authentication) {
		return sites.current().map(r -> r.sites().stream()
			.filter(site -> site.kind().level() != SiteLevel.MOBILE)
			.filter(site -> access.mayActFor(authentication, site.id()))
			.toList()).orElse(List.of());
	}

	private CulturalEvent ownEvent(long id, Authentication authentication) {
		CulturalEvent event = catalog.find(id).orElseThrow(() -> new NotFoundException("event", String.valueOf(id)));
		access.requireActFor(authentication, event.siteId());
		return event;
	}

	private void requireSite(EventForm form, Authentication authentication) {
		if (form.siteId() != null && !form.siteId().isBlank()) {
			access.requireActForKnownSite(authentication, form.siteId());
		}
	}

	private boolean refused(EventForm form, Map<String, String> posterProblems, RedirectAttributes redirect) {
		Map<String, String> problems = new TreeMap<>(form.problems(LocalDateTime.now(clock.withZone(county.zone()))));
		problems.putAll(posterProblems);
		if (problems.isEmpty()) {
			return false;
		}
		redirect.addFlashAttribute("form", form);
		redirect.addFlashAttribute("problems", problems);
		redirect.addFlashAttribute("refused", pageMessages.text("events.form.problems", problems.size()));
		return true;
	}

	private String refuse(EventForm form, RuntimeException ex, RedirectAttributes redirect, String back) {
		redirect.addFlashAttribute("form", form);
		redirect.addFlashAttribute("problems", Map.of());
		redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		return back;
	}

}
