package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.CentralAdminOnly;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mobile-service planning for central staff. */
@RestController
@Tag(name = "Mobile services")
class ScheduleController {

	private final MobileSchedule schedule;

	ScheduleController(MobileSchedule schedule) {
		this.schedule = schedule;
	}

	@GetMapping("/api/mobile/plans")
	@CentralAdminOnly
	@Operation(summary = "Active plans with coverage, longest gap, distance and its ratio to the lower bound")
	List<MobileSchedule.PlanSummary> plans() {
		return schedule.plans();
	}

	/** The days to plan a service's units for: {@code books} (the default), {@code performance} or {@code film}. */
	record PlanRequest(LocalDate from, LocalDate to, String service) {
	}

	@PostMapping("/api/mobile/plans")
	@CentralAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a period for the units of one service (books, performance, film) and the stops it owes",
			description = "Each stop gets the service's visits per year for the period, priority stops (remote and poor "
					+ "villages' centres) its priority weight more; 409 when an active plan of the service covers part "
					+ "of the period, 400 when no unit brings the service.")
	MobileSchedule.PlanSummary generate(@RequestBody PlanRequest request) {
		if (request.from() == null || request.to() == null) {
			throw new IllegalArgumentException("a plan needs from and to (yyyy-mm-dd)");
		}
		return schedule.generate(request.from(), request.to(),
				request.service() == null ? MobileService.BOOKS : MobileService.of(request.service()));
	}

	@GetMapping("/api/mobile/plans/{id}")
	@CentralAdminOnly
	@Operation(summary = "One plan: runs by day, coverage by stop")
	PlanView plan(@PathVariable long id) {
		return PlanView.of(schedule.summary(id), schedule.plan(id), schedule.priorityStops());
	}

	/** A unit out of service over these days, and why. */
	record Breakdown(LocalDate from, LocalDate to, String reason) {
	}

	@PostMapping("/api/mobile/units/{unitId}/breakdowns")
	@CentralAdminOnly
	@Operation(summary = "A unit is out of service: its runs move to free days, nothing else moves")
	MobileSchedule.BreakdownResult breakdown(@PathVariable String unitId, @RequestBody Breakdown breakdown) {
		if (breakdown.from() == null) {
			throw new IllegalArgumentException("a breakdown needs from (yyyy-mm-dd)");
		}
		return schedule.breakdown(unitId, breakdown.from(), breakdown.to() == null ? breakdown.from() : breakdown.to(),
				breakdown.reason());
	}

	/** Where a stop moves: the unit and day of the target run, and its place in it from 1. */
	record StopMove(String unitId, LocalDate day, int position) {
	}

	@PostMapping("/api/mobile/plans/{id}/visits/{visitId}/move")
	@CentralAdminOnly
	@Operation(summary = "Move a planned stop by hand to a place in a run (its own or another unit's or day's)",
			description = "Both runs are re-timed and re-announced; audited. 409 with a code (plan-move-…) when the move "
					+ "breaks a rule of the plan or the visit is no longer planned.")
	MobileSchedule.StopMoved move(@PathVariable long id, @PathVariable long visitId, @RequestBody StopMove move,
			Authentication authentication) {
		if (move.unitId() == null || move.day() == null) {
			throw new IllegalArgumentException("a move needs unitId, day (yyyy-mm-dd) and position");
		}
		return schedule.moveStop(id, visitId, move.unitId(), move.day(), move.position(), authentication.getName());
	}

	@PostMapping("/api/mobile/publish")
	@CentralAdminOnly
	@Operation(summary = "Publish the coming stops as events now (the nightly job does it too)")
	int publish() {
		return schedule.publishUpcoming();
	}

}
