package org.branchlink.gateway.reader;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reader registration at a desk. Answers the new card number; no personal data goes into URLs or logs. */
@RestController
@Tag(name = "Readers")
class ReaderController {

	private final ReaderRegistry readers;

	private final SiteAccess access;

	ReaderController(ReaderRegistry readers, SiteAccess access) {
		this.readers = readers;
		this.access = access;
	}

	@PostMapping("/api/readers")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a reader: one card for the whole county",
			description = "Scope: the home site. The card number is a surrogate; an ID number, when given, is checked "
					+ "and kept only as a keyed hash (409 when the person already has a card). Under 14: guardian name "
					+ "and consent are required, and the reader is marked as sensitive personal information (PIPL Art. "
					+ "28).")
	Map<String, Object> register(@RequestBody ReaderRegistry.Registration registration, Authentication authentication) {
		access.requireActFor(authentication, registration.homeSite());
		Reader reader = readers.register(registration);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("cardNumber", reader.cardNumber());
		body.put("category", reader.category());
		body.put("homeSite", reader.homeSite());
		body.put("sensitive", reader.isSensitive(readers.today()));
		body.put("keepHistory", reader.keepHistory());
		return body;
	}

}
