package org.branchlink.gateway.circulation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.circulation.CirculationBatchReader;
import org.branchlink.sync.circulation.IntakeReport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The circulation desk for sites without an ILS, made for a scanner: scan the card (the reader stays in the session, in
 * a panel, for a run of copies until "next reader"), scan copies; a checkin that must not go back on this shelf raises
 * an alert with a printable slip. Also the offline batch upload and the conflict list. A reader's "my loans" is
 * {@link MyLoansPageController}.
 */
@Controller
class CirculationPageController {

	private final LendingDesk desk;

	private final CirculationQueries queries;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final ReaderRegistry readers;

	private final CountySettings county;

	private final PageMessages pageMessages;

	private final DeskPanel panel;

	/** The session attribute holding the card number of the reader at the desk. */
	static final String DESK_READER = "desk.reader";

	CirculationPageController(LendingDesk desk, CirculationQueries queries, SiteDirectory sites, SiteAccess access,
			ReaderRegistry readers, CountySettings county, PageMessages pageMessages, DeskPanel panel) {
		this.pageMessages = pageMessages;
		this.panel = panel;
		this.desk = desk;
		this.queries = queries;
		this.sites = sites;
		this.access = access;
		this.readers = readers;
		this.county = county;
	}

	@GetMapping("/circulation")
	@LibrarianOrCentral
	String desk(@RequestParam(required = false) String site, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication, HttpSession session, Model model) {
		List<Site> mine = sites.require().sites().stream().filter(s -> access.mayActFor(authentication, s.id())).toList();
		String current = site != null && access.mayActFor(authentication, site) ? site
				: mine.stream().map(Site::id).filter(user.siteIds()::contains).findFirst()
					.orElse(mine.isEmpty() ? "" : mine.get(0).id());
		model.addAttribute("user", user);
		model.addAttribute("sites", mine);
		model.addAttribute("site", current);
		model.addAttribute("conflicts", queries.openConflicts(mine.stream().map(Site::id).toList(), 100));
		model.addAttribute("now", Instant.now());
		if (session.getAttribute(DESK_READER) instanceof String card) {
			panel.panel(card).ifPresent(p -> model.addAttribute("panel", p));
		}
		return "circulation";
	}

	/** The card scanned: its reader's panel stays on the desk for the copies that follow. */
	@PostMapping("/circulation/reader")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String reader(@RequestParam String site, @RequestParam String card, HttpSession session, RedirectAttributes redirect) {
		try {
			Reader reader = readers.byTypedCard(card.strip())
				.orElseThrow(() -> new ConflictException("unknown-card"));
			session.setAttribute(DESK_READER, reader.cardNumber());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.card-check-digit"));
			redirect.addFlashAttribute("cardError", true);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("cardError", true);
		}
		return "redirect:/circulation?site=" + site;
	}

	/** "Next reader": the panel is cleared and the card field waits for the next card. */
	@PostMapping("/circulation/reader/clear")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String clearReader(@RequestParam String site, HttpSession session, RedirectAttributes redirect) {
		session.removeAttribute(DESK_READER);
		redirect.addFlashAttribute("notice", pageMessages.text("desk.finished"));
		return "redirect:/circulation?site=" + site;
	}

	/** A copy lent to the reader of the panel (or to the card given with it, which then takes the panel). */
	@PostMapping("/circulation/checkout")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String checkout(@RequestParam String site, @RequestParam(required = false) String card, @RequestParam String barcode,
			HttpSession session, RedirectAttributes redirect) {
		redirect.addFlashAttribute("mode", "checkout");
		String who = card != null && !card.isBlank() ? card.strip()
				: session.getAttribute(DESK_READER) instanceof String c ? c : null;
		if (who == null) {
			redirect.addFlashAttribute("refused", pageMessages.text("desk.scan-card-first"));
			redirect.addFlashAttribute("cardError", true);
			return "redirect:/circulation?site=" + site;
		}
		try {
			IntakeReport report = desk.checkout(site, who, barcode);
			redirect.addFlashAttribute("report", report);
			readers.byTypedCard(who).ifPresent(r -> session.setAttribute(DESK_READER, r.cardNumber()));
			queries.copy(barcode.strip()).ifPresent(copy -> {
				redirect.addFlashAttribute("copy", copy);
				redirect.addFlashAttribute("notice", pageMessages.text("desk.lent", copy.title(), copy.barcode(),
						copy.dueAt() == null ? "" : copy.dueAt().atZone(county.zone()).toLocalDate().toString()));
			});
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("barcodeError", true);
			if (ex instanceof LendingDesk.UnknownCard) {
				session.removeAttribute(DESK_READER);
				redirect.addFlashAttribute("cardError", true);
			}
		}
		return "redirect:/circulation?site=" + site;
	}

	/** A copy taken back; one that must go elsewhere or wait for a reader raises an alert with its slip. */
	@PostMapping("/circulation/checkin")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String checkin(@RequestParam String site, @RequestParam String barcode, RedirectAttributes redirect) {
		redirect.addFlashAttribute("mode", "checkin");
		try {
			IntakeReport report = desk.checkin(site, barcode);
			redirect.addFlashAttribute("report", report);
			String code = barcode.strip();
			queries.copy(code).ifPresent(copy -> redirect.addFlashAttribute("copy", copy));
			panel.afterCheckin(site, code).ifPresentOrElse(alert -> redirect.addFlashAttribute("alert", alert),
					() -> redirect.addFlashAttribute("notice", pageMessages.text("desk.returned", code)));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("barcodeError", true);
		}
		return "redirect:/circulation?site=" + site;
	}

	@PostMapping("/circulation/receive")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String receive(@RequestParam String site, @RequestParam String barcode, RedirectAttributes redirect) {
		redirect.addFlashAttribute("mode", "receive");
		String result = act(site, barcode, redirect, () -> desk.receive(site, barcode));
		panel.afterCheckin(site, barcode.strip()).ifPresent(alert -> redirect.addFlashAttribute("alert", alert));
		return result;
	}

	@PostMapping("/circulation/batch")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #site)")
	String batch(@RequestParam String site, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (var in = file.getInputStream()) {
			redirect.addFlashAttribute("report", desk.submit(CirculationBatchReader.read(site, name, in, county.zone())));
		}
		return "redirect:/circulation?site=" + site;
	}

	@PostMapping("/circulation/conflicts/{id}/resolve")
	@LibrarianOrCentral
	String resolve(@PathVariable long id, @RequestParam String site, Authentication authentication) {
		queries.conflict(id).ifPresent(conflict -> {
			access.requireActFor(authentication, conflict.siteId());
			queries.resolve(id, authentication.getName());
		});
		return "redirect:/circulation?site=" + site;
	}

	private String act(String site, String barcode, RedirectAttributes redirect, Supplier<IntakeReport> action) {
		try {
			IntakeReport report = action.get();
			redirect.addFlashAttribute("report", report);
			queries.copy(barcode.strip()).ifPresent(copy -> redirect.addFlashAttribute("copy", copy));
			redirect.addFlashAttribute("notice", pageMessages.text("desk.received", barcode.strip()));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			redirect.addFlashAttribute("barcodeError", true);
		}
		return "redirect:/circulation?site=" + site;
	}

}
