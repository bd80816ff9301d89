package org.branchlink.gateway.holds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's reserve button (on a work's page) and "my holds": each hold's place in its queue or its pick-up-by date,
 * pause and resume, cancel (the page asks first); every action answers with a message.
 */
@Controller
class HoldPageController {

	private final HoldQueue holds;

	private final ReaderRegistry readers;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final HoldShelf shelf;

	private final PageMessages pageMessages;

	private final HoldStore store;

	private final CountySettings county;

	private final Clock clock;

	HoldPageController(HoldQueue holds, ReaderRegistry readers, SiteDirectory sites, SiteAccess access, HoldShelf shelf,
			PageMessages pageMessages, HoldStore store, CountySettings county, Clock clock) {
		this.pageMessages = pageMessages;
		this.store = store;
		this.county = county;
		this.clock = clock;
		this.holds = holds;
		this.readers = readers;
		this.sites = sites;
		this.access = access;
		this.shelf = shelf;
	}

	@PostMapping("/holds")
	@ReaderOnly
	String place(@RequestParam String workId, @RequestParam String pickupSite,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		Reader reader = readers.byUsername(user.getUsername()).orElse(null);
		if (reader == null) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card"));
			return "redirect:/my/holds";
		}
		try {
			HoldQueue.HoldView placed = holds.place(reader, workId, null, pickupSite);
			redirect.addFlashAttribute("notice", pageMessages.text("holds.placed." + placed.status()));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/my/holds";
	}

	@GetMapping("/my/holds")
	@ReaderOnly
	String mine(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			model.addAttribute("reader", reader);
			model.addAttribute("holds", mine(reader));
		});
		model.addAttribute("today", LocalDate.now(clock.withZone(county.zone())));
		return "holds";
	}

	/** The librarian's pull list: copies on this site's shelves wanted by holds, each with its transit slip. */
	@GetMapping("/holds/pull")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String pull(@RequestParam String site, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		access.requireKnown(site);
		model.addAttribute("user", user);
		model.addAttribute("site", site);
		model.addAttribute("items", shelf.pullList(site));
		model.addAttribute("siteNames", sites.byId());
		return "pull";
	}


	@PostMapping("/my/holds/{id}/cancel")
	@ReaderOnly
	String cancel(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		return act(user, redirect, reader -> holds.cancel(reader, id), "holds.cancelled");
	}

	@PostMapping("/my/holds/{id}/suspend")
	@ReaderOnly
	String suspend(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		if (!until.isAfter(LocalDate.now(clock.withZone(county.zone())))) {
			redirect.addFlashAttribute("refused", pageMessages.text("holds.suspend.past"));
			return "redirect:/my/holds";
		}
		return act(user, redirect, reader -> holds.suspend(reader, id, until), "holds.suspended");
	}

	@PostMapping("/my/holds/{id}/resume")
	@ReaderOnly
	String resume(@PathVariable long id, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		return act(user, redirect, reader -> holds.suspend(reader, id, null), "holds.resumed");
	}

	/**
	 * One of the reader's holds as "my holds" shows it.
	 *
	 * @param view the hold
	 * @param place its place in the work's queue while it waits (1: next), else null
	 * @param pickUpBy the last moment to collect it while it is ready, else null
	 * @param suspendedUntil paused until this day, else null
	 */
	record MyHold(HoldQueue.HoldView view, Integer place, Instant pickUpBy, LocalDate suspendedUntil) {

		public boolean suspended(LocalDate today) {
			return suspendedUntil != null && suspendedUntil.isAfter(today);
		}

	}

	private List<MyHold> mine(Reader reader) {
		Map<Long, Hold> stored = new HashMap<>();
		store.openOf(reader.cardNumber()).forEach(hold -> stored.put(hold.id(), hold));
		Map<Long, Integer> places = store.queuePlacesOf(reader.cardNumber());
		return holds.holdsOf(reader.cardNumber()).stream().map(view -> {
			Hold hold = stored.get(view.id());
			return new MyHold(view, places.get(view.id()),
					hold != null && hold.status() == Hold.Status.READY ? hold.expiresAt() : null,
					hold == null ? null : hold.suspendedUntil());
		}).toList();
	}

	private String act(BranchLinkUser user, RedirectAttributes redirect, Consumer<Reader> action, String done) {
		readers.byUsername(user.getUsername()).ifPresentOrElse(reader -> {
			try {
				action.accept(reader);
				redirect.addFlashAttribute("notice", pageMessages.text(done));
			}
			catch (IllegalArgumentException | ConflictException ex) {
				redirect.addFlashAttribute("refused", pageMessages.text("holds.gone"));
			}
		}, () -> redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card")));
		return "redirect:/my/holds";
	}

}
