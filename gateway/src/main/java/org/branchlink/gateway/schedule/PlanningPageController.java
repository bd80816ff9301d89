package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.GeoPoint;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The central planning page: the plans and their figures, one plan as a timeline (unit × day) and as a map of its
 * runs, the coverage table, and the forms to plan a period and to report a breakdown.
 */
@Controller
class PlanningPageController {

	static final String[] COLOURS = { "#1b6ac9", "#c0392b", "#16a085", "#8e44ad", "#d68910", "#2c3e50" };

	private static final int WIDTH = 720, HEIGHT = 560, MARGIN = 20;

	private final MobileSchedule schedule;

	private final SiteDirectory sites;

	private final PageMessages pageMessages;

	PlanningPageController(MobileSchedule schedule, SiteDirectory sites, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.schedule = schedule;
		this.sites = sites;
	}

	/** A unit's row of the timeline: per day of the period its run (null on a free day). */
	record TimelineRow(String unitId, String colour, List<MobilePlan.DayRun> days) {
	}

	/** The map: stops (green when covered as asked), homes, and each run as a polyline in its unit's colour. */
	record MapView(int width, int height, List<Dot> stops, List<Dot> homes, List<Line> runs) {
	}

	/** A stop drawn on the plan's map. */
	record Dot(String id, String label, long x, long y, boolean ok) {
	}

	/** A unit's tour drawn on the plan's map. */
	record Line(String unitId, String colour, String points, String label) {
	}

	@GetMapping("/planning")
	@CentralAdminOnly
	String planning(@RequestParam(required = false) Long plan, @AuthenticationPrincipal BranchLinkUser user,
			Model model) {
		List<MobileSchedule.PlanSummary> plans = schedule.plans();
		model.addAttribute("user", user);
		model.addAttribute("plans", plans);
		model.addAttribute("today", schedule.today());
		model.addAttribute("units", sites.current().map(r -> r.sites().stream()
			.filter(site -> site.kind().level() == SiteLevel.MOBILE).toList()).orElse(List.of()));
		model.addAttribute("siteNames", sites.byId());
		Long chosen = plan != null ? plan : plans.stream()
			.filter(p -> !p.to().isBefore(schedule.today()))
			.map(MobileSchedule.PlanSummary::id)
			.findFirst()
			.orElse(plans.isEmpty() ? null : plans.get(0).id());
		if (chosen != null) {
			MobileSchedule.PlanSummary summary = schedule.summary(chosen);
			MobilePlan mobilePlan = schedule.plan(chosen);
			PlanView view = PlanView.of(summary, mobilePlan);
			List<LocalDate> days = new ArrayList<>();
			for (LocalDate day = summary.from(); !day.isAfter(summary.to()); day = day.plusDays(1)) {
				days.add(day);
			}
			Map<String, String> colours = colours(mobilePlan);
			model.addAttribute("view", view);
			model.addAttribute("days", days);
			model.addAttribute("timeline", timeline(mobilePlan, days, colours));
			model.addAttribute("map", map(mobilePlan, view, colours));
		}
		return "planning";
	}

	@PostMapping("/planning")
	@CentralAdminOnly
	String generate(@RequestParam LocalDate from, @RequestParam LocalDate to, RedirectAttributes redirect) {
		try {
			MobileSchedule.PlanSummary summary = schedule.generate(from, to);
			return "redirect:/planning?plan=" + summary.id();
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			return "redirect:/planning";
		}
	}

	@PostMapping("/planning/breakdown")
	@CentralAdminOnly
	String breakdown(@RequestParam String unitId, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("breakdown", schedule.breakdown(unitId, from, to, reason));
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/planning";
	}

	private static Map<String, String> colours(MobilePlan plan) {
		Map<String, String> colours = new LinkedHashMap<>();
		plan.runs().stream().map(MobilePlan.DayRun::unitId).distinct().sorted()
			.forEach(unit -> colours.put(unit, COLOURS[colours.size() % COLOURS.length]));
		return colours;
	}

