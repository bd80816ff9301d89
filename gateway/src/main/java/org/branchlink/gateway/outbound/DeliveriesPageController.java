package org.branchlink.gateway.outbound;

import java.util.Map;

import org.branchlink.gateway.notify.ReaderNotices;
import org.branchlink.gateway.security.CentralAdminOnly;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.SyncFailures;
import org.branchlink.sync.outbound.SiteChanges;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Central staff's view of what goes out and what failed: per site the changes waiting for its webhook and those given
 * up on, each change given up on with why (to send again once the site's system is fixed), the readers' notices given
 * up on (which and why, never to whom; to send again once the mail server or SMS gateway is fixed), and what the sync
 * routes' shared dead letter recorded (files refused, feeds unread).
 */
@Controller
class DeliveriesPageController {

	/** How many notices and failures the page lists (the newest). */
	private static final int LISTED = 100;

	private final SiteChanges changes;

	private final PageMessages messages;

	private final SiteDirectory sites;

	private final ReaderNotices notices;

	private final SyncFailures failures;

	DeliveriesPageController(SiteChanges changes, PageMessages messages, SiteDirectory sites, ReaderNotices notices,
			SyncFailures failures) {
		this.notices = notices;
		this.failures = failures;
		this.sites = sites;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/deliveries")
	@CentralAdminOnly
	String deliveries(Model model) {
		// a site without a webhook reads its feed at its own pace: nothing of it waits to be sent
		Map<String, Site> byId = sites.byId();
		model.addAttribute("backlog", changes.backlog().stream()
			.filter(b -> b.dead() > 0 || byId.containsKey(b.siteId())
					&& byId.get(b.siteId()).connector().parameters().containsKey("webhook-url"))
			.toList());
		model.addAttribute("dead", changes.dead(null));
		model.addAttribute("notices", notices.givenUp(LISTED));
		model.addAttribute("failures", failures.latest(LISTED));
		return "deliveries";
	}

	@PostMapping("/deliveries/notices/{id}/replay")
	@CentralAdminOnly
	String sendNoticeAgain(@PathVariable long id, RedirectAttributes redirect) {
		say(redirect, notices.sendAgain(id), "deliveries.notice", id);
		return "redirect:/deliveries#notices-heading";
	}

	@PostMapping("/deliveries/{id}/replay")
	@CentralAdminOnly
	String replay(@PathVariable long id, RedirectAttributes redirect) {
		say(redirect, changes.replay(id), "deliveries", id);
		return "redirect:/deliveries";
	}

	/** What a "Send again" did: {@code <prefix>.replayed}, or {@code <prefix>.not-dead} when it was not given up on. */
	private void say(RedirectAttributes redirect, boolean sentAgain, String prefix, long id) {
		redirect.addFlashAttribute(sentAgain ? "notice" : "refused",
				messages.text(prefix + (sentAgain ? ".replayed" : ".not-dead"), String.valueOf(id)));
	}

}
