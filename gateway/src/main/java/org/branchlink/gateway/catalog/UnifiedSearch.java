package org.branchlink.gateway.catalog;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchPage;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.sync.SyncProperties;

import org.springframework.stereotype.Component;

/**
 * One search for books and events: the works page of {@link CatalogSearch} and, on its first page when the reader
 * typed words, the coming events and mobile stops that match them (nearest first when the reader gave a place; a
 * recurring event once, at its next occurrence), from the same Solr collection.
 */
@Component
public class UnifiedSearch {

	static final int EVENTS_SHOWN = 5;

	private final CatalogSearch works;

	private final EventSearch events;

	private final SyncProperties sync;

	UnifiedSearch(CatalogSearch works, EventSearch events, SyncProperties sync) {
		this.works = works;
		this.events = events;
		this.sync = sync;
	}

	public SearchPage search(SearchRequest request) {
		SearchPage page = works.search(request);
		if (request.query().isEmpty() || request.page() > 0) {
			return page;
		}
		SearchRequest.Point near = request.near();
		EventSearch.Page found = events.search(new EventSearch.Query(request.query(), null, null, null, null,
				near == null ? null : near.lat(), near == null ? null : near.lon(), sync.zone().getId(), EVENTS_SHOWN * 4));
		// a weekly class is one line: its next occurrence
		java.util.Set<String> seen = new java.util.HashSet<>();
		return page.withEvents(found.hits().stream()
			.filter(hit -> seen.add(hit.title() + "@" + hit.siteId()))
			.limit(EVENTS_SHOWN)
			.toList());
	}

}
