package org.branchlink.gateway.menu;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.security.LibrarianOrCentral;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service-menu page: the menu with what is left of each item; librarians order for their centres and record
 * delivery; central staff publish items, schedule or reject orders and see the order rate of the quarter.
 */
@Controller
class MenuPageController {

	private final ServiceMenu menu;

	private final OrderApproval approval;

	private final MenuFigures figures;

	private final SiteDirectory sites;

	private final SiteAccess access;

	private final MenuProperties properties;

	private final PageMessages pageMessages;

	MenuPageController(ServiceMenu menu, OrderApproval approval, MenuFigures figures, SiteDirectory sites, SiteAccess access,
			MenuProperties properties, PageMessages pageMessages) {
		this.pageMessages = pageMessages;
		this.menu = menu;
		this.approval = approval;
		this.figures = figures;
		this.sites = sites;
		this.access = access;
		this.properties = properties;
	}

	@GetMapping("/menu")
	@LibrarianOrCentral
	String page(@AuthenticationPrincipal BranchLinkUser user, Authentication authentication, Model model) {
		boolean central = user.roles().contains(Role.CENTRAL_ADMIN);
		List<Site> orderingSites = sites.current().map(registry -> registry.sites().stream()
			.filter(site -> properties.orderingKinds().contains(site.kind().code()))
			.filter(site -> access.mayActFor(authentication, site.id()))
			.sorted(Comparator.comparing(Site::id))
			.toList()).orElse(List.of());
		LocalDate quarter = ServiceMenu.Period.QUARTER.start(LocalDate.now());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("user", user);
		model.addAttribute("central", central);
		model.addAttribute("items", menu.items());
		model.addAttribute("orderingSites", orderingSites);
		model.addAttribute("orders", menu.orders(null).stream()
			.filter(order -> central || access.mayActFor(authentication, order.orderingSite()))
			.toList());
		model.addAttribute("stats", central ? figures.stats(quarter, quarter.plusMonths(3).minusDays(1)) : null);
		model.addAttribute("categories", EventCategory.values());
		model.addAttribute("providers", sites.current().map(r -> r.sites().stream()
			.filter(site -> access.mayActFor(authentication, site.id()))
			.filter(site -> site.kind().level().ordinal() <= SiteLevel.BRANCH.ordinal())
			.toList()).orElse(List.of()));
		model.addAttribute("siteNames", sites.byId());
		return "menu";
	}

	@PostMapping("/menu/items")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #providerSite)")
	String publish(@RequestParam String providerSite, @RequestParam String category, @RequestParam String title,
			@RequestParam(defaultValue = "") String content, @RequestParam String unit, @RequestParam int quantity,
			@RequestParam String period, RedirectAttributes redirect) {
		access.requireKnown(providerSite);
		return attempt(redirect, "menu.done.item", () -> menu.publish(new ServiceMenu.ItemRequest(providerSite, category, title, content, unit,
				quantity, period, List.of(), null)));
	}

	@PostMapping("/menu/orders")
	@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
	String order(@RequestParam long itemId, @RequestParam String siteId, @RequestParam LocalDate wantedDate,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		access.requireKnown(siteId);
		return attempt(redirect, "menu.done.order", () -> menu.order(new ServiceMenu.OrderRequest(itemId, siteId, wantedDate, 1, note)));
	}

	@PostMapping("/menu/orders/{id}/schedule")
	@CentralAdminOnly
	String schedule(@PathVariable long id, @RequestParam LocalDateTime starts,
			@RequestParam(required = false) Integer capacity, RedirectAttributes redirect) {
		return attempt(redirect, "menu.done.schedule", () -> approval.schedule(id, starts, capacity));
	}

	@PostMapping("/menu/orders/{id}/reject")
	@CentralAdminOnly
	String reject(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
		return attempt(redirect, "menu.done.reject", () -> approval.reject(id, reason));
	}

	@PostMapping("/menu/orders/{id}/delivered")
	@LibrarianOrCentral
	String delivered(@PathVariable long id, @RequestParam int attendance, Authentication authentication,
			RedirectAttributes redirect) {
		access.requireActFor(authentication, menu.order(id).orderingSite());
		return attempt(redirect, "menu.done.delivered", () -> menu.delivered(id, attendance));
	}

	private String attempt(RedirectAttributes redirect, String notice, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", pageMessages.text(notice));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
		}
		return "redirect:/menu";
	}

}
