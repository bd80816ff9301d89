package org.branchlink.gateway.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.calendar.WorkingCalendar;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.transfer.MobileCarrier;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mobile services' plans: generated per period from the registry's units and stops, stored, published as events
 * {@code publishDays} ahead (so a reader searching for their village finds when the bookmobile comes), and re-planned
 * when a unit breaks down: only the broken unit's runs move, to free days of other units or of the unit once
 * repaired; every other stop, published or not, stays as it was.
 */
@Service
public class MobileSchedule implements MobileCarrier {

	private static final Logger log = LoggerFactory.getLogger(MobileSchedule.class);

	/**
	 * A plan's figures: its service, and how many of its stops are priority stops (served first, and more often where
	 * the service's weight says so; as the lists stand now).
	 */
	public record PlanSummary(long id, LocalDate from, LocalDate to, int stops, int units, int visitsPerStop,
			double coverage, long maxGapDays, int maxGapBound, double distanceKm, double lowerBoundKm, double ratio,
			int runs, int wallMs, int uncovered, MobileService service, int priorityStops) {
	}

	/** What a breakdown changed. */
	public record BreakdownResult(String unitId, LocalDate from, LocalDate to, int moved, int dropped,
			List<String> movedRuns, List<String> droppedRuns) {
	}

	private final MobilePlanStore store;

	private final SiteDirectory sites;

	private final ScheduleProperties properties;

	private final WorkingCalendar calendar;

	private final EventCatalog events;

	private final Clock clock;

	private final ZoneId zone;

	private final Audit audit;

	private final List<PriorityStops> priorityStops;

	MobileSchedule(MobilePlanStore store, SiteDirectory sites, ScheduleProperties properties, WorkingCalendar calendar,
			EventCatalog events, Clock clock, CountySettings county, Audit audit, List<PriorityStops> priorityStops) {
		this.audit = audit;
		this.priorityStops = List.copyOf(priorityStops);
		this.store = store;
		this.sites = sites;
		this.properties = properties;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
		this.zone = county.zone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private MobilePlanner planner() {
		return new MobilePlanner(calendar, properties.detourFactor(), properties.searchIterations());
	}

	/** The services some unit of the registry brings, in their order. */
	public List<MobileService> services() {
		return sites.current().map(registry -> Arrays.stream(MobileService.values())
			.filter(service -> !MobileFleet.units(registry, properties, service).isEmpty())
			.toList()).orElse(List.of());
	}

	/** The priority stops: the centres of remote and poor villages, and those configured. */
	Set<String> priorityStops() {
		Set<String> all = new HashSet<>(properties.priorityStops());
		priorityStops.forEach(source -> all.addAll(source.siteIds()));
		return all;
	}

	/**
	 * What a service's units owe the stops in a period: each stop its visits ({@link VisitFrequency}; a stop whose turn
	 * it is not is left out); for a stored plan ({@code onlyStops}), its stops as they are.
	 */
	private MobilePlanner.Request request(MobileService service, LocalDate from, LocalDate to, List<String> onlyStops) {
		SiteRegistry registry = sites.require();
		List<ServiceStop> stops = MobileFleet.stops(registry, properties);
		List<MobileUnit> units = MobileFleet.units(registry, properties, service);
		if (units.isEmpty()) {
			throw new InvalidRequestException("plan-no-unit", service.code());
		}
		long months = Math.max(1, Math.round((to.toEpochDay() - from.toEpochDay() + 1) / 30.4));
		VisitFrequency frequency = new VisitFrequency(properties.serviceSettings(service));
		int usual = frequency.usual(months);
		if (onlyStops != null) {
			Set<String> wanted = Set.copyOf(onlyStops);
			stops = stops.stream().filter(stop -> wanted.contains(stop.siteId())).toList();
			return new MobilePlanner.Request(from, to, units, stops, usual, properties.maxGapDays());
		}
		Set<String> priority = priorityStops();
		Map<String, Integer> visits = new HashMap<>();
		List<ServiceStop> due = new ArrayList<>();
		for (ServiceStop stop : stops) {
			int owed = frequency.visits(stop.siteId(), priority.contains(stop.siteId()), from, months);
			if (owed > 0) {
				due.add(stop);
				visits.put(stop.siteId(), owed);
			}
		}
		Set<String> duePriority = priority.stream().filter(visits::containsKey).collect(Collectors.toSet());
		return new MobilePlanner.Request(from, to, units, due, usual, properties.maxGapDays(), visits, duePriority);
	}

	/**
	 * Plans a period for the units of a service; refused while another active plan of the service covers any of its
	 * days, or when no unit brings the service.
	 */
	@Transactional
	public PlanSummary generate(LocalDate from, LocalDate to, MobileService service) {
		if (store.active(from, to).stream().anyMatch(head -> head.service().equals(service.code()))) {
			throw new ConflictException("plan-overlap", from.toString(), to.toString());
		}
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			if (!calendar.isConfigured(year)) {
				log.warn("The working calendar has no holidays for {}: planning with weekends only "
						+ "(add branchlink.calendar.years.{})", year, year);
			}
		}
		MobilePlanner.Request request = request(service, from, to, null);
		long started = System.nanoTime();
		MobilePlan plan = planner().plan(request);
		int wallMs = (int) ((System.nanoTime() - started) / 1_000_000);
		long id = store.save(service, plan, wallMs);
		PlanSummary summary = summary(id, plan, request.units().size(), wallMs, service);
		log.info("Mobile plan {} ({}) for {}..{}: {} stops ({} priority), {} units, coverage {} %, longest gap {} days, {} km "
				+ "({}× the lower bound), {} ms", id, service.code(), from, to, summary.stops(), summary.priorityStops(),
				summary.units(), Math.round(summary.coverage() * 1000) / 10.0, summary.maxGapDays(),
				Math.round(summary.distanceKm()), summary.ratio(), wallMs);
		return summary;
	}

