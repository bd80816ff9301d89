package org.branchlink.gateway.circulation;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader's "my loans": due dates marked due soon or overdue, renew one or all (a message per loan, refusals worded),
 * and the choice to keep a reading history, whose list shows only while it is kept.
 */
@Controller
class MyLoansPageController {

	/** A loan due within this is marked due soon. */
	static final Duration DUE_SOON = Duration.ofDays(3);

	private final LendingDesk desk;

	private final CirculationQueries queries;

	private final ReaderRegistry readers;

	private final PageMessages pageMessages;

	private final CountySettings county;

	private final Clock clock;

	MyLoansPageController(LendingDesk desk, CirculationQueries queries, ReaderRegistry readers, PageMessages pageMessages,
			CountySettings county, Clock clock) {
		this.desk = desk;
		this.queries = queries;
		this.readers = readers;
		this.pageMessages = pageMessages;
		this.county = county;
		this.clock = clock;
	}

	/**
	 * What one renewal did, for the page.
	 *
	 * @param title the loan's title
	 * @param renewed renewed (else refused)
	 * @param text the new due date or the refusal, worded (without the title, which may be in another language)
	 */
	record Outcome(String title, boolean renewed, String text) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	@GetMapping("/my/loans")
	@ReaderOnly
	String myLoans(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		Instant now = clock.instant();
		model.addAttribute("user", user);
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			model.addAttribute("reader", reader);
			model.addAttribute("loans", queries.openLoans(reader.cardNumber()));
			model.addAttribute("history", reader.keepHistory() ? queries.history(reader.cardNumber()) : List.of());
		});
		model.addAttribute("now", now);
		model.addAttribute("soon", now.plus(DUE_SOON));
		return "loans";
	}

	@PostMapping("/my/loans/renew")
	@ReaderOnly
	String renew(@RequestParam String loan, @AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		Optional<Reader> reader = readers.byUsername(user.getUsername());
		if (reader.isEmpty()) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card"));
			return "redirect:/my/loans";
		}
		queries.openLoans(reader.get().cardNumber()).stream().filter(l -> l.id().equals(loan)).findFirst()
			.ifPresentOrElse(l -> {
				Outcome outcome = renew(reader.get(), l);
				redirect.addFlashAttribute("outcomes", List.of(outcome));
				redirect.addFlashAttribute(outcome.renewed() ? "notice" : "refused", outcome.text());
			}, () -> redirect.addFlashAttribute("refused", pageMessages.text("loans.gone")));
		return "redirect:/my/loans";
	}

	@PostMapping("/my/loans/renew-all")
	@ReaderOnly
	String renewAll(@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		Optional<Reader> reader = readers.byUsername(user.getUsername());
		if (reader.isEmpty()) {
			redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card"));
			return "redirect:/my/loans";
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (CirculationQueries.LoanView loan : queries.openLoans(reader.get().cardNumber())) {
			outcomes.add(renew(reader.get(), loan));
		}
		long renewed = outcomes.stream().filter(Outcome::renewed).count();
		redirect.addFlashAttribute("outcomes", outcomes);
		redirect.addFlashAttribute(renewed > 0 ? "notice" : "refused",
				pageMessages.text("loans.renewedAll", renewed, outcomes.size()));
		return "redirect:/my/loans";
	}

	@PostMapping("/my/loans/history")
	@ReaderOnly
	String keepHistory(@RequestParam(defaultValue = "false") boolean keep, @AuthenticationPrincipal BranchLinkUser user,
			RedirectAttributes redirect) {
		readers.byUsername(user.getUsername()).ifPresentOrElse(reader -> {
			readers.keepHistory(reader.id(), keep);
			redirect.addFlashAttribute("notice", pageMessages.text(keep ? "loans.history.kept" : "loans.history.notKept"));
		}, () -> redirect.addFlashAttribute("refused", pageMessages.text("refusal.no-card")));
		return "redirect:/my/loans";
	}

	private Outcome renew(Reader reader, CirculationQueries.LoanView loan) {
		try {
			if (desk.renew(reader, loan.id()).rejected() > 0) {
				return new Outcome(loan.title(), false, pageMessages.text("loans.notRenewed"));
			}
			LocalDate due = queries.openLoans(reader.cardNumber()).stream().filter(l -> l.id().equals(loan.id()))
				.findFirst().map(l -> l.dueAt().atZone(county.zone()).toLocalDate()).orElse(null);
			return new Outcome(loan.title(), true, due == null ? pageMessages.text("loans.renewed")
					: pageMessages.text("loans.renewed.until", due.toString()));
		}
		catch (IllegalArgumentException | ConflictException ex) {
			return new Outcome(loan.title(), false, pageMessages.text("loans.refused", pageMessages.refusal(ex)));
		}
	}

}
