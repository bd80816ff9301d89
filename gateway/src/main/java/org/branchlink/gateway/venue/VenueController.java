package org.branchlink.gateway.venue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Venues, their bookings and the registered troupes (issue 20, point 2). */
@RestController
@Tag(name = "Venues and troupes")
class VenueController {

	private final Venues venues;

	private final VenueBookings bookings;

	private final VenueCalendar calendar;

	private final VenueFigures venueFigures;

	private final Troupes troupes;

	private final ReaderRegistry readers;

	private final SiteAccess access;

	VenueController(Venues venues, VenueBookings bookings, VenueCalendar calendar, VenueFigures venueFigures,
			Troupes troupes, ReaderRegistry readers, SiteAccess access) {
		this.venues = venues;
		this.bookings = bookings;
		this.calendar = calendar;
		this.venueFigures = venueFigures;
		this.troupes = troupes;
		this.readers = readers;
		this.access = access;
	}

	/** A troupe as anyone may see it: no names of people. */
	record PublicTroupe(long id, String siteId, String kind, String name, String genre, LocalDate registeredOn, int members) {

		static PublicTroupe of(AmateurTroupe troupe) {
			return new PublicTroupe(troupe.id(), troupe.siteId(), troupe.kind().code(), troupe.name(), troupe.genre(),
					troupe.registeredOn(), troupe.members());
		}
	}

	/** A troupe as its site's staff see it. */
	record TroupeRecord(AmateurTroupe troupe, List<AmateurTroupe.Member> members, List<AmateurTroupe.Guidance> guidance) {
	}

	/** A member to add. */
	record MemberRequest(String name, String part) {
	}

	/** Guidance given. */
	record GuidanceRequest(LocalDate givenOn, String guide, String content) {
	}

	/** The site's decision on a requested booking. */
	record Decision(boolean approve, String reason) {
	}

	@GetMapping("/api/venues")
	@Public
	@Operation(summary = "The venues open for booking: capacity, equipment, step-free access, approval, fee per hour and hours")
	List<Venue> list() {
		return venues.venues(Optional.empty()).stream().filter(Venue::active).toList();
	}

	@GetMapping("/api/venues/{id}/taken")
	@Public
	@Operation(summary = "When a venue is taken, from a day for up to 31 days (no booker named, save a troupe)")
	List<VenueCalendar.Taken> taken(@PathVariable long id, @RequestParam(required = false) LocalDate from,
			@RequestParam(defaultValue = "14") int days) {
		venues.venue(id);
		return calendar.taken(id, from == null ? bookings.today() : from, Math.max(1, Math.min(days, 31)));
	}

	@PostMapping("/api/venues")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #request.siteId())")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a venue to a site", description = "Scope: the venue's site. 409 when the site has a venue of that name.")
	Venue add(@RequestBody Venues.VenueRequest request) {
		return venues.save(null, request);
	}

	@PutMapping("/api/venues/{id}")
	@LibrarianOrCentral
	@Operation(summary = "Change a venue", description = "Scope: the venue's site (which does not change).")
	Venue change(@PathVariable long id, @RequestBody Venues.VenueRequest request, Authentication authentication) {
		access.requireActFor(authentication, venues.venue(id).siteId());
		return venues.save(id, request);
	}

