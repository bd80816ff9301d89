package org.branchlink.gateway.web;

import java.util.Locale;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventSearch;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages title an event in the reader's language. What people wrote (a class, a lecture) is shown as written; a
 * mobile service stop, which the planner announces itself, is titled and described from the message bundles with the
 * stop's name in the page's language, not with the Chinese text stored for the feeds and the API. Templates call it as
 * {@code ${@eventLabels.title(e)}}.
 */
@Component("eventLabels")
public class EventLabels {

	private static final String MOBILE_STOP = CulturalEvent.Kind.MOBILE_STOP.name().toLowerCase(Locale.ROOT);

	private final SiteLabels sites;

	private final MessageSource messages;

	EventLabels(SiteLabels sites, MessageSource messages) {
		this.sites = sites;
		this.messages = messages;
	}

	/** The title of an event (kind as indexed: {@code event}, {@code mobile_stop}). */
	private String title(String kind, String title, String siteId) {
		return MOBILE_STOP.equals(kind) ? word("event.mobile-stop.title", siteId) : title;
	}

	public String title(CulturalEvent event) {
		return title(kind(event), event.title(), event.siteId());
	}

	public String title(EventSearch.Hit event) {
		return title(event.kind(), event.title(), event.siteId());
	}

	private static String kind(CulturalEvent event) {
		return event.kind().name().toLowerCase(Locale.ROOT);
	}

	private String word(String key, String siteId) {
		return messages.getMessage(key, new Object[] { sites.name(siteId) }, LocaleContextHolder.getLocale());
	}

}
