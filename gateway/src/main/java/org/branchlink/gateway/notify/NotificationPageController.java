package org.branchlink.gateway.notify;

import java.util.List;
import java.util.Set;

import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.ReaderOnly;
import org.branchlink.gateway.web.PageMessages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader chooses how to be told (hold ready, due soon, overdue, event reminders and changes): by
 * e-mail, SMS or WeChat, among the channels the county has set up, with the address each needs.
 */
@Controller
class NotificationPageController {

	private final ReaderContacts contacts;

	private final ReaderRegistry readers;

	private final List<NoticeChannel> channels;

	private final PageMessages messages;

	NotificationPageController(ReaderContacts contacts, ReaderRegistry readers, List<NoticeChannel> channels,
			PageMessages messages) {
		this.contacts = contacts;
		this.readers = readers;
		this.channels = channels;
		this.messages = messages;
	}

	@GetMapping("/my/notifications")
	@ReaderOnly
	String page(@AuthenticationPrincipal BranchLinkUser user, Model model) {
		readers.byUsername(user.getUsername()).ifPresent(reader -> {
			model.addAttribute("reader", reader);
			if (!model.containsAttribute("contact")) {
				model.addAttribute("contact", contacts.of(reader.id()));
			}
		});
		model.addAttribute("channels", NoticeChannels.codes().stream()
			.filter(code -> channels.stream().anyMatch(c -> c.code().equals(code) && c.available()))
			.toList());
		return "my-notifications";
	}

	@PostMapping("/my/notifications")
	@ReaderOnly
	String save(@AuthenticationPrincipal BranchLinkUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String phone, @RequestParam(required = false) Set<String> channel,
			RedirectAttributes redirect) {
		Reader reader = readers.byUsername(user.getUsername()).orElse(null);
		if (reader == null) {
			redirect.addFlashAttribute("refused", messages.text("refusal.no-card"));
			return "redirect:/my/notifications";
		}
		Set<String> chosen = channel == null ? Set.of() : channel;
		try {
			contacts.save(reader.id(), email, phone, chosen);
			redirect.addFlashAttribute("notice", messages.text("notify.saved"));
		}
		catch (InvalidRequestException refused) {
			redirect.addFlashAttribute("refused", messages.refusal(refused));
			redirect.addFlashAttribute("contact", new ReaderContacts.Contact(email, phone, chosen));
		}
		return "redirect:/my/notifications";
	}

}
