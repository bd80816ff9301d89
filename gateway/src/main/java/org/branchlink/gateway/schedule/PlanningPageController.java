package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.gateway.web.SiteLabels;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The central planning page: the plans and their figures, one plan as a timeline (unit × day) and as a map of its
 * runs, the coverage table, and the forms to plan a period and to report a breakdown.
 */
@Controller
class PlanningPageController {

	static final String[] COLOURS = { "#1b6ac9", "#c0392b", "#16a085", "#8e44ad", "#d68910", "#2c3e50" };

	private final MobileSchedule schedule;

	private final SiteDirectory sites;

	private final PageMessages pageMessages;

	private final SiteLabels labels;

	private final MapProperties mapProperties;

	PlanningPageController(MobileSchedule schedule, SiteDirectory sites, PageMessages pageMessages, SiteLabels labels,
			MapProperties mapProperties) {
		this.pageMessages = pageMessages;
		this.labels = labels;
		this.mapProperties = mapProperties;
		this.schedule = schedule;
		this.sites = sites;
	}

	/** A unit's row of the timeline: per day of the period its run (null on a free day). */
	record TimelineRow(String unitId, String colour, List<MobilePlan.DayRun> days) {
	}

	/** The plan on a real map (planning-map.js, Leaflet): stops, homes and runs by latitude and longitude. */
	record GeoMap(List<GeoStop> stops, List<GeoStop> homes, List<GeoRun> runs, List<GeoUnit> units) {
	}

	/** A stop or a home on the real map, named in the page's language; {@code byHand} when a visit was moved by hand. */
	record GeoStop(String name, double lat, double lon, boolean ok, boolean byHand) {
	}

	/** A run a stop may move to: {@code unitId@day}, and how the page names it. */
	record RunChoice(String value, String label) {
	}

	/** A stop of the shown run, with its visit id for the move form. */
	record StopRow(long visitId, int position, String siteId, LocalTime arrive, LocalTime depart, boolean byHand,
			LocalDate movedFrom) {
	}

	/** A unit's tour on the real map: its points in order, home to home. */
	record GeoRun(String unit, String colour, String label, List<double[]> points) {
	}

	/** A unit in the map's legend. */
	record GeoUnit(String name, String colour) {
	}

	@GetMapping("/planning/{plan}/map")
	@CentralAdminOnly
	@ResponseBody
	GeoMap geoMap(@PathVariable long plan) {
		MobileSchedule.PlanSummary summary = schedule.summary(plan);
		MobilePlan mobilePlan = schedule.plan(plan);
		PlanView view = PlanView.of(summary, mobilePlan, schedule.priorityStops());
		Map<String, String> colours = colours(mobilePlan);
		Map<String, Site> byId = sites.byId();
		Map<String, Boolean> ok = new HashMap<>();
		view.coverage().forEach(row -> ok.put(row.siteId(), row.ok()));
		Set<String> byHand = new HashSet<>();
		mobilePlan.runs().forEach(run -> run.stops().stream().filter(MobilePlan.StopTime::byHand)
			.forEach(stop -> byHand.add(stop.siteId())));
		List<GeoStop> stops = mobilePlan.stops().stream().map(byId::get).filter(Objects::nonNull)
			.map(site -> new GeoStop(labels.name(site), site.location().lat(), site.location().lon(),
					ok.getOrDefault(site.id(), false), byHand.contains(site.id())))
			.toList();
		Map<String, Site> homeOf = new LinkedHashMap<>();
		colours.keySet().forEach(unit -> {
			Site unitSite = byId.get(unit);
			Site home = unitSite == null ? null : unitSite.parent().map(byId::get).orElse(unitSite);
			if (home != null) {
				homeOf.put(unit, home);
			}
		});
		List<GeoStop> homes = homeOf.values().stream().distinct()
			.map(site -> new GeoStop(labels.name(site), site.location().lat(), site.location().lon(), true, false))
			.toList();
		List<GeoRun> runs = new ArrayList<>();
		Set<String> drawn = new HashSet<>();
		for (MobilePlan.DayRun run : mobilePlan.runs()) {
			Site home = homeOf.get(run.unitId());
			if (home == null || !drawn.add(run.unitId() + "#" + run.run())) {
				continue;
			}
			List<double[]> points = new ArrayList<>();
			points.add(new double[] { home.location().lat(), home.location().lon() });
			run.siteIds().stream().map(byId::get).filter(Objects::nonNull)
				.forEach(site -> points.add(new double[] { site.location().lat(), site.location().lon() }));
			points.add(new double[] { home.location().lat(), home.location().lon() });
			String unit = labels.name(run.unitId());
			runs.add(new GeoRun(unit, colours.get(run.unitId()), pageMessages.text("planning.map.run", unit, run.run(),
					Math.round(run.km())), points));
		}
		List<GeoUnit> units = colours.entrySet().stream()
			.map(entry -> new GeoUnit(labels.name(entry.getKey()), entry.getValue()))
			.toList();
		return new GeoMap(stops, homes, runs, units);
	}

