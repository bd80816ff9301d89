package org.branchlink.gateway.reader;

import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reader's e-card: the card number as a Code 128 barcode to show at the desk or a self-check kiosk instead of the
 * plastic card. The barcode is its own image at a fixed address, drawn for the signed-in reader: the card number never
 * travels in a URL.
 */
@Controller
class ReaderCardPageController {

	private final ReaderRegistry readers;

	ReaderCardPageController(ReaderRegistry readers) {
		this.readers = readers;
	}

	@GetMapping("/my/card")
	@ReaderOnly
	String card(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		model.addAttribute("user", user);
		readers.byUsername(user.getUsername()).ifPresent(reader -> model.addAttribute("reader", reader));
		return "card";
	}

	@GetMapping(path = "/my/card/barcode.svg", produces = "image/svg+xml")
	@ReaderOnly
	ResponseEntity<String> barcode(@AuthenticationPrincipal BranchLinkUser user) {
		return readers.byUsername(user.getUsername())
			.map(reader -> ResponseEntity.ok()
				.contentType(MediaType.valueOf("image/svg+xml"))
				.cacheControl(CacheControl.noStore())
				.body(Code128.svg(reader.cardNumber(), 50)))
			.orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

}