	/**
	 * The plans of the next period (Quartz, monthly), one per service some unit brings: for each, when its active plans
	 * do not yet cover next month to its end, a plan from the first day they leave uncovered (the first of next month
	 * at the earliest) for {@code periodMonths} months; nothing otherwise, so the job may fire again without harm.
	 */
	@Transactional
	public List<PlanSummary> generateNext() {
		LocalDate firstNext = today().withDayOfMonth(1).plusMonths(1);
		LocalDate endNext = firstNext.plusMonths(1).minusDays(1);
		List<PlanSummary> made = new ArrayList<>();
		for (MobileService service : services()) {
			LocalDate from = firstNext;
			for (MobilePlanStore.PlanHead head : store.active(firstNext, endNext)) {
				if (head.service().equals(service.code()) && !head.periodTo().isBefore(from) && !head.periodFrom().isAfter(from)) {
					from = head.periodTo().plusDays(1);
				}
			}
			if (!from.isAfter(endNext)) {
				made.add(generate(from, from.plusMonths(properties.periodMonths()).minusDays(1), service));
			}
		}
		return made;
	}

	@Override
	public Optional<Ride> nextVisit(String siteId, LocalDate after, LocalDate until) {
		return store.nextVisit(siteId, after, until).map(visit -> new Ride(visit.unitId(), visit.day()));
	}

	/** Whether an active plan covers a day. */
	public boolean planned(LocalDate day) {
		return !store.active(day, day).isEmpty();
	}

	/** Whether an active plan of a service covers a day. */
	public boolean planned(LocalDate day, MobileService service) {
		return store.active(day, day).stream().anyMatch(head -> head.service().equals(service.code()));
	}

	public PlanSummary summary(long planId) {
		MobilePlanStore.PlanHead head = store.head(planId).orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
		MobilePlan plan = store.plan(head, store.stopsOf(planId));
		int units = (int) plan.runs().stream().map(MobilePlan.DayRun::unitId).distinct().count();
		return summary(planId, plan, units, head.wallMs(), MobileService.of(head.service()));
	}

	MobilePlan plan(long planId) {
		MobilePlanStore.PlanHead head = store.head(planId).orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
		return store.plan(head, store.stopsOf(planId));
	}

	/** A plan's planned visits, by day, unit and order. */
	List<MobilePlanStore.Visit> visits(long planId) {
		return store.visits(planId);
	}

	public List<PlanSummary> plans() {
		return store.active().stream()
			.map(head -> summary(head.id()))
			.toList();
	}

