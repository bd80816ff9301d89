package org.branchlink.gateway.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.branchlink.gateway.security.CentralAdminOnly;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Central management of rotating collections (图书流转). */
@RestController
@Tag(name = "Rotations")
class RotationController {

	private final CollectionRotation rotations;

	RotationController(CollectionRotation rotations) {
		this.rotations = rotations;
	}

	/**
	 * @param name the rota's name
	 * @param cyclic back to the first stage after the last
	 * @param stages site and days, in order
	 */
	record NewRota(String name, Boolean cyclic, List<CollectionRotation.Stage> stages) {
	}

	/**
	 * @param barcodes the copies of the batch, on the first stage's shelves
	 * @param from the first stage's first day (default today)
	 */
	record NewBatch(List<String> barcodes, LocalDate from) {
	}

	@PostMapping("/api/rotas")
	@CentralAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a rota: stages of site + days, one-way or cyclic")
	Map<String, Object> rota(@RequestBody NewRota rota, Authentication authentication) {
		return Map.of("id", rotations.createRota(authentication.getName(), rota.name(), Boolean.TRUE.equals(rota.cyclic()),
				rota.stages()));
	}

	@PostMapping("/api/rotas/{id}/batches")
	@CentralAdminOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send a batch of copies round a rota")
	Map<String, Object> batch(@PathVariable long id, @RequestBody NewBatch batch) {
		return Map.of("id", rotations.startBatch(id, batch.barcodes() == null ? List.of() : batch.barcodes(),
				batch.from() == null ? LocalDate.now() : batch.from()));
	}

	@PostMapping("/api/rotations/advance")
	@CentralAdminOnly
	@Operation(summary = "Advance the rotas now (the daily job does it at 00:10)")
	Map<String, Object> advance() {
		return Map.of("transfers", rotations.advance(LocalDate.now()));
	}

}
