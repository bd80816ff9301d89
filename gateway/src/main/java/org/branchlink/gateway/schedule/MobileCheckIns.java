package org.branchlink.gateway.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.branchlink.gateway.metrics.SiteVisits;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits made (issue 20, point 6): a unit's crew checks in at each stop with how many people came, or records why a
 * stop was missed; the people served count as the stop's visits of the day (source {@code mobile}), and the service
 * figures count the visits made rather than those planned.
 */
@Service
public class MobileCheckIns {

	private final MobilePlanStore store;

	private final SiteVisits visits;

	private final Clock clock;

	private final ZoneId zone;

	MobileCheckIns(MobilePlanStore store, SiteVisits visits, Clock clock, CountySettings county) {
		this.store = store;
		this.visits = visits;
		this.clock = clock;
		this.zone = county.zone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** A unit's stops of a day, in order, with what came of each. */
	public List<StopVisit> day(String unitId, LocalDate day) {
		return store.stopVisits(unitId, day);
	}

	/** Every unit's stops between two days. */
	public List<StopVisit> between(LocalDate from, LocalDate to) {
		return store.stopVisits(from, to);
	}

	/** The unit a stop belongs to (for the caller's access check). */
	public StopVisit visit(long visitId) {
		return store.stopVisit(visitId).orElseThrow(() -> new NotFoundException("mobile stop", String.valueOf(visitId)));
	}

	/** The crew checks in now. */
	@Transactional
	public StopVisit checkIn(long visitId, int people, String by) {
		return checkIn(visitId, people, clock.instant(), by);
	}

	/** The crew checks in, at the time given (recorded afterwards, when the stop had no signal). */
	@Transactional
	public StopVisit checkIn(long visitId, int people, Instant at, String by) {
		StopVisit made = locked(visitId).checkIn(people, at.isAfter(clock.instant()) ? clock.instant() : at, zone);
		store.saveOutcome(made, by);
		countPeople(made);
		return visit(visitId);
	}

	@Transactional
	public StopVisit missed(long visitId, String reason, String by) {
		TextLimits.require("reason", reason, TextLimits.MESSAGE);
		StopVisit missed = locked(visitId).miss(reason, today());
		store.saveOutcome(missed, by);
		return visit(visitId);
	}

	private StopVisit locked(long visitId) {
		return store.lockStopVisit(visitId).orElseThrow(() -> new NotFoundException("mobile stop", String.valueOf(visitId)));
	}

	private void countPeople(StopVisit visit) {
		// two crews at one site on one day: their sums are taken one after the other
		store.lockSiteDay(visit.siteId(), visit.day());
		visits.record(visit.siteId(), List.of(new SiteVisits.Count(visit.day(), store.peopleServed(visit.siteId(), visit.day()),
				"mobile")));
	}

}
