package org.branchlink.gateway.records;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.SearchPage;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.site.CountySettings;

import org.springframework.beans.factory.annotation.Qualifier;
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

	private final CountySettings county;

	/** Event lookups run here (Spring Boot's application task pool) while the request's thread searches the works. */
	private final Executor lookups;

	UnifiedSearch(CatalogSearch works, EventSearch events, CountySettings county,
			@Qualifier("applicationTaskExecutor") Executor lookups) {
		this.works = works;
		this.events = events;
		this.county = county;
		this.lookups = lookups;
	}

	public SearchPage search(SearchRequest request) {
		return search(request, false);
	}

	/** The search, with the editions of one book as one hit when {@code editionsTogether} (the readers' page). */
	public SearchPage search(SearchRequest request, boolean editionsTogether) {
		if (!showsEvents(request)) {
			return works.search(request, editionsTogether);
		}
		// the events are looked up beside the works, not after them: the reader waits for the slower of the two
		CompletableFuture<List<EventSearch.Hit>> coming = CompletableFuture.supplyAsync(() -> events.hits(eventsQuery(request)),
				lookups);
		SearchPage page = works.search(request, editionsTogether);
		List<EventSearch.Hit> found;
		try {
			found = coming.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
		// a weekly class is one line: its next occurrence
		Set<String> seen = new HashSet<>();
		return page.withEvents(found.stream()
			.filter(hit -> seen.add(hit.title() + "@" + hit.siteId()))
			.limit(EVENTS_SHOWN)
			.toList());
	}

	/** The events a search's first page shows: matching the words, coming, nearest first when a place is given. */
	public EventSearch.Query eventsQuery(SearchRequest request) {
		SearchRequest.Point near = request.near();
		return new EventSearch.Query(request.query(), null, null, null, null, near == null ? null : near.lat(),
				near == null ? null : near.lon(), county.zone().getId(), EVENTS_SHOWN * 4);
	}

	/** Whether a search's page shows events beside the works (the first page of a search with words). */
	public static boolean showsEvents(SearchRequest request) {
		return !request.query().isEmpty() && request.page() == 0;
	}

}
