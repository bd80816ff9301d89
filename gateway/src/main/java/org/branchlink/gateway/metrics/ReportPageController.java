package org.branchlink.gateway.metrics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.branchlink.gateway.openinfo.Publications;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The central dashboard (this month so far, with the staffing and training checks of the year) and the monthly,
 * quarterly and annual reports: tables and bar charts (inline SVG, no script) comparing the townships.
 */
@Controller
class ReportPageController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ServiceMetrics metrics;

	private final Staffing staffing;

	private final SiteDirectory sites;

	private final CountySettings county;

	private final ReportPdf pdf;

	private final ReportFigures figures;

	private final PageMessages messages;

	private final Publications publications;

	ReportPageController(ServiceMetrics metrics, Staffing staffing, SiteDirectory sites, CountySettings county,
			ReportPdf pdf, ReportFigures figures, PageMessages messages, Publications publications) {
		this.publications = publications;
		this.pdf = pdf;
		this.figures = figures;
		this.messages = messages;
		this.metrics = metrics;
		this.staffing = staffing;
		this.sites = sites;
		this.county = county;
	}

	@GetMapping("/dashboard")
	@CentralOrAuditor
	String dashboard(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		ReportPeriod period = ReportPeriod.monthOf(LocalDate.now(county.zone()));
		fill(model, period, user);
		model.addAttribute("dashboard", true);
		model.addAttribute("staffing", staffing.check(period.from().getYear()));
		return "report";
	}

	@GetMapping("/reports/{period}")
	@CentralOrAuditor
	String report(@PathVariable String period, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		fill(model, ReportPeriod.parse(period), user);
		model.addAttribute("dashboard", false);
		model.addAttribute("published", publications.isPublished(Publications.Kind.REPORT, ReportPeriod.parse(period).code()));
		return "report";
	}

	@GetMapping("/open/reports/{period}")
	@Public
	String published(@PathVariable String period, @AuthenticationPrincipal BranchLinkUser user, Model model) {
		ReportPeriod p = ReportPeriod.parse(period);
		if (!publications.isPublished(Publications.Kind.REPORT, p.code())) {
			throw new NotFoundException("published report", p.code());
		}
		fill(model, p, user);
		model.addAttribute("dashboard", false);
		model.addAttribute("publicView", true);
		model.addAttribute("published", true);
		return "report";
	}

	@PostMapping("/reports/{period}/publish")
	@CentralAdminOnly
	String publish(@PathVariable String period, @RequestParam(defaultValue = "publish") String action,
			@AuthenticationPrincipal BranchLinkUser user, RedirectAttributes redirect) {
		ReportPeriod p = ReportPeriod.parse(period);
		if (action.equals("withdraw")) {
			publications.withdraw(Publications.Kind.REPORT, p.code());
			redirect.addFlashAttribute("notice", messages.text("open.withdrawn"));
		}
		else {
			publications.publish(Publications.Kind.REPORT, p.code(), p.code(), user.getUsername());
			redirect.addFlashAttribute("notice", messages.text("open.published"));
		}
		return "redirect:/reports/" + p.code();
	}

	@GetMapping("/reports/{period}.pdf")
	@CentralOrAuditor
	ResponseEntity<byte[]> pdf(@PathVariable String period, Locale locale) {
		ReportPeriod p = ReportPeriod.parse(period);
		Map<String, Object> model = new HashMap<>();
		model.put("period", p);
		model.put("report", metrics.report(p.from(), p.to()));
		model.put("siteNames", sites.byId());
		model.put("dashboard", false);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=branchlink-" + p.code().toLowerCase(Locale.ROOT) + ".pdf")
			.body(pdf.render(locale, model));
	}

	@GetMapping("/reports/{period}.xlsx")
	@CentralOrAuditor
	ResponseEntity<byte[]> xlsx(@PathVariable String period) {
		ReportPeriod p = ReportPeriod.parse(period);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=branchlink-" + p.code().toLowerCase(Locale.ROOT) + ".xlsx")
			.body(ReportXlsx.of(metrics.report(p.from(), p.to()), p.code()));
	}

	/**
	 * A period still running is compared fairly: its days so far against the same first days of the last period and of
	 * the same period last year (the page states the dates compared).
	 */
	private void fill(Model model, ReportPeriod whole, BranchLinkUser user) {
		ReportPeriod period = whole.until(LocalDate.now(county.zone()));
		ServiceMetrics.Report report = metrics.report(period.from(), period.to());
		ReportPeriod previous = whole.previous().asLongAs(period);
		ServiceMetrics.Report before = metrics.report(previous.from(), previous.to());
		ReportPeriod yearAgo = whole.sameLastYear().asLongAs(period);
		ServiceMetrics.Report lastYear = yearAgo.equals(previous) ? before : metrics.report(yearAgo.from(), yearAgo.to());
		model.addAttribute("user", user);
		model.addAttribute("period", period);
		model.addAttribute("previous", previous);
		model.addAttribute("report", report);
		model.addAttribute("figures", figures.headline(report, before, lastYear));
		model.addAttribute("yearAgo", yearAgo);
		model.addAttribute("charts", figures.charts(report, before));
		model.addAttribute("nowLabel", messages.text("report.now"));
		model.addAttribute("beforeLabel", messages.text("report.before"));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("publicView", false);
		model.addAttribute("published", false);
	}

}
