package org.branchlink.gateway.population;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.web.PageMessages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The villages and communities with their residents, and the figures against the population. */
@RestController
@Tag(name = "Population and coverage")
class PopulationController {

	private final Villages villages;

	private final PopulationFigures figures;

	private final PageMessages messages;

	PopulationController(Villages villages, PopulationFigures figures, PageMessages messages) {
		this.villages = villages;
		this.figures = figures;
		this.messages = messages;
	}

	@PutMapping(path = "/api/population/villages", consumes = "multipart/form-data")
	@CentralAdminOnly
	@Operation(summary = "Replace the list of villages and communities with their residents (CSV or XLSX, part file)",
			description = "Columns area_code/区划代码, name/名称, residents/常住人口, served_by/服务中心 (optional). Taken whole "
					+ "or refused whole: 400 with problems, each with its line; the list in force stays.")
	ResponseEntity<?> replace(@RequestPart("file") MultipartFile file, Authentication authentication) throws IOException {
		try {
			return ResponseEntity.ok(villages.replace(file.getOriginalFilename(), file.getBytes(), authentication.getName()));
		}
		catch (Villages.RefusedFile refused) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.refusal(refused));
			problem.setProperty("code", refused.code());
			problem.setProperty("problems", refused.problems().stream().map(p -> new Problem(p.line(), p.kind(), p.value(),
					PopulationPageController.word(messages, p))).toList());
			return ResponseEntity.badRequest().body(problem);
		}
	}

	/** A problem of a refused file, worded. */
	record Problem(int line, String kind, String value, String text) {
	}

	@GetMapping("/api/population/villages")
	@CentralAdminOnly
	@Operation(summary = "The villages and communities with their residents and the centre serving each")
	List<Villages.Village> all() {
		return villages.all();
	}

	@GetMapping("/api/population/figures")
	@CentralOrAuditor
	@Operation(summary = "Coverage, reach, participation per 1,000 residents and copies per head by township, with the "
			+ "townships' spread (标准化均等化)")
	PopulationFigures.Figures figures(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return figures.of(from, to);
	}

}
