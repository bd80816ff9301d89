package org.branchlink.gateway.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Volunteers: registration, search by skill, assignment to events, hours and their confirmation. */
@RestController
@Tag(name = "Volunteers")
class VolunteerController {

	private final Volunteers volunteers;

	private final SiteAccess access;

	VolunteerController(Volunteers volunteers, SiteAccess access) {
		this.volunteers = volunteers;
		this.access = access;
	}

	@PostMapping("/api/volunteers")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a volunteer (under 18: guardian's name and consent)",
			description = "Scope: the home site.")
	Volunteers.Volunteer register(@RequestBody Volunteers.Registration registration, Authentication authentication) {
		access.requireActForKnownSite(authentication, String.valueOf(registration.homeSite()));
		return volunteers.register(registration, authentication.getName());
	}

	@GetMapping("/api/volunteers")
	@LibrarianOrCentral
	@Operation(summary = "Volunteers (with a skill: skill=…), with confirmed and pending hours",
			description = "Scope: volunteers whose home site the caller acts for.")
	List<Volunteers.Volunteer> find(@RequestParam(required = false) String skill, Authentication authentication) {
		return volunteers.find(skill, access.sitesFor(authentication));
	}

	/** A volunteer assigned to an event, in a role. */
	record Assignment(long eventId, String role) {
	}

	@PostMapping("/api/volunteers/{id}/assignments")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assign a volunteer to an event", description = "Scope: the event's site.")
	void assign(@PathVariable long id, @RequestBody Assignment assignment, Authentication authentication) {
		access.requireActFor(authentication, volunteers.eventSite(assignment.eventId()));
		volunteers.assign(id, assignment.eventId(), assignment.role(), authentication.getName());
	}

	/** Hours of service to log. */
	record Hours(String siteId, Long eventId, LocalDate day, BigDecimal hours, String note) {
	}

	@PostMapping("/api/volunteers/{id}/hours")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log hours of service (they count once confirmed)", description = "Scope: the site served "
			+ "(the event's site when eventId is given).")
	long log(@PathVariable long id, @RequestBody Hours hours, Authentication authentication) {
		String served = hours.eventId() == null ? String.valueOf(hours.siteId()) : volunteers.eventSite(hours.eventId());
		access.requireActForKnownSite(authentication, served);
		return volunteers.logHours(id, hours.siteId(), hours.eventId(), hours.day(), hours.hours(), hours.note(),
				authentication.getName());
	}

	@PostMapping("/api/volunteer-hours/{id}/confirm")
	@LibrarianOrCentral
	@Operation(summary = "Confirm logged hours (someone other than who logged them)",
			description = "Scope: the site served.")
	Volunteers.HoursLine confirm(@PathVariable long id, Authentication authentication) {
		access.requireActFor(authentication, volunteers.line(id).siteId());
		return volunteers.confirm(id, authentication.getName());
	}

}
