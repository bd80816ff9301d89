package org.branchlink.gateway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.disclosure.SiteNotices;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Public;
import org.branchlink.gateway.security.SiteAccess;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page (a search box, shortcuts, coming events, the service network), and one page per site. */
@Controller
class HomeController {

	/** How many coming events the home page shows. */
	private static final int COMING = 6;

	/** How many days ahead the home page announces closures. */
	private static final int CLOSURES_AHEAD = 14;

	private final SiteDirectory directory;

	private final EventCatalog events;

	private final SiteNotices notices;

	private final SiteAccess access;

	HomeController(SiteDirectory directory, EventCatalog events, SiteNotices notices, SiteAccess access) {
		this.directory = directory;
		this.events = events;
		this.notices = notices;
		this.access = access;
	}

	@GetMapping("/")
	@Public
	String home(Model model, @AuthenticationPrincipal BranchLinkUser user) {
		directory.current().ifPresent(registry -> {
			model.addAttribute("federation", registry.federation());
			model.addAttribute("tree", registry.tree());
			model.addAttribute("siteCount", registry.size());
			model.addAttribute("levels", countByLevel(registry));
		});
		Instant now = Instant.now();
		model.addAttribute("coming", events.startingIn(now, now.plus(Duration.ofDays(30)), CulturalEvent.Kind.EVENT, COMING));
		model.addAttribute("closures", notices.comingEverywhere(CLOSURES_AHEAD));
		model.addAttribute("user", user);
		return "home";
	}

	@GetMapping("/sites/{id}")
	@Public
	String site(@PathVariable String id, Model model, @AuthenticationPrincipal BranchLinkUser user,
			Authentication authentication) {
		SiteRegistry registry = directory.current().orElseThrow(() -> new NotFoundException("site registry", "current"));
		Site site = registry.find(id).orElseThrow(() -> new NotFoundException("site", id));
		model.addAttribute("site", site);
		model.addAttribute("ancestry", registry.ancestry(id));
		model.addAttribute("children", registry.childrenOf(id));
		Instant now = Instant.now();
		model.addAttribute("events", events.between(id, now.minus(Duration.ofHours(3)),
				now.plus(Duration.ofDays(30))));
		model.addAttribute("federation", registry.federation());
		model.addAttribute("user", user);
		model.addAttribute("disclosure", notices.of(id));
		model.addAttribute("closures", notices.coming(id));
		model.addAttribute("mayEdit", user != null && access.mayActFor(authentication, id));
		return "site";
	}

	private static Map<SiteLevel, Long> countByLevel(SiteRegistry registry) {
		return registry.sites()
			.stream()
			.collect(Collectors.groupingBy(site -> site.kind().level(), TreeMap::new, Collectors.counting()));
	}


}
