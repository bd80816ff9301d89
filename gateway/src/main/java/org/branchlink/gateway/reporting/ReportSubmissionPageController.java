package org.branchlink.gateway.reporting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Central staff's page for reporting upward: the targets and what each is owed, sending a period now, the narrative of
 * the quarter's work sent with the figures, the log of every submission, and the on-time rate of the year.
 */
@Controller
class ReportSubmissionPageController {

	/** The longest narrative, in characters. */
	static final int NARRATIVE_MAX = 5000;

	private final ReportSubmissions submissions;

	private final PageMessages messages;

	ReportSubmissionPageController(ReportSubmissions submissions, PageMessages messages) {
		this.submissions = submissions;
		this.messages = messages;
	}

	@GetMapping("/reports/submissions")
	@CentralOrAuditor
	String page(@RequestParam(required = false) String quarter, Model model) {
		LocalDate today = submissions.today();
		Map<ReportingProperties.Target, List<ReportPeriod>> owed = new LinkedHashMap<>();
		submissions.targets().forEach(target -> owed.put(target, submissions.due(target, today)));
		// the quarter whose report goes next: the last one ended
		String last = ReportPeriod.parse(today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1)).previous().code();
		String shown = quarter == null || quarter.isBlank() ? last : ReportPeriod.parse(quarter).code();
		model.addAttribute("owed", owed);
		model.addAttribute("log", submissions.latest(100));
		model.addAttribute("onTimeRate", submissions.onTimeRate(LocalDate.of(today.getYear(), 1, 1), today));
		model.addAttribute("year", String.valueOf(today.getYear()));
		model.addAttribute("quarter", shown);
		model.addAttribute("narrative", submissions.narrative(shown));
		model.addAttribute("narrativeMax", NARRATIVE_MAX);
		return "report-submissions";
	}

	@PostMapping("/reports/submissions")
	@CentralAdminOnly
	String submit(@RequestParam String target, @RequestParam String period,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		ReportingProperties.Target to = submissions.target(target)
			.orElseThrow(() -> new NotFoundException("reporting target", target));
		ReportSubmissions.Submission done = submissions.submit(to, ReportPeriod.parse(period), user.getUsername());
		if (done.accepted()) {
			redirect.addFlashAttribute("notice", messages.text("submissions.accepted", done.period(), to.name()));
		}
		else {
			redirect.addFlashAttribute("refused", messages.text("submissions.refused", done.period(), to.name(),
					done.status() == 0 ? messages.text("submissions.no-answer") : String.valueOf(done.status()),
					done.reason()));
		}
		return "redirect:/reports/submissions";
	}

	@PostMapping("/reports/submissions/narrative")
	@CentralAdminOnly
	String narrative(@RequestParam String quarter, @RequestParam String body,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		String period = ReportPeriod.parse(quarter).code();
		if (body.length() > NARRATIVE_MAX) {
			redirect.addFlashAttribute("refused", messages.text("submissions.narrative.too-long", NARRATIVE_MAX));
			redirect.addFlashAttribute("draft", body);
		}
		else {
			submissions.writeNarrative(period, body, user.getUsername());
			redirect.addFlashAttribute("notice", messages.text("submissions.narrative.saved", period));
		}
		return "redirect:/reports/submissions?quarter=" + period;
	}

}
