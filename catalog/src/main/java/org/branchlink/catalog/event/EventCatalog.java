package org.branchlink.catalog.event;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.catalog.event.CulturalEvent.Kind;
import org.branchlink.catalog.event.CulturalEvent.Source;
import org.branchlink.catalog.ingest.WorkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The published events: stored in PostgreSQL (the truth, read again on reindex) and indexed in the catalogue's Solr
 * collection beside the works, so one search finds both. A source's revision (iCalendar SEQUENCE) never goes
 * backwards: an update with a lower sequence than the stored one is ignored. The index is soft-committed once the
 * publishing transaction has committed (once per transaction). Cancelled events leave the index and
 * are announced as {@link EventCancelled} so registrations can be told.
 */
@Component
public class EventCatalog {

	private static final Logger log = LoggerFactory.getLogger(EventCatalog.class);

	/** What a publication did. */
	public enum Change {
		ADDED, UPDATED, UNCHANGED, STALE
	}

	/** An event as stored, and what its publication changed. */
	public record Stored(CulturalEvent event, Change change) {
	}

	/** Published after a cancellation has been stored. */
	public record EventCancelled(CulturalEvent event) {
	}

	private final JdbcClient jdbc;

	private final SolrClient solr;

	private final WorkStore store;

	private final ApplicationEventPublisher publisher;

	EventCatalog(JdbcClient jdbc, SolrClient solr, WorkStore store, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.solr = solr;
		this.store = store;
		this.publisher = publisher;
	}

	/** Adds an event or, for the same source site, uid and occurrence, a newer revision of it. */
	@Transactional
	public Stored publish(CulturalEvent event) {
		if (!store.sites().containsKey(event.siteId())) {
			throw new IllegalArgumentException("unknown site '" + event.siteId() + "'");
		}
		Optional<CulturalEvent> existing = find(event.sourceSite(), event.uid(), event.recurrence());
		if (existing.isPresent()) {
			CulturalEvent old = existing.get();
			if (event.sequence() < old.sequence()) {
				return new Stored(old, Change.STALE);
			}
			CulturalEvent same = event.withId(old.id());
			if (same.equals(old)) {
				return new Stored(old, Change.UNCHANGED);
			}
		}
		long id = jdbc.sql("""
				insert into cultural_event (source, source_site, uid, recurrence, sequence, kind, category, title,
				    description, site_id, place, starts_at, ends_at, capacity, audience, accessible, fee_yuan, cancelled,
				    service_mode, online_url)
				values (:source, :sourceSite, :uid, :recurrence, :sequence, :kind, :category, :title, :description,
				    :site, :place, :starts, :ends, :capacity, :audience::text[], :accessible, :fee, :cancelled, :mode, :online)
				on conflict (source_site, uid, recurrence) do update set source = excluded.source,
				    sequence = excluded.sequence, kind = excluded.kind, category = excluded.category,
				    title = excluded.title, description = excluded.description, site_id = excluded.site_id,
				    place = excluded.place, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
				    capacity = excluded.capacity, audience = excluded.audience, accessible = excluded.accessible,
				    fee_yuan = excluded.fee_yuan, cancelled = excluded.cancelled, service_mode = excluded.service_mode,
				    online_url = excluded.online_url, updated_at = now()
				returning id""")
			.param("source", event.source().name().toLowerCase(Locale.ROOT))
			.param("sourceSite", event.sourceSite())
			.param("uid", event.uid())
			.param("recurrence", event.recurrence())
			.param("sequence", event.sequence())
			.param("kind", event.kind().name().toLowerCase(Locale.ROOT))
			.param("category", event.category().code())
			.param("title", event.title())
			.param("description", event.description())
			.param("site", event.siteId())
			.param("place", event.place())
			.param("starts", Timestamp.from(event.starts()))
			.param("ends", Timestamp.from(event.ends()))
			.param("capacity", event.capacity())
			.param("audience", "{" + String.join(",", event.audience().stream().map(Audience::code).sorted().toList()) + "}")
			.param("accessible", event.accessible())
			.param("fee", event.feeYuan())
			.param("cancelled", event.cancelled())
			.param("mode", event.mode().code())
			.param("online", event.onlineUrl())
			.query(Long.class)
			.single();
		CulturalEvent stored = event.withId(id);
		index(stored);
		if (stored.cancelled() && existing.isPresent() && !existing.get().cancelled()) {
			publisher.publishEvent(new EventCancelled(stored));
		}
		return new Stored(stored, existing.isPresent() ? Change.UPDATED : Change.ADDED);
	}

