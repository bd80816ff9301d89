package org.branchlink.gateway.schedule;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mobile stops made: a unit's day, check-ins with the people served, stops missed. */
@RestController
@Tag(name = "Mobile services")
class MobileCheckInController {

	private final MobileCheckIns checkIns;

	private final SiteAccess access;

	MobileCheckInController(MobileCheckIns checkIns, SiteAccess access) {
		this.checkIns = checkIns;
		this.access = access;
	}

	@GetMapping("/api/mobile/units/{unit}/stops")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #unit)")
	@Operation(summary = "A unit's stops of a day (default today) with what came of each",
			description = "Scope: the unit.")
	List<StopVisit> day(@PathVariable String unit, @RequestParam(required = false) LocalDate day) {
		return checkIns.day(unit, day == null ? checkIns.today() : day);
	}

	/** A check-in: how many people the crew served at the stop. */
	record CheckIn(int people) {
	}

	@PostMapping("/api/mobile/stops/{id}/check-in")
	@LibrarianOrCentral
	@Operation(summary = "Check in at a stop with the people served (again: corrects the count)",
			description = "Scope: the unit. 400 before the stop's day or for a count outside 0-5,000.")
	StopVisit checkIn(@PathVariable long id, @RequestBody CheckIn checkIn, Authentication authentication) {
		access.requireActFor(authentication, checkIns.visit(id).unitId());
		return checkIns.checkIn(id, checkIn.people(), authentication.getName());
	}

	/** Why a stop did not happen. */
	record Missed(String reason) {
	}

	@PostMapping("/api/mobile/stops/{id}/missed")
	@LibrarianOrCentral
	@Operation(summary = "Record a stop as missed, with the reason", description = "Scope: the unit. 409 once checked in.")
	StopVisit missed(@PathVariable long id, @RequestBody Missed missed, Authentication authentication) {
		access.requireActFor(authentication, checkIns.visit(id).unitId());
		return checkIns.missed(id, missed.reason(), authentication.getName());
	}

}
