package org.branchlink.gateway.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service-efficiency figures, staffing and training, and the periodic reports as CSV. */
@RestController
@Tag(name = "Metrics and reports")
class MetricsController {

	private final ServiceMetrics metrics;

	private final Staffing staffing;

	private final SiteAccess access;

	private final SiteVisits visits;

	private final Audit audit;

	MetricsController(ServiceMetrics metrics, Staffing staffing, SiteAccess access, SiteVisits visits, Audit audit) {
		this.audit = audit;
		this.visits = visits;
		this.metrics = metrics;
		this.staffing = staffing;
		this.access = access;
	}

	@GetMapping("/api/metrics")
	@CentralOrAuditor
	@Operation(summary = "A period's figures per township and for the county, with the three headline rates",
			description = "period: 2026-11, 2026-Q4 or 2026; level: township (default) or site.")
	ServiceMetrics.Report report(@RequestParam String period, @RequestParam(defaultValue = "township") String level) {
		ReportPeriod p = ReportPeriod.parse(period);
		if (!level.equals("township") && !level.equals("site")) {
			throw new IllegalArgumentException("level is township or site");
		}
		return metrics.report(p.from(), p.to(), level.equals("site"));
	}

	@PostMapping("/api/sites/{siteId}/visits")
	@PreAuthorize("hasAnyRole('SITE_SYSTEM','LIBRARIAN','CENTRAL_ADMIN') "
			+ "and @siteAccess.mayActFor(authentication, #siteId)")
	@Operation(summary = "A site's visit counts by day (gate counter, mobile head count, manual)")
	int visits(@PathVariable String siteId, @RequestBody List<SiteVisits.Count> counts) {
		access.requireKnown(siteId);
		return visits.record(siteId, counts);
	}

	@GetMapping("/api/metrics/staffing")
	@CentralOrAuditor
	@Operation(summary = "Staffing (2 full-time per township, 1 part-time per village) and training days (15 county, "
			+ "5 township and village) of a year")
	Staffing.Check staffing(@RequestParam int year) {
		return staffing.check(year);
	}

	@PostMapping("/api/staff")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a staff member of a site", description = "Scope: the staff member's site.")
	long addStaff(@RequestBody Staffing.StaffRequest request, Authentication authentication) {
		access.requireActForKnownSite(authentication, String.valueOf(request.siteId()));
		return staffing.addStaff(request);
	}

	@PostMapping("/api/staff/{id}/training")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record training days of a staff member", description = "Scope: the staff member's site.")
	void addTraining(@PathVariable long id, @RequestBody Staffing.TrainingRequest request, Authentication authentication) {
		access.requireActFor(authentication, staffing.siteOf(id));
		staffing.addTraining(id, request);
	}

	@GetMapping(path = { "/api/reports/{period}.csv", "/reports/{period}.csv" }, produces = "text/csv")
	@CentralOrAuditor
	@Operation(summary = "The monthly, quarterly or annual report as CSV, one line per township and the county",
			description = "Also at /reports/{period}.csv for the signed-in page.")
	ResponseEntity<String> csv(@PathVariable String period, Authentication authentication) {
		ReportPeriod p = ReportPeriod.parse(period);
		audit.record(authentication, Audit.EXPORTED, Map.of("what", "report", "period", p.code()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=branchlink-" + p.code().toLowerCase(Locale.ROOT) + ".csv")
			.body(ReportCsv.of(metrics.report(p.from(), p.to())));
	}

}