	private PlanSummary summary(long id, MobilePlan plan, int units, int wallMs, MobileService service) {
		double ratio = plan.lowerBoundKm() > 0 ? Math.round(plan.distanceKm() / plan.lowerBoundKm() * 1000) / 1000.0 : 0;
		Set<String> priorityNow = priorityStops();
		int priority = (int) plan.stops().stream().filter(priorityNow::contains).count();
		return new PlanSummary(id, plan.from(), plan.to(), plan.stops().size(), units, plan.visitsPerStop(),
				plan.coverage(), plan.maxGapDays(), plan.maxGapBound(), Math.round(plan.distanceKm() * 10) / 10.0,
				Math.round(plan.lowerBoundKm() * 10) / 10.0, ratio, plan.runs().size(), wallMs, plan.uncovered().size(),
				service, priority);
	}

	/** Publishes as events the planned stops of the coming {@code publishDays} not yet published; returns how many. */
	@Transactional
	public int publishUpcoming() {
		LocalDate today = today();
		List<MobilePlanStore.Visit> visits = store.unpublished(today, today.plusDays(properties.publishDays()));
		for (MobilePlanStore.Visit visit : visits) {
			publish(visit);
		}
		if (!visits.isEmpty()) {
			log.info("Published {} mobile stops up to {}", visits.size(), today.plusDays(properties.publishDays()));
		}
		return visits.size();
	}

	private void publish(MobilePlanStore.Visit visit) {
		SiteRegistry registry = sites.require();
		Optional<Site> unit = registry.find(visit.unitId());
		String unitName = unit.map(site -> site.name().zh()).orElse(visit.unitId());
		String stopName = registry.find(visit.siteId()).map(site -> site.name().zh()).orElse(visit.siteId());
		MobileService service = unit.map(site -> MobileFleet.service(site, properties)).orElse(MobileService.BOOKS);
		CulturalEvent event = new CulturalEvent(null, CulturalEvent.Source.MOBILE, visit.unitId(), "visit-" + visit.id(),
				"", 0, CulturalEvent.Kind.MOBILE_STOP, service.category(), service.title(unitName, stopName),
				service.description(unitName, stopName),
				visit.siteId(), "", visit.day().atTime(visit.arrive()).atZone(zone).toInstant(),
				visit.day().atTime(visit.depart()).atZone(zone).toInstant(), null, Set.of(), false, null, false);
		store.published(visit.id(), events.publish(event).event().id());
	}

