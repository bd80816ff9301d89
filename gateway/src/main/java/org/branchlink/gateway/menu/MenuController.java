package org.branchlink.gateway.menu;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.CentralOrAuditor;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service menu: items, orders, scheduling, delivery, rating, order rate. */
@RestController
@Tag(name = "Service menu")
class MenuController {

	private final ServiceMenu menu;

	private final ResidentOrders residentOrders;

	private final OrderApproval approval;

	private final MenuFigures figures;

	private final SiteAccess access;

	private final ReaderRegistry readers;

	MenuController(ServiceMenu menu, ResidentOrders residentOrders, OrderApproval approval, MenuFigures figures,
			SiteAccess access, ReaderRegistry readers) {
		this.menu = menu;
		this.residentOrders = residentOrders;
		this.approval = approval;
		this.figures = figures;
		this.readers = readers;
		this.access = access;
	}

	@GetMapping("/api/menu/items")
	@Public
	@Operation(summary = "The menu, with what is left of each item this period")
	List<ServiceMenu.Item> items() {
		return menu.items();
	}

	@PostMapping("/api/menu/items")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a menu item", description = "Scope: the provider site.")
	ServiceMenu.Item publish(@RequestBody ServiceMenu.ItemRequest request, Authentication authentication) {
		access.requireActForKnownSite(authentication, String.valueOf(request.providerSite()));
		return menu.publish(request);
	}

	@PostMapping("/api/menu/orders")
	@LibrarianOrCentral
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Order an item for a day", description = "Scope: the ordering site. 409 when the item's "
			+ "quantity for the period or the site's allowance is used up.")
	ServiceMenu.Order order(@RequestBody ServiceMenu.OrderRequest request, Authentication authentication) {
		access.requireActForKnownSite(authentication, String.valueOf(request.siteId()));
		return menu.order(request);
	}

	@PostMapping("/api/menu/resident-orders")
	@ReaderOnly
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A resident orders for their village or community (点单), as a resident or for its committee",
			description = "A request awaiting central staff: holds none of the item's quantity until scheduled; the reader "
					+ "is told of the decision. 400 when too soon or not a village centre; 409 when the item is used up, "
					+ "the reader has too many requests open or ordered the item for that village this period.")
	ServiceMenu.Order orderAsResident(@RequestBody ResidentOrders.ResidentOrder request, Authentication authentication) {
		Reader reader = readers.byUsername(authentication.getName())
			.orElseThrow(() -> new NotFoundException("reader", authentication.getName()));
		return residentOrders.orderAsResident(reader.id(), request);
	}

	@GetMapping("/api/me/menu-orders")
	@ReaderOnly
	@Operation(summary = "The signed-in reader's menu orders, newest first")
	List<ServiceMenu.Order> myOrders(Authentication authentication) {
		return readers.byUsername(authentication.getName()).map(reader -> residentOrders.ordersOf(reader.id())).orElse(List.of());
	}

	@GetMapping("/api/menu/orders")
	@PreAuthorize("hasRole('CENTRAL_ADMIN') or hasRole('LIBRARIAN') and #site != null "
			+ "and @siteAccess.mayActFor(authentication, #site)")
	@Operation(summary = "Orders, newest first (of one site with site=…)")
	List<ServiceMenu.Order> orders(@RequestParam(required = false) String site) {
		return menu.orders(site);
	}

	/** @param starts when it starts (default 14:00 on the wanted day); @param capacity places, if registration */
	record Scheduling(LocalDateTime starts, Integer capacity) {
	}

	@PostMapping("/api/menu/orders/{id}/schedule")
	@CentralAdminOnly
	@Operation(summary = "Approve and schedule an order: it becomes an event at the ordering site")
	ServiceMenu.Order schedule(@PathVariable long id, @RequestBody Scheduling scheduling) {
		return approval.schedule(id, scheduling.starts(), scheduling.capacity());
	}

	/** Why central staff turn an order down. */
	record Rejection(String reason) {
	}

	@PostMapping("/api/menu/orders/{id}/reject")
	@CentralAdminOnly
	@Operation(summary = "Reject an order with the reason")
	ServiceMenu.Order reject(@PathVariable long id, @RequestBody Rejection rejection) {
		return approval.reject(id, rejection.reason());
	}

	/** A delivered order: how many attended. */
	record Delivery(int attendance) {
	}

	@PostMapping("/api/menu/orders/{id}/delivered")
	@LibrarianOrCentral
	@Operation(summary = "Record that an order was delivered, with attendance",
			description = "Scope: the ordering site.")
	ServiceMenu.Order delivered(@PathVariable long id, @RequestBody Delivery delivery, Authentication authentication) {
		access.requireActFor(authentication, menu.order(id).orderingSite());
		return menu.delivered(id, delivery.attendance());
	}

	/** The ordering site's rating of a delivered order. */
	record Rating(int stars, String comment) {
	}

	@PostMapping("/api/menu/orders/{id}/rating")
	@LibrarianOrCentral
	@Operation(summary = "The host site rates a delivered order (1-5)",
			description = "Scope: the ordering site.")
	ServiceMenu.Order rate(@PathVariable long id, @RequestBody Rating rating, Authentication authentication) {
		access.requireActFor(authentication, menu.order(id).orderingSite());
		return menu.rate(id, rating.stars(), rating.comment());
	}

	@GetMapping("/api/menu/stats")
	@CentralOrAuditor
	@Operation(summary = "Orders, deliveries, participants and rating per item, and the order rate (点单率)")
	MenuFigures.Stats stats(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return figures.stats(from, to);
	}

}
