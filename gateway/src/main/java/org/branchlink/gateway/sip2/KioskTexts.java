package org.branchlink.gateway.sip2;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The screen messages (AF) kiosks show readers, from the message bundles ({@code sip2.*} keys), in Chinese: SIP2 has
 * no language on most messages and the county's kiosks speak to Chinese readers.
 */
@Component
class KioskTexts {

	private final MessageSource messages;

	KioskTexts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