	/** Cancels every occurrence of a source's event; returns those it cancelled. */
	@Transactional
	public List<CulturalEvent> cancel(String sourceSite, String uid) {
		List<CulturalEvent> cancelled = new ArrayList<>();
		for (CulturalEvent event : query("where source_site = :site and uid = :uid and not cancelled",
				Map.of("site", sourceSite, "uid", uid))) {
			cancelled.add(cancelOne(event));
		}
		return cancelled;
	}

	/** Cancels one event by id; false when it was already cancelled. */
	@Transactional
	public boolean cancel(long id) {
		Optional<CulturalEvent> event = find(id);
		if (event.isEmpty() || event.get().cancelled()) {
			return false;
		}
		cancelOne(event.get());
		return true;
	}

	/**
	 * Cancels the events of a feed that start in [from, to) and are no longer in it: a calendar that drops an event
	 * has called it off.
	 *
	 * @param keys {@code uid + "|" + recurrence} of every occurrence the feed still has
	 */
	@Transactional
	public List<CulturalEvent> cancelMissing(String sourceSite, Source source, Set<String> keys, Instant from,
			Instant to) {
		List<CulturalEvent> cancelled = new ArrayList<>();
		for (CulturalEvent event : coming(sourceSite, source, from, to)) {
			if (!keys.contains(event.uid() + "|" + event.recurrence())) {
				cancelled.add(cancelOne(event));
			}
		}
		return cancelled;
	}

	/** The events of a feed (a source at a source site) that start in [from, to) and are not cancelled. */
	public List<CulturalEvent> coming(String sourceSite, Source source, Instant from, Instant to) {
		return query("""
				where source_site = :site and source = :source and starts_at >= :from and starts_at < :to
				    and not cancelled""", Map.of("site", sourceSite, "source", source.name().toLowerCase(Locale.ROOT),
				"from", Timestamp.from(from), "to", Timestamp.from(to)));
	}

	private CulturalEvent cancelOne(CulturalEvent event) {
		jdbc.sql("update cultural_event set cancelled = true, updated_at = now() where id = :id")
			.param("id", event.id())
			.update();
		CulturalEvent cancelled = new CulturalEvent(event.id(), event.source(), event.sourceSite(), event.uid(),
				event.recurrence(), event.sequence(), event.kind(), event.category(), event.title(), event.description(),
				event.siteId(), event.place(), event.starts(), event.ends(), event.capacity(), event.audience(),
				event.accessible(), event.feeYuan(), true, event.mode(), event.onlineUrl());
		index(cancelled);
		publisher.publishEvent(new EventCancelled(cancelled));
		log.info("Event {} '{}' at {} on {} cancelled", event.id(), event.title(), event.siteId(), event.starts());
		return cancelled;
	}

	public Optional<CulturalEvent> find(long id) {
		return query("where id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** These events (cancelled ones included), in id order; ids not stored are absent. */
	public List<CulturalEvent> find(Collection<Long> ids) {
		return query("where id = any(:ids) order by id", Map.of("ids", ids.toArray(Long[]::new)));
	}

	public Optional<CulturalEvent> find(String sourceSite, String uid, String recurrence) {
		return query("where source_site = :site and uid = :uid and recurrence = :recurrence",
				Map.of("site", sourceSite, "uid", uid, "recurrence", recurrence)).stream().findFirst();
	}

	/** Events (not cancelled) at a site, or anywhere when {@code siteId} is null, starting in [from, to). */
	public List<CulturalEvent> between(String siteId, Instant from, Instant to) {
		String where = "where not cancelled and starts_at >= :from and starts_at < :to"
				+ (siteId == null ? "" : " and site_id = :site") + " order by starts_at, id";
		Map<String, Object> params = new HashMap<>(Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)));
		if (siteId != null) {
			params.put("site", siteId);
		}
		return query(where, params);
	}