	@PostMapping("/api/venues/{id}/bookings")
	@ReaderOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Book a venue, for oneself or for a troupe one is the contact of",
			description = "Free for a registered troupe or team and for public-benefit use, else the county's discount. "
					+ "Requested (awaiting the site) where the venue asks approval, else confirmed. 400 outside the venue's "
					+ "hours, in the past, too far ahead, too long or over capacity; 409 when the time is taken, the reader "
					+ "has too many bookings open or too many not shown lately.")
	VenueBooking book(@PathVariable long id, @RequestBody VenueBookings.BookingRequest request,
			Authentication authentication) {
		return bookings.book(reader(authentication).id(), new VenueBookings.BookingRequest(id, request.day(),
				request.from(), request.until(), request.purpose(), request.attendees(), request.publicBenefit(),
				request.troupeId()));
	}

	@GetMapping("/api/me/venue-bookings")
	@ReaderOnly
	@Operation(summary = "The signed-in reader's venue bookings, the coming ones first")
	List<VenueCalendar.Booking> mine(Authentication authentication) {
		return calendar.ofReader(reader(authentication).id());
	}

	@PostMapping("/api/venue-bookings/{id}/cancel")
	@ReaderOnly
	@Operation(summary = "Withdraw one's own booking before it begins")
	VenueBooking cancel(@PathVariable long id, Authentication authentication) {
		return bookings.cancelOwn(id, reader(authentication).id());
	}

	@GetMapping("/api/venue-bookings")
	@LibrarianOrCentral
	@Operation(summary = "The bookings at a site's venues from one day to another", description = "Scope: the site.")
	List<VenueCalendar.Booking> atSite(@RequestParam String site, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Authentication authentication) {
		access.requireActForKnownSite(authentication, site);
		return calendar.atSites(List.of(site), from, to);
	}

	@PostMapping("/api/venue-bookings/{id}/decision")
	@LibrarianOrCentral
	@Operation(summary = "Approve or decline a requested booking (a reason is needed to decline)",
			description = "Scope: the venue's site. 409 when the booking is not awaiting a decision.")
	VenueBooking decide(@PathVariable long id, @RequestBody Decision decision, Authentication authentication) {
		requireSiteOfBooking(authentication, id);
		return bookings.decide(id, decision.approve(), decision.reason(), authentication.getName());
	}

	@PostMapping("/api/venue-bookings/{id}/check-in")
	@LibrarianOrCentral
	@Operation(summary = "Check a booking in at the door (from shortly before its start until its end)",
			description = "Scope: the venue's site.")
	VenueBooking checkIn(@PathVariable long id, Authentication authentication) {
		requireSiteOfBooking(authentication, id);
		return bookings.checkIn(id, authentication.getName());
	}

	@GetMapping("/api/venues/figures")
	@CentralOrAuditor
	@Operation(summary = "Venue use rate, bookings, no-shows, free and troupe bookings by site, the county first")
	List<VenueFigures.Figures> figures(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return venueFigures.of(from, to);
	}

	@GetMapping("/api/troupes")
	@Public
	@Operation(summary = "The registered troupes and teams (no names of people)")
	List<PublicTroupe> troupes() {
		return troupes.active().stream().map(PublicTroupe::of).toList();
	}

	@PostMapping("/api/troupes")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #registration.siteId())")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a troupe or team at a site", description = "Scope: the site. 409 when the name is taken.")
	AmateurTroupe register(@RequestBody Troupes.Registration registration) {
		return troupes.register(registration);
	}

	@GetMapping("/api/troupes/{id}")
	@LibrarianOrCentral
	@Operation(summary = "A troupe with its members and the guidance given to it", description = "Scope: its site.")
	TroupeRecord troupe(@PathVariable long id, Authentication authentication) {
		AmateurTroupe troupe = troupes.troupe(id);
		access.requireActFor(authentication, troupe.siteId());
		return new TroupeRecord(troupe, troupes.members(id), troupes.guidance(id));
	}

	@PostMapping("/api/troupes/{id}/members")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a member to a troupe", description = "Scope: its site.")
	AmateurTroupe.Member addMember(@PathVariable long id, @RequestBody MemberRequest member, Authentication authentication) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return troupes.addMember(id, member.name(), member.part());
	}

	@PostMapping("/api/troupes/{id}/guidance")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record guidance or training given to a troupe (艺术指导、培训)", description = "Scope: its site.")
	AmateurTroupe.Guidance guide(@PathVariable long id, @RequestBody GuidanceRequest guidance, Authentication authentication) {
		access.requireActFor(authentication, troupes.troupe(id).siteId());
		return troupes.guide(id, guidance.givenOn(), guidance.guide(), guidance.content(), authentication.getName());
	}

	private void requireSiteOfBooking(Authentication authentication, long id) {
		access.requireActFor(authentication, venues.venue(bookings.booking(id).venueId()).siteId());
	}

	private Reader reader(Authentication authentication) {
		return readers.byUsername(authentication.getName())
			.orElseThrow(() -> new NotFoundException("reader", authentication.getName()));
	}

}
