package org.branchlink.gateway.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

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

	public String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
