package org.branchlink.gateway.web;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page says after an action, in the page's language: a refusal worded by its code
 * ({@link org.branchlink.gateway.platform.CodedRefusal}), or a confirmation from the bundles. Page controllers put the
 * result in the flash as {@code refused} or {@code notice}; the layout's flash fragment shows it.
 */
@Component
public class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** A refusal as the person should read it; an uncoded exception's own message as a last resort. */
	public String refusal(RuntimeException refusal) {
		if (refusal instanceof MessageSourceResolvable resolvable) {
			return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
		}
		return refusal.getMessage();
	}

	/**
	 * Runs a page's action and puts what it did in the flash: the confirmation {@code done} as {@code notice}, or the
	 * refusal of input that cannot be accepted (400, 404 or 409 on the API) as {@code refused}.
	 *
	 * @return whether the action was done (else the page shows again what was typed, as the caller decides)
	 */
	public boolean attempt(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(done));
			return true;
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("refused", refusal(ex));
			return false;
		}
	}

	public String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
