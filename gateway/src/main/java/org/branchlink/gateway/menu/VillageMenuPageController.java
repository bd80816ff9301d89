package org.branchlink.gateway.menu;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The menu for residents (点单, issue 20): anyone sees what the county offers and how much is left; a signed-in reader
 * orders an item for a village or community centre, as a resident or for its committee, and follows their orders
 * here (and hears of the decision by the channels they chose).
 */
@Controller
class VillageMenuPageController {

	private final ServiceMenu menu;

	private final ResidentOrders residentOrders;

	private final SiteDirectory sites;

	private final MenuProperties properties;

	private final ReaderRegistry readers;

	private final PageMessages pageMessages;

	private final CountySettings county;

	VillageMenuPageController(ServiceMenu menu, ResidentOrders residentOrders, SiteDirectory sites, MenuProperties properties,
			ReaderRegistry readers, PageMessages pageMessages, CountySettings county) {
		this.menu = menu;
		this.residentOrders = residentOrders;
		this.sites = sites;
		this.properties = properties;
		this.readers = readers;
		this.pageMessages = pageMessages;
		this.county = county;
	}

	@GetMapping("/menu/village")
	@Public
	String page(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(required = false) Long item, Model model) {
		Optional<Reader> reader = reader(user);
		model.addAttribute("items", menu.items());
		model.addAttribute("villages", villagesByTownship());
		model.addAttribute("reader", reader.orElse(null));
		Draft draft = (Draft) model.getAttribute("draft");
		if (draft == null) {
			model.addAttribute("draft", new Draft(item, reader.map(Reader::homeSite).orElse(null), "", "resident", "", ""));
		}
		model.addAttribute("myOrders", reader.map(r -> residentOrders.ordersOf(r.id())).orElse(List.of()));
		model.addAttribute("earliest", LocalDate.now(county.zone()).plusDays(properties.residentLeadDays()));
		model.addAttribute("leadDays", properties.residentLeadDays());
		return "village-menu";
	}

	@PostMapping("/menu/village/orders")
	@ReaderOnly
	String order(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(required = false) Long itemId,
			@RequestParam(defaultValue = "") String siteId, @RequestParam(required = false) LocalDate wantedDate,
			@RequestParam(defaultValue = "resident") String orderer, @RequestParam(defaultValue = "") String committee,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		try {
			Reader reader = reader(user).orElseThrow(() -> new NotFoundException("reader", user.getUsername()));
			residentOrders.orderAsResident(reader.id(),
					new ResidentOrders.ResidentOrder(itemId, siteId, wantedDate, orderer, committee, note));
			redirect.addFlashAttribute("notice", pageMessages.text("village.done"));
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", pageMessages.refusal(ex));
			// what they filled in comes back beside the refusal
			redirect.addFlashAttribute("draft", new Draft(itemId, siteId, wantedDate == null ? "" : wantedDate.toString(),
					orderer, committee, note));
		}
		return "redirect:/menu/village#order";
	}

	/** A refused order's fields, shown again. */
	record Draft(Long itemId, String siteId, String wantedDate, String orderer, String committee, String note)
			implements Serializable {
	}

	private Optional<Reader> reader(BranchLinkUser user) {
		return user == null ? Optional.empty() : readers.byUsername(user.getUsername());
	}

	/** The centres that order from the menu, under their townships in registry order. */
	private Map<Site, List<Site>> villagesByTownship() {
		Map<Site, List<Site>> grouped = new LinkedHashMap<>();
		sites.current().ifPresent(registry -> registry.sites().stream()
			.filter(site -> properties.orderingKinds().contains(site.kind().code()))
			.sorted(Comparator.comparing(Site::id))
			.forEach(site -> grouped.computeIfAbsent(township(registry, site), key -> new ArrayList<>()).add(site)));
		return grouped;
	}

	private static Site township(SiteRegistry registry, Site site) {
		return registry.townshipOf(site.id()).orElse(site);
	}

}
