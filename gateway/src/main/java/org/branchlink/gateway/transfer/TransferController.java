package org.branchlink.gateway.transfer;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.SiteAccess;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stock transfers: the source creates and ships, central staff approve, the destination receives. */
@RestController
@Tag(name = "Transfers")
class TransferController {

	private final StockTransfers transfers;

	private final SiteAccess access;

	TransferController(StockTransfers transfers, SiteAccess access) {
		this.transfers = transfers;
		this.access = access;
	}

	/**
	 * @param fromSite the source site
	 * @param toSite the destination site
	 * @param barcodes the copies scanned into the transfer
	 */
	record NewTransfer(String fromSite, String toSite, List<String> barcodes) {
	}

	/** @param barcodes the copies scanned on arrival */
	record Arrival(List<String> barcodes) {
	}

	@PostMapping("/api/transfers")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Scan copies into a transfer to another site",
			description = "Scope: the source site. Copies not on the source's shelf are listed with the reason and "
					+ "left out. Needs central approval when it leaves its township (policy).")
	StockTransfers.Outcome create(@RequestBody NewTransfer request, Authentication authentication) {
		access.requireActForKnownSite(authentication, request.fromSite());
		return transfers.create(authentication.getName(), request.fromSite(), request.toSite(),
				request.barcodes() == null ? List.of() : request.barcodes());
	}

	@PostMapping("/api/transfers/{id}/approve")
	@CentralAdminOnly
	@Operation(summary = "Approve a transfer")
	StockTransfers.TransferView approve(@PathVariable long id, Authentication authentication) {
		return transfers.approve(id, authentication.getName());
	}

	@PostMapping("/api/transfers/{id}/ship")
	@LibrarianOrCentral
	@Operation(summary = "Ship: every copy goes in transit", description = "Scope: the source site.")
	StockTransfers.TransferView ship(@PathVariable long id, Authentication authentication) {
		access.requireActFor(authentication, transfers.view(id).fromSite());
		return transfers.ship(id, authentication.getName());
	}

	@PostMapping("/api/transfers/{id}/receive")
	@LibrarianOrCentral
	@Operation(summary = "Receive: scan what arrived; missing and extra copies are recorded",
			description = "Scope: the destination site.")
	StockTransfers.TransferView receive(@PathVariable long id, @RequestBody Arrival arrival, Authentication authentication) {
		access.requireActFor(authentication, transfers.view(id).toSite());
		return transfers.receive(id, authentication.getName(), arrival.barcodes() == null ? List.of() : arrival.barcodes());
	}

	@GetMapping("/api/transfers/overdue")
	@CentralAdminOnly
	@Operation(summary = "Transit dashboard: transfers shipped and not received in time")
	List<StockTransfers.TransferView> overdue() {
		return transfers.overdue();
	}

	@GetMapping("/api/transfers/{id}")
	@LibrarianOrCentral
	@Operation(summary = "A transfer with its counts", description = "Scope: either site.")
	StockTransfers.TransferView view(@PathVariable long id, Authentication authentication) {
		StockTransfers.TransferView transfer = transfers.view(id);
		if (!access.mayActFor(authentication, transfer.fromSite())) {
			access.requireActFor(authentication, transfer.toSite());
		}
		return transfer;
	}

}
