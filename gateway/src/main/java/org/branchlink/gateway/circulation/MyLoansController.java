package org.branchlink.gateway.circulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.sync.circulation.IntakeReport;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in reader's own loans: list, renew, and the choice to keep a loan history. */
@RestController
@Tag(name = "My loans")
class MyLoansController {

	private final ReaderRegistry readers;

	private final CirculationQueries queries;

	private final LendingDesk desk;

	MyLoansController(ReaderRegistry readers, CirculationQueries queries, LendingDesk desk) {
		this.readers = readers;
		this.queries = queries;
		this.desk = desk;
	}

	@GetMapping("/api/me/loans")
	@ReaderOnly
	@Operation(summary = "My loans, with due dates and renewals")
	Map<String, Object> loans(Authentication authentication) {
		Reader reader = reader(authentication);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("loans", queries.openLoans(reader.cardNumber()));
		body.put("keepHistory", reader.keepHistory());
		body.put("history", reader.keepHistory() ? queries.history(reader.cardNumber()) : List.of());
		return body;
	}

	/** @param loan the loan's id from the list */
	record RenewRequest(String loan) {
	}

	@PostMapping("/api/me/loans/renew")
	@ReaderOnly
	@Operation(summary = "Renew one of my loans", description = "409 when the renewal limit is reached.")
	IntakeReport renew(@RequestBody RenewRequest request, Authentication authentication) {
		return desk.renew(reader(authentication), request.loan());
	}

	/** @param keepHistory keep my loans in my history after return */
	record HistoryChoice(Boolean keepHistory) {
	}

	@PostMapping("/api/me/history")
	@ReaderOnly
	@Operation(summary = "Choose whether my loan history is kept")
	Map<String, Object> history(@RequestBody HistoryChoice choice, Authentication authentication) {
		readers.keepHistory(reader(authentication).id(), Boolean.TRUE.equals(choice.keepHistory()));
		return Map.of("keepHistory", Boolean.TRUE.equals(choice.keepHistory()));
	}

	private Reader reader(Authentication authentication) {
		return readers.byUsername(authentication.getName())
			.orElseThrow(() -> new NotFoundException("reader card for account", authentication.getName()));
	}

}
