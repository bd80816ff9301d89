package org.branchlink.gateway.survey;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.Audit;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.Public;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Satisfaction surveys: create and draw (central), respond (anyone with an invitation), results and export. */
@RestController
@Tag(name = "Surveys")
class SurveyController {

	private final Surveys surveys;

	private final Audit audit;

	SurveyController(Surveys surveys, Audit audit) {
		this.surveys = surveys;
		this.audit = audit;
	}

	@PostMapping("/api/surveys")
	@CentralAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a survey and draw its sample (≥ 500 readers, stratified by township, from the seed)")
	Surveys.Drawn create(@RequestBody Surveys.SurveyRequest request, Authentication authentication) {
		return surveys.create(request, authentication.getName());
	}

	@GetMapping("/api/surveys/{id}/tokens")
	@CentralAdminOnly
	@Operation(summary = "The invitation tokens, to send out")
	List<String> tokens(@PathVariable long id) {
		return surveys.tokens(id);
	}

	/** @param token the invitation's token; @param answers by question id: 1-5 (0 don't know) or text */
	record Response(String token, Map<String, Object> answers) {
	}

	@PostMapping("/api/surveys/responses")
	@Public
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer a survey with an invitation token (once per invitation; 409 the second time)",
			description = "The invitation token is the credential.")
	void respond(@RequestBody Response response) {
		surveys.respond(response.token(), response.answers() == null ? Map.of() : response.answers());
	}

	@GetMapping("/api/surveys/{id}/results")
	@CentralOrAuditor
	@Operation(summary = "Satisfaction rate with its 95 % margin of error, overall and per township")
	Surveys.Results results(@PathVariable long id) {
		return surveys.results(id);
	}

	@GetMapping(path = { "/api/surveys/{id}/responses.csv", "/surveys/{id}/responses.csv" }, produces = "text/csv")
	@CentralAdminOnly
	@Operation(summary = "The responses as CSV (township and answers; no reader)",
			description = "Also at /surveys/{id}/responses.csv for the signed-in page.")
	ResponseEntity<String> csv(@PathVariable long id, Authentication authentication) {
		String csv = surveys.csv(id);
		audit.record(authentication, Audit.EXPORTED, Map.of("what", "survey responses", "survey", id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=branchlink-survey-" + id + ".csv")
			.body(csv);
	}

}