	/**
	 * A unit is out of service from {@code from} to {@code to}: its runs on those days (after today) move where the
	 * planner finds room, published ones are re-announced (the old stop event is cancelled, the new one published
	 * when it falls inside the publication window), and nothing else moves.
	 */
	@Transactional
	public BreakdownResult breakdown(String unitId, LocalDate from, LocalDate to, String reason) {
		SiteRegistry registry = sites.require();
		Site unit = registry.find(unitId).orElseThrow(() -> new NotFoundException("mobile unit", unitId));
		if (unit.kind().level() != SiteLevel.MOBILE) {
			throw new IllegalArgumentException(unitId + " is not a mobile unit");
		}
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the breakdown ends (" + to + ") before it starts (" + from + ")");
		}
		store.outage(unitId, from, to, reason == null ? "" : reason);
		LocalDate today = today();
		List<String> moved = new ArrayList<>(), dropped = new ArrayList<>();
		MobileService service = MobileFleet.service(unit, properties);
		for (MobilePlanStore.PlanHead head : store.active(from, to)) {
			if (!head.service().equals(service.code())) {
				continue;
			}
			store.lockActive(head.id());
			List<String> stops = store.stopsOf(head.id());
			MobilePlan plan = store.plan(head, stops);
			MobilePlanner.Request request = request(service, head.periodFrom(), head.periodTo(), stops);
			MobilePlanner.Replan replan = planner().afterBreakdown(plan, request, unitId, from, to, today);
			Map<String, List<MobilePlanStore.Visit>> visits = store.visits(head.id()).stream()
				.collect(Collectors.groupingBy(v -> v.unitId() + "@" + v.day()));
			for (MobilePlan.DayRun[] move : replan.moved()) {
				withdraw(visits.get(move[0].unitId() + "@" + move[0].day()));
				store.insert(head.id(), move[1], move[0].day());
				moved.add(move[0].day() + " → " + move[1].unitId() + " " + move[1].day());
			}
			for (MobilePlan.DayRun lost : replan.dropped()) {
				withdraw(visits.get(lost.unitId() + "@" + lost.day()));
				dropped.add(lost.day() + " " + String.join(",", lost.siteIds()));
			}
		}
		publishUpcoming();
		log.info("Unit {} out of service {}..{}: {} runs moved, {} dropped", unitId, from, to, moved.size(), dropped.size());
		return new BreakdownResult(unitId, from, to, moved.size(), dropped.size(), moved, dropped);
	}

	/**
	 * A stop moved by hand (see {@link HandMove}).
	 *
	 * @param siteId the stop
	 * @param unitId the unit that now calls there
	 * @param day the day it calls
	 * @param position its place in that day's run, from 1
	 * @param arrive when the unit arrives, re-timed
	 * @param longestGap the stop's longest gap in days now
	 * @param maxGapBound the plan's bound on it
	 */
	public record StopMoved(String siteId, String unitId, LocalDate day, int position, LocalTime arrive, long longestGap,
			int maxGapBound) {
	}

	/**
	 * Moves a planned visit by hand to the {@code position}-th place (from 1) of a unit's run on a day, re-times both
	 * runs, re-announces their published stops and records who did it in the audit log. Refused with a code
	 * ({@code plan-move-…}) when the plan or the visit is no longer current (another person changed the run since the
	 * page was read) or the move breaks a rule of the plan.
	 */
	@Transactional
	public StopMoved moveStop(long planId, long visitId, String toUnit, LocalDate toDay, int position, String principal) {
		if (!store.lockActive(planId)) {
			throw new ConflictException(HandMove.Refusal.STALE.code());
		}
		MobilePlanStore.Visit visit = store.plannedVisit(planId, visitId)
			.orElseThrow(() -> new ConflictException(HandMove.Refusal.STALE.code()));
		MobilePlanStore.PlanHead head = store.head(planId).orElseThrow();
		List<String> stops = store.stopsOf(planId);
		MobilePlan plan = store.plan(head, stops);
		int index = plan.runs().stream().filter(run -> run.is(visit.unitId(), visit.day())).findFirst()
			.map(run -> run.siteIds().indexOf(visit.siteId())).orElse(-1);
		HandMove.Result result;
		try {
			result = new HandMove(planner(), request(MobileService.of(head.service()), head.periodFrom(), head.periodTo(), stops))
				.move(plan, visit.unitId(), visit.day(), index, toUnit, toDay, position, today());
		}
		catch (HandMove.Refused refused) {
			throw new ConflictException(refused.reason().code(), refused.args());
		}
		replaceRuns(planId, result, visit, toUnit, toDay);
		publishUpcoming();
		audit.record(principal, Audit.STOP_MOVED, Map.of("plan", planId, "site", visit.siteId(), "from",
				visit.unitId() + "@" + visit.day(), "to", toUnit + "@" + toDay, "position", position));
		log.info("Plan {}: {} moved by hand from {} {} to {} {} at {}", planId, visit.siteId(), visit.unitId(), visit.day(),
				toUnit, toDay, position);
		return new StopMoved(visit.siteId(), toUnit, toDay, position, result.moved().arrive(), result.longestGap(),
				head.maxGapBound());
	}

	/**
	 * Withdraws the visits of the runs a hand move changed (their published stops cancelled) and stores the re-timed
	 * runs; the moved stop remembers the day it was planned for when it moves to another day.
	 */
	private void replaceRuns(long planId, HandMove.Result result, MobilePlanStore.Visit visit, String toUnit, LocalDate toDay) {
		Map<String, List<MobilePlanStore.Visit>> visits = store.visits(planId).stream()
			.collect(Collectors.groupingBy(v -> v.unitId() + "@" + v.day()));
		result.before().forEach(run -> withdraw(visits.get(run.unitId() + "@" + run.day())));
		for (MobilePlan.DayRun run : result.after()) {
			Map<String, LocalDate> movedFrom = new HashMap<>();
			visits.getOrDefault(run.unitId() + "@" + run.day(), List.of()).forEach(v -> movedFrom.put(v.siteId(), v.movedFrom()));
			if (run.is(toUnit, toDay)) {
				boolean sameDay = toDay.equals(visit.day());
				movedFrom.put(visit.siteId(), sameDay || visit.movedFrom() != null ? visit.movedFrom() : visit.day());
			}
			store.insert(planId, run, movedFrom);
		}
	}

	private void withdraw(List<MobilePlanStore.Visit> visits) {
		for (MobilePlanStore.Visit visit : visits == null ? List.<MobilePlanStore.Visit>of() : visits) {
			store.cancelVisit(visit.id());
			if (visit.eventId() != null) {
				events.cancel(visit.eventId());
			}
		}
	}

}
