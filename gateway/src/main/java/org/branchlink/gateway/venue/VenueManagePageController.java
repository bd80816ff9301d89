package org.branchlink.gateway.venue;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The venues desk (场地管理): a site's staff approve or decline requested bookings, check bookers in at the door,
 * withdraw a booking when the room is needed, add and change their venues, and see the year's use rate; central staff
 * for every site.
 */
@Controller
class VenueManagePageController {

	private final Venues venues;

	private final VenueBookings bookings;

	private final VenueCalendar calendar;

	private final VenueFigures venueFigures;

	private final SiteAccess access;

	private final PageMessages pageMessages;

	private final Troupes troupes;

	private final ReaderRegistry readers;

	private final Audit audit;

	VenueManagePageController(Venues venues, VenueBookings bookings, VenueCalendar calendar, VenueFigures venueFigures,
			SiteAccess access, PageMessages pageMessages, Troupes troupes, ReaderRegistry readers, Audit audit) {
		this.troupes = troupes;
		this.readers = readers;
		this.audit = audit;
		this.venues = venues;
		this.bookings = bookings;
		this.calendar = calendar;
		this.venueFigures = venueFigures;
		this.access = access;
		this.pageMessages = pageMessages;
	}

	/** A refused venue's fields, shown again. */
	record VenueDraft(Long id, String siteId, String name, String kind, String capacity, String equipment,
			boolean accessible, boolean needsApproval, String feePerHour, String opensAt, String closesAt)
			implements Serializable {
	}

