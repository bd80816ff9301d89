package org.branchlink.gateway.venue;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Venues for residents (场地预约): anyone sees the rooms and halls of every site, what they hold and have, whether they
 * are step-free, what they cost and when they are taken, and the registered troupes; a signed-in reader books one for
 * themselves or for their troupe and follows (or withdraws) their bookings here.
 */
@Controller
class VenuePageController {

	private final Venues venues;

	private final VenueBookings bookings;

	private final VenueCalendar calendar;

	private final Troupes troupes;

	private final ReaderRegistry readers;

	private final PageMessages pageMessages;

	VenuePageController(Venues venues, VenueBookings bookings, VenueCalendar calendar, Troupes troupes,
			ReaderRegistry readers, PageMessages pageMessages) {
		this.venues = venues;
		this.bookings = bookings;
		this.calendar = calendar;
		this.troupes = troupes;
		this.readers = readers;
		this.pageMessages = pageMessages;
	}

	/** A refused booking's fields, shown again. */
	record Draft(Long venueId, String day, String from, String until, String attendees, String purpose,
			boolean publicBenefit, Long troupeId) implements Serializable {
	}

	/** A venue with when it is taken in the coming week. */
	record Listed(Venue venue, List<VenueCalendar.Taken> taken) {
	}

	@GetMapping("/venues")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(required = false) Long venue, Model model) {
		Optional<Reader> reader = reader(user);
		LocalDate today = bookings.today();
		Map<String, List<Listed>> bySite = new LinkedHashMap<>();
		venues.venues(Optional.empty()).stream().filter(Venue::active)
			.forEach(v -> bySite.computeIfAbsent(v.siteId(), key -> new ArrayList<>())
				.add(new Listed(v, calendar.taken(v.id(), today, 7))));
		model.addAttribute("bySite", bySite);
		model.addAttribute("reader", reader.orElse(null));
		model.addAttribute("myTroupes", reader.map(r -> troupes.bookingFor(r.cardNumber())).orElse(List.of()));
		model.addAttribute("myBookings", reader.map(r -> calendar.ofReader(r.id())).orElse(List.of()));
		model.addAttribute("troupes", troupes.active().stream().collect(Collectors.groupingBy(AmateurTroupe::siteId,
				LinkedHashMap::new, Collectors.toList())));
		model.addAttribute("today", today);
		model.addAttribute("latest", today.plusDays(bookings.rules().horizonDays()));
		model.addAttribute("rules", bookings.rules());
		model.addAttribute("discountPercent", Math.round(bookings.rules().residentDiscount() * 100));
		if (model.getAttribute("draft") == null) {
			model.addAttribute("draft", new Draft(venue, today.plusDays(1).toString(), "09:00", "11:00", "", "", false, null));
		}
		return "venues";
	}

	@PostMapping("/venues/bookings")
	@ReaderOnly
	String book(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(required = false) Long venueId,
			@RequestParam(required = false) LocalDate day, @RequestParam(required = false) LocalTime from,
			@RequestParam(required = false) LocalTime until, @RequestParam(required = false) Integer attendees,
			@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "false") boolean publicBenefit,
			@RequestParam(required = false) Long troupeId, RedirectAttributes redirect) {
		try {
			Reader reader = reader(user).orElseThrow(() -> new NotFoundException("reader", user.getUsername()));
			VenueBooking booking = bookings.book(reader.id(), new VenueBookings.BookingRequest(venueId, day, from, until,
					purpose, attendees, publicBenefit, troupeId));
			redirect.addFlashAttribute("notice", pageMessages.text(booking.status() == VenueBooking.Status.REQUESTED
					? "venues.done.requested" : "venues.done.confirmed", booking.fee()));
			return "redirect:/venues#book";
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("draft", new Draft(venueId, day == null ? "" : day.toString(),
					from == null ? "" : from.toString(), until == null ? "" : until.toString(),
					attendees == null ? "" : attendees.toString(), purpose, publicBenefit, troupeId));
			return "redirect:/venues#book";
		}
	}

	@PostMapping("/venues/bookings/{id}/cancel")
	@ReaderOnly
	String cancel(@AuthenticationPrincipal BranchLinkUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			Reader reader = reader(user).orElseThrow(() -> new NotFoundException("reader", user.getUsername()));
			bookings.cancelOwn(id, reader.id());
			redirect.addFlashAttribute("notice", pageMessages.text("venues.done.cancelled"));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/venues#book";
	}

	private Optional<Reader> reader(BranchLinkUser user) {
		return user == null ? Optional.empty() : readers.byUsername(user.getUsername());
	}

}