	@GetMapping("/planning")
	@CentralAdminOnly
	String planning(@RequestParam(required = false) Long plan, @RequestParam(required = false) String run,
			@AuthenticationPrincipal BranchLinkUser user, Model model) {
		List<MobileSchedule.PlanSummary> plans = schedule.plans();
		model.addAttribute("user", user);
		model.addAttribute("plans", plans);
		model.addAttribute("today", schedule.today());
		model.addAttribute("services", schedule.services());
		model.addAttribute("units", sites.current().map(r -> r.sites().stream()
			.filter(site -> site.kind().level() == SiteLevel.MOBILE).toList()).orElse(List.of()));
		model.addAttribute("siteNames", sites.byId());
		model.addAttribute("mapTiles", mapProperties);
		// unless asked, the current bookmobile plan (the busiest), else the current plan of another service
		Long chosen = plan != null ? plan : plans.stream()
			.filter(p -> !p.to().isBefore(schedule.today()))
			.sorted(Comparator.comparing((MobileSchedule.PlanSummary p) -> p.service() != MobileService.BOOKS))
			.map(MobileSchedule.PlanSummary::id)
			.findFirst()
			.orElse(plans.isEmpty() ? null : plans.get(0).id());
		if (chosen != null) {
			MobileSchedule.PlanSummary summary = schedule.summary(chosen);
			MobilePlan mobilePlan = schedule.plan(chosen);
			PlanView view = PlanView.of(summary, mobilePlan, schedule.priorityStops());
			List<LocalDate> days = new ArrayList<>();
			for (LocalDate day = summary.from(); !day.isAfter(summary.to()); day = day.plusDays(1)) {
				days.add(day);
			}
			Map<String, String> colours = colours(mobilePlan);
			model.addAttribute("view", view);
			model.addAttribute("days", days);
			model.addAttribute("timeline", timeline(mobilePlan, days, colours));
			showRun(chosen, mobilePlan, run, model);
		}
		return "planning";
	}

	/** The run to show with its stops and move forms (the one asked for, or the first after today), and the choices. */
	private void showRun(long planId, MobilePlan plan, String asked, Model model) {
		LocalDate today = schedule.today();
		List<MobilePlan.DayRun> movable = plan.runs().stream().filter(r -> r.day().isAfter(today)).toList();
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("runChoices", movable.stream().map(r -> new RunChoice(key(r), pageMessages.text(
				"planning.move.runLabel", r.day(), r.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale),
				labels.name(r.unitId()), r.stops().size()))).toList());
		MobilePlan.DayRun shown = movable.stream().filter(r -> key(r).equals(asked)).findFirst()
			.orElse(movable.isEmpty() ? null : movable.get(0));
		if (shown == null) {
			return;
		}
		List<StopRow> rows = new ArrayList<>();
		schedule.visits(planId).stream().filter(v -> shown.is(v.unitId(), v.day()))
			.forEach(v -> rows.add(new StopRow(v.id(), rows.size() + 1, v.siteId(), v.arrive(), v.depart(), v.byHand(),
					v.movedFrom())));
		model.addAttribute("shownRun", shown);
		model.addAttribute("shownKey", key(shown));
		model.addAttribute("shownStops", rows);
	}

	private static String key(MobilePlan.DayRun run) {
		return run.unitId() + "@" + run.day();
	}

	@PostMapping("/planning/move")
	@CentralAdminOnly
	String move(@RequestParam long plan, @RequestParam long visit, @RequestParam String to, @RequestParam int position,
			@RequestParam(defaultValue = "") String back, Authentication authentication, RedirectAttributes redirect) {
		int at = to.lastIndexOf('@');
		String shown = back;
		try {
			if (at < 1) {
				throw new ConflictException(HandMove.Refusal.STALE.code());
			}
			MobileSchedule.StopMoved moved = schedule.moveStop(plan, visit, to.substring(0, at), day(to.substring(at + 1)),
					position, authentication.getName());
			String notice = pageMessages.text("planning.move.done", labels.name(moved.siteId()), moved.day(),
					labels.name(moved.unitId()), moved.position(), moved.arrive());
			if (moved.longestGap() > moved.maxGapBound()) {
				notice += " " + pageMessages.text("planning.move.gap", moved.longestGap(), moved.maxGapBound());
			}
			redirect.addFlashAttribute("moveNotice", notice);
			shown = to;
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("moveRefused", pageMessages.refusal(ex));
		}
		redirect.addAttribute("plan", plan);
		redirect.addAttribute("run", shown);
		return "redirect:/planning#run-section";
	}

	private static LocalDate day(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new ConflictException(HandMove.Refusal.STALE.code());
		}
	}

	@PostMapping("/planning")
	@CentralAdminOnly
	String generate(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "books") String service, RedirectAttributes redirect) {
		try {
			MobileSchedule.PlanSummary summary = schedule.generate(from, to, MobileService.of(service));
			redirect.addFlashAttribute("notice", pageMessages.text("planning.generated", summary.from(), summary.to()));
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
			MobileSchedule.BreakdownResult result = schedule.breakdown(unitId, from, to, reason);
			redirect.addFlashAttribute("notice", pageMessages.text("planning.breakdown.result", labels.name(unitId),
					result.moved(), result.dropped()));
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

}