	/** Every event starting in [from, to), cancelled ones included, in start order: what the measures count. */
	public List<CulturalEvent> startingIn(Instant from, Instant to) {
		return query("where starts_at >= :from and starts_at < :to order by starts_at, id",
				Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)));
	}

	/**
	 * The events of one kind, not cancelled, starting between two instants, soonest first, at most {@code limit}: the
	 * home page's coming events and the mobile-service timetable ask the database for what they show, not for every
	 * event of the month.
	 */
	public List<CulturalEvent> startingIn(Instant from, Instant to, Kind kind, int limit) {
		return query("where not cancelled and starts_at >= :from and starts_at < :to and kind = :kind "
				+ "order by starts_at, id limit :limit", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to),
						"kind", kind.name().toLowerCase(Locale.ROOT), "limit", limit));
	}

	/**
	 * The events of a public feed: at these sites (every site when empty), of one category (every one when null),
	 * starting in [from, to), soonest first, at most {@code limit}; cancelled ones too when asked (a subscribed calendar
	 * drops them), else not.
	 */
	public List<CulturalEvent> feed(Collection<String> sites, EventCategory category, Instant from, Instant to,
			int limit, boolean cancelledToo) {
		Map<String, Object> params = new HashMap<>(Map.of("from", Timestamp.from(from), "to", Timestamp.from(to),
				"limit", limit));
		String where = "where starts_at >= :from and starts_at < :to" + (cancelledToo ? "" : " and not cancelled");
		if (!sites.isEmpty()) {
			where += " and site_id in (:sites)";
			params.put("sites", List.copyOf(sites));
		}
		if (category != null) {
			where += " and category = :category";
			params.put("category", category.code());
		}
		return query(where + " order by starts_at, id limit :limit", params);
	}

	/** The search documents of every event still to come or ended in the last 30 days (for a reindex). */
	public List<SolrInputDocument> documents() {
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		return query("where not cancelled and ends_at > now() - interval '30 days'", Map.of()).stream()
			.map(event -> EventDocuments.of(event, sites.get(event.siteId())))
			.toList();
	}

	private List<CulturalEvent> query(String where, Map<String, ?> params) {
		return jdbc.sql("""
				select id, source, source_site, uid, recurrence, sequence, kind, category, title, description, site_id,
				    place, starts_at, ends_at, capacity, audience, accessible, fee_yuan, cancelled, service_mode, online_url
				from cultural_event
				""" + where)
			.params(params)
			.query(EventCatalog::row)
			.list();
	}

	private static CulturalEvent row(ResultSet rs, int n) throws SQLException {
		Set<Audience> audience = EnumSet.noneOf(Audience.class);
		Arrays.stream((String[]) rs.getArray("audience").getArray())
			.forEach(code -> Audience.parse(code).ifPresent(audience::add));
		return new CulturalEvent(rs.getLong("id"), Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
				rs.getString("source_site"), rs.getString("uid"), rs.getString("recurrence"), rs.getInt("sequence"),
				Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
				EventCategory.parse(rs.getString("category")).orElseThrow(), rs.getString("title"),
				rs.getString("description"), rs.getString("site_id"), rs.getString("place"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				(Integer) rs.getObject("capacity"), audience, rs.getBoolean("accessible"),
				rs.getBigDecimal("fee_yuan").stripTrailingZeros(), rs.getBoolean("cancelled"),
				ServiceMode.parse(rs.getString("service_mode")).orElseThrow(), rs.getString("online_url"));
	}

	private void index(CulturalEvent event) {
		try {
			if (event.cancelled()) {
				solr.deleteById(EventDocuments.id(event.id()));
			}
			else {
				solr.add(EventDocuments.of(event, store.sites().get(event.siteId())));
			}
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not index event " + event.id(), ex);
		}
		softCommitAfterTransaction();
	}

	/**
	 * One soft commit when the surrounding transaction has committed, however many events it published (a month's
	 * mobile stops at once); at once when there is no transaction.
	 */
	private void softCommitAfterTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			softCommit();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				softCommit();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(EventCatalog.this);
			}
		});
	}

	private void softCommit() {
		try {
			solr.commit(false, true, true);
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not commit the event index", ex);
		}
	}

}