	private static List<TimelineRow> timeline(MobilePlan plan, List<LocalDate> days, Map<String, String> colours) {
		List<TimelineRow> rows = new ArrayList<>();
		colours.forEach((unit, colour) -> {
			Map<LocalDate, MobilePlan.DayRun> byDay = new HashMap<>();
			plan.runs().stream().filter(run -> run.unitId().equals(unit)).forEach(run -> byDay.put(run.day(), run));
			rows.add(new TimelineRow(unit, colour, days.stream().map(byDay::get).toList()));
		});
		return rows;
	}

	private MapView map(MobilePlan plan, PlanView view, Map<String, String> colours) {
		Map<String, Site> byId = sites.byId();
		List<GeoPoint> all = new ArrayList<>();
		plan.stops().stream().map(byId::get).filter(Objects::nonNull).forEach(site -> all.add(site.location()));
		if (all.isEmpty()) {
			return new MapView(WIDTH, HEIGHT, List.of(), List.of(), List.of());
		}
		double minLat = all.stream().mapToDouble(GeoPoint::lat).min().orElseThrow() - 0.02;
		double maxLat = all.stream().mapToDouble(GeoPoint::lat).max().orElseThrow() + 0.02;
		double minLon = all.stream().mapToDouble(GeoPoint::lon).min().orElseThrow() - 0.02;
		double maxLon = all.stream().mapToDouble(GeoPoint::lon).max().orElseThrow() + 0.02;
		Function<GeoPoint, long[]> xy = point -> new long[] {
				Math.round(MARGIN + (point.lon() - minLon) / (maxLon - minLon) * (WIDTH - 2 * MARGIN)),
				Math.round(MARGIN + (maxLat - point.lat()) / (maxLat - minLat) * (HEIGHT - 2 * MARGIN)) };
		Map<String, Boolean> ok = new HashMap<>();
		view.coverage().forEach(row -> ok.put(row.siteId(), row.ok()));
		List<Dot> stops = new ArrayList<>();
		for (String id : plan.stops()) {
			Site site = byId.get(id);
			if (site != null) {
				long[] p = xy.apply(site.location());
				stops.add(new Dot(id, site.name().zh(), p[0], p[1], ok.getOrDefault(id, false)));
			}
		}
		List<Dot> homes = new ArrayList<>();
		Map<String, long[]> homeOf = new HashMap<>();
		for (String unit : colours.keySet()) {
			Site unitSite = byId.get(unit);
			Site home = unitSite == null ? null : unitSite.parent().map(byId::get).orElse(unitSite);
			if (home != null) {
				long[] p = xy.apply(home.location());
				homeOf.put(unit, p);
				homes.add(new Dot(home.id(), home.name().zh(), p[0], p[1], true));
			}
		}
		List<Line> runs = new ArrayList<>();
		Set<String> drawn = new HashSet<>();
		for (MobilePlan.DayRun run : plan.runs()) {
			if (!drawn.add(run.unitId() + "#" + run.run()) || !homeOf.containsKey(run.unitId())) {
				continue;
			}
			StringBuilder points = new StringBuilder();
			long[] home = homeOf.get(run.unitId());
			points.append(home[0]).append(',').append(home[1]);
			for (String stop : run.siteIds()) {
				Site site = byId.get(stop);
				if (site != null) {
					long[] p = xy.apply(site.location());
					points.append(' ').append(p[0]).append(',').append(p[1]);
				}
			}
			points.append(' ').append(home[0]).append(',').append(home[1]);
			runs.add(new Line(run.unitId(), colours.get(run.unitId()), points.toString(),
					run.unitId() + " #" + run.run() + ": " + Math.round(run.km()) + " km"));
		}
		return new MapView(WIDTH, HEIGHT, stops, homes, runs);
	}

}