	/**
	 * The desk: the year's figures and the bookings awaiting approval of every site the user acts for; the coming week's
	 * bookings and the venues of one chosen site ({@code site}), or of all their sites for staff of a few. Central staff
	 * act for the whole county: its week and venues are hundreds of cards, so they choose a site to see them.
	 */
	@GetMapping("/venues/manage")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication,
			@RequestParam(name = "site", required = false) String site, Model model) {
		Set<String> mine = access.sitesFor(authentication);
		boolean central = user.roles().contains(Role.CENTRAL_ADMIN);
		Set<String> shown = site != null && mine.contains(site) ? Set.of(site) : central ? Set.of() : mine;
		LocalDate today = bookings.today();
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		model.addAttribute("chosen", shown.size() == 1 ? shown.iterator().next() : null);
		model.addAttribute("choose", shown.isEmpty());
		model.addAttribute("central", central);
		model.addAttribute("awaiting", calendar.awaiting(mine));
		model.addAttribute("coming", shown.isEmpty() ? List.of() : calendar.atSites(shown, today, today.plusDays(6)).stream()
			.filter(b -> !List.of("declined", "cancelled", "lapsed").contains(b.status())).toList());
		model.addAttribute("venues", venues.venues(Optional.of(shown)));
		// the troupes staff may book for by phone: active, with a contact reader who books for them
		model.addAttribute("troupes", shown.isEmpty() ? List.of()
				: troupes.of(shown).stream().filter(t -> t.active() && t.contactCard() != null).toList());
		List<VenueFigures.Figures> figures = venueFigures.of(today.withDayOfYear(1), today);
		// the county's row first for central staff, then the sites'
		model.addAttribute("figures", figures.stream().filter(f -> f.siteId() == null ? central : mine.contains(f.siteId())).toList());
		model.addAttribute("sites", mine.stream().sorted(Comparator.naturalOrder()).toList());
		if (model.getAttribute("venueDraft") == null) {
			model.addAttribute("venueDraft", new VenueDraft(null, "", "", "room", "", "", false, false, "0", "09:00", "17:00"));
		}
		return "venues-manage";
	}

	@PostMapping("/venues/manage/venues")
	@LibrarianOrCentral
	String save(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String siteId,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "room") String kind,
			@RequestParam(required = false) Integer capacity, @RequestParam(defaultValue = "") String equipment,
			@RequestParam(defaultValue = "false") boolean accessible, @RequestParam(defaultValue = "false") boolean needsApproval,
			@RequestParam(required = false) Integer feePerHour, @RequestParam(required = false) LocalTime opensAt,
			@RequestParam(required = false) LocalTime closesAt, Authentication authentication, RedirectAttributes redirect) {
		String site = id == null ? siteId : venues.venue(id).siteId();
		access.requireActFor(authentication, site);
		return attempt(redirect, site, "venues.done.saved", new VenueDraft(id, siteId, name, kind,
				capacity == null ? "" : capacity.toString(), equipment, accessible, needsApproval,
				feePerHour == null ? "" : feePerHour.toString(), opensAt == null ? "" : opensAt.toString(),
				closesAt == null ? "" : closesAt.toString()),
				() -> venues.save(id, new Venues.VenueRequest(siteId, name, kind, capacity, equipment, accessible, needsApproval,
						feePerHour, opensAt, closesAt)));
	}

	/**
	 * A troupe asks by phone: staff book a venue of their site for it, as its contact reader would (the same rules, the
	 * contact's limits, the troupe's free rate), and the audit log says who booked on whose behalf.
	 */
	@PostMapping("/venues/manage/bookings")
	@LibrarianOrCentral
	String bookForTroupe(@RequestParam long troupeId, @RequestParam long venueId, @RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) LocalTime from, @RequestParam(required = false) LocalTime until,
			@RequestParam(defaultValue = "") String purpose, @RequestParam(required = false) Integer attendees,
			Authentication authentication, RedirectAttributes redirect) {
		String site = venues.venue(venueId).siteId();
		access.requireActFor(authentication, site);
		AmateurTroupe troupe = troupes.troupe(troupeId);
		// staff book for the troupes of their own sites (central staff for any)
		access.requireActFor(authentication, troupe.siteId());
		return attempt(redirect, site, "venues.done.booked-for", null, () -> {
			Reader contact = readers.byCard(troupe.contactCard() == null ? "" : troupe.contactCard())
				.orElseThrow(() -> new ConflictException("booking-troupe-contact", troupe.name()));
			VenueBooking booking = bookings.book(contact.id(), new VenueBookings.BookingRequest(venueId, day, from, until,
					purpose, attendees, false, troupeId));
			audit.record(authentication, Audit.VENUE_BOOKED_FOR, Map.of("booking", booking.id(), "troupe", troupeId,
					"venue", venueId));
		});
	}

	@PostMapping("/venues/manage/venues/{id}/active")
	@LibrarianOrCentral
	String active(@PathVariable long id, @RequestParam boolean active, Authentication authentication,
			RedirectAttributes redirect) {
		String site = venues.venue(id).siteId();
		access.requireActFor(authentication, site);
		return attempt(redirect, site, active ? "venues.done.reopened" : "venues.done.withdrawn", null,
				() -> venues.setActive(id, active));
	}

	@PostMapping("/venues/manage/bookings/{id}/decision")
	@LibrarianOrCentral
	String decide(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(defaultValue = "") String reason, Authentication authentication, RedirectAttributes redirect) {
		String site = requireSiteOfBooking(authentication, id);
		return attempt(redirect, site, approve ? "venues.done.approved" : "venues.done.declined", null,
				() -> bookings.decide(id, approve, reason, authentication.getName()));
	}

	@PostMapping("/venues/manage/bookings/{id}/check-in")
	@LibrarianOrCentral
	String checkIn(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		String site = requireSiteOfBooking(authentication, id);
		return attempt(redirect, site, "venues.done.checked-in", null, () -> bookings.checkIn(id, authentication.getName()));
	}

	@PostMapping("/venues/manage/bookings/{id}/cancel")
	@LibrarianOrCentral
	String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		String site = requireSiteOfBooking(authentication, id);
		return attempt(redirect, site, "venues.done.site-cancelled", null,
				() -> bookings.cancelBySite(id, reason, authentication.getName()));
	}

	/** The site of the booking's venue, which the user must act for. */
	private String requireSiteOfBooking(Authentication authentication, long id) {
		String site = venues.venue(bookings.booking(id).venueId()).siteId();
		access.requireActFor(authentication, site);
		return site;
	}

	/** Does it, and back to the desk showing the site it was done for. */
	private String attempt(RedirectAttributes redirect, String site, String done, VenueDraft draft, Runnable action) {
		if (!pageMessages.attempt(redirect, done, action) && draft != null) {
			redirect.addFlashAttribute("venueDraft", draft);
		}
		if (site != null && !site.isBlank()) {
			redirect.addAttribute("site", site);
		}
		return "redirect:/venues/manage";
	}

}
