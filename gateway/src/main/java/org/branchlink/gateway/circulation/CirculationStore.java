package org.branchlink.gateway.circulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.ItemCirculation.Conflict;
import org.branchlink.gateway.circulation.ItemCirculation.Effect;
import org.branchlink.gateway.circulation.ItemCirculation.LoanClosed;
import org.branchlink.gateway.circulation.ItemCirculation.LoanOpened;
import org.branchlink.gateway.circulation.ItemCirculation.LoanRenewed;
import org.branchlink.gateway.circulation.ItemCirculation.OpenLoan;
import org.branchlink.site.CountySettings;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationIntake.JournalEntry;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journal, copies' lending state, loans and conflicts in PostgreSQL. Callers hold the transaction. */
@Component
class CirculationStore {

	private final JdbcClient jdbc;

	private final String zone;

	CirculationStore(JdbcClient jdbc, CountySettings county) {
		this.zone = county.zone().getId();
		this.jdbc = jdbc;
	}

	/** Stores the batch's events; returns those not stored before with their journal ids (the others are duplicates). */
	List<JournalEntry> insert(CirculationBatch batch) {
		List<CirculationEvent> events = batch.events();
		if (events.isEmpty()) {
			return List.of();
		}
		int n = events.size();
		String[] sites = new String[n];
		String[] ids = new String[n];
		String[] types = new String[n];
		String[] at = new String[n];
		String[] barcodes = new String[n];
		String[] owners = new String[n];
		String[] cards = new String[n];
		String[] destinations = new String[n];
		String[] due = new String[n];
		for (int i = 0; i < n; i++) {
			CirculationEvent e = events.get(i);
			sites[i] = e.siteId();
			ids[i] = e.eventId();
			types[i] = e.type().wireName();
			at[i] = e.occurredAt().toString();
			barcodes[i] = e.barcode();
			owners[i] = e.owner();
			cards[i] = e.card();
			destinations[i] = e.destination();
			due[i] = e.dueAt() == null ? null : e.dueAt().toString();
		}
		// one statement for the batch; an event id the site sent before (or twice in the batch) is not stored again
		Map<String, Long> stored = new HashMap<>(); // by site and event id
		jdbc.sql("""
				insert into circulation_event (site_id, event_id, type, occurred_at, barcode, owner, card, destination,
				    due_at, source)
				select e.*, :source from unnest(:sites::text[], :ids::text[], :types::text[], :at::timestamptz[],
				    :barcodes::text[], :owners::text[], :cards::text[], :destinations::text[], :due::timestamptz[]) as e
				on conflict (site_id, event_id) do nothing returning site_id, event_id, id""")
			.param("sites", sites)
			.param("source", batch.source())
			.param("ids", ids)
			.param("types", types)
			.param("at", at)
			.param("barcodes", barcodes)
			.param("owners", owners)
			.param("cards", cards)
			.param("destinations", destinations)
			.param("due", due)
			.query((ResultSet rs) -> {
				stored.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3));
			});
		List<JournalEntry> fresh = new ArrayList<>(stored.size());
		for (CirculationEvent e : events) {
			Long id = stored.remove(e.siteId() + "\u0000" + e.eventId()); // the first of the batch's events with this id
			if (id != null) {
				fresh.add(new JournalEntry(id, e));
			}
		}
		return fresh;
	}

	/** A journal entry. */
	Optional<StoredEvent> event(long id) {
		return jdbc.sql("select * from circulation_event where id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredEvent(rs.getLong("id"), event(rs), rs.getTimestamp("applied_at") != null,
					rs.getString("outcome")))
			.optional();
	}

	/**
	 * Marks the event applied to a copy of this site, unless it is already: false then. Called under the copy's lock
	 * before the event is applied, in the same transaction, so a failure takes the mark back with the rest.
	 */
	boolean claim(long id, String itemSite) {
		return jdbc.sql("""
				update circulation_event set applied_at = now(), item_site = :site, outcome = 'applied'
				where id = :id and applied_at is null""")
			.param("site", itemSite)
			.param("id", id)
			.update() == 1;
	}

	void markUnapplied(long id, String outcome) {
		jdbc.sql("update circulation_event set outcome = :outcome where id = :id").param("outcome", outcome).param("id", id).update();
	}

	/** Events not applied yet (a failure or a crash after accepting them), oldest first. */
	List<Long> pending(int limit) {
		return jdbc.sql("""
				select id from circulation_event where applied_at is null and outcome is null
				and received_at < now() - interval '1 second' order by occurred_at limit :n""")
			.param("n", limit)
			.query(Long.class)
			.list();
	}

	/** The copy's lending state, its row locked until the transaction ends (events of one copy apply one at a time). */
	ItemCirculation lock(ItemRef item) {
		// one statement creates the row of a copy that never circulated, or locks the existing one
		return jdbc.sql("""
				insert into circulation_item (site_id, barcode, work_id) values (:site, :barcode, :work)
				on conflict (site_id, barcode) do update set work_id = excluded.work_id returning *""")
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.param("work", item.workId())
			.query((rs, n) -> {
				String loanKey = rs.getString("loan_key");
				EventKey last = rs.getTimestamp("last_at") == null ? null
						: new EventKey(rs.getTimestamp("last_at").toInstant(), rs.getString("last_site"), rs.getString("last_event"));
				HeldFor hold = rs.getString("held_for") == null ? null
						: new HeldFor(rs.getString("held_for"), rs.getString("held_pickup"),
								rs.getString("held_card"), rs.getTimestamp("held_since").toInstant());
				return ItemCirculation.restore(item.siteId(), CopyStatus.of(rs.getString("status")), rs.getString("at_site"),
						rs.getString("destination"), loanKey == null ? null : openLoan(loanKey), hold, last,
						rs.getInt("events"));
			})
			.single();
	}

	private OpenLoan openLoan(String key) {
		return jdbc.sql("select * from loan where loan_key = :key")
			.param("key", key)
			.query((rs, n) -> new OpenLoan(key, rs.getString("card"), rs.getString("category"), rs.getString("checkout_site"),
					rs.getTimestamp("checked_out_at").toInstant(), rs.getTimestamp("due_at").toInstant(), rs.getInt("renewals")))
			.single();
	}

	void save(ItemRef item, ItemCirculation copy) {
		jdbc.sql("""
				update circulation_item set status = :status, at_site = :at, destination = :destination, loan_key = :loan,
				    held_for = :held, held_pickup = :heldPickup, held_card = :heldCard, held_since = :heldSince,
				    last_at = :lastAt, last_site = :lastSite, last_event = :lastEvent, events = :events
				where site_id = :site and barcode = :barcode""")
			.param("status", copy.status().code())
			.param("at", copy.atSite())
			.param("destination", copy.destination())
			.param("loan", copy.loan() == null ? null : copy.loan().key())
			.param("held", copy.hold() == null ? null : copy.hold().holdId())
			.param("heldPickup", copy.hold() == null ? null : copy.hold().pickup())
			.param("heldCard", copy.hold() == null ? null : copy.hold().card())
			.param("heldSince", copy.hold() == null ? null : Timestamp.from(copy.hold().since()))
			.param("lastAt", copy.last() == null ? null : Timestamp.from(copy.last().at()))
			.param("lastSite", copy.last() == null ? null : copy.last().site())
			.param("lastEvent", copy.last() == null ? null : copy.last().eventId())
			.param("events", copy.events())
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.update();
	}

	/** Every applied event of the copy but this one (for a replay). */
	List<CirculationEvent> history(ItemRef item, long except) {
		return jdbc.sql("""
				select * from circulation_event where item_site = :site and barcode = :barcode and applied_at is not null
				and id <> :except""")
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.param("except", except)
			.query((rs, n) -> event(rs))
			.list();
	}

	/** Forgets what the copy's history produced (loans, open conflicts) before a replay writes it again. */
	void reset(ItemRef item) {
		jdbc.sql("delete from loan where item_site = :site and barcode = :barcode")
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.update();
		jdbc.sql("delete from circulation_conflict where item_site = :site and barcode = :barcode and resolved_at is null")
			.param("site", item.siteId())
			.param("barcode", item.barcode())
			.update();
	}

	/**
	 * Writes loans and conflicts; a loan closed for a reader who keeps no history is anonymised at once. The journal
	 * keeps the card a while longer ({@link #forgetCards}) so that a late event can still be replayed correctly.
	 */
	int write(ItemRef item, List<Effect> effects, Predicate<String> keepsHistory) {
		int conflicts = 0;
		for (Effect effect : effects) {
			if (effect instanceof LoanOpened opened) {
				OpenLoan l = opened.loan();
				jdbc.sql("""
						insert into loan (loan_key, item_site, barcode, work_id, card, category, checkout_site,
						    checked_out_at, due_at, renewals)
						values (:key, :site, :barcode, :work, :card, :category, :checkoutSite, :at, :due, 0)""")
					.param("key", l.key())
					.param("site", item.siteId())
					.param("barcode", item.barcode())
					.param("work", item.workId())
					.param("card", l.card())
					.param("category", l.category())
					.param("checkoutSite", l.site())
					.param("at", Timestamp.from(l.since()))
					.param("due", Timestamp.from(l.due()))
					.update();
				jdbc.sql("""
						insert into reader_activity (reader_id, month)
						select id, cast(date_trunc('month', cast(:at as timestamptz) at time zone :zone) as date)
						from reader where card_number = :card on conflict do nothing""")
					.param("at", Timestamp.from(l.since()))
					.param("zone", zone)
					.param("card", l.card())
					.update();
			}
			else if (effect instanceof LoanRenewed renewed) {
				jdbc.sql("update loan set due_at = :due, renewals = :n where loan_key = :key")
					.param("due", Timestamp.from(renewed.due()))
					.param("n", renewed.renewals())
					.param("key", renewed.loanKey())
					.update();
			}
			else if (effect instanceof LoanClosed closed) {
				boolean anonymise = closed.card() == null || !keepsHistory.test(closed.card());
				jdbc.sql("""
						update loan set returned_at = :at, return_site = :site, closed_how = :how,
						    card = case when :anonymise then null else card end
						where loan_key = :key""")
					.param("at", Timestamp.from(closed.at()))
					.param("site", closed.site())
					.param("how", closed.how())
					.param("anonymise", anonymise)
					.param("key", closed.loanKey())
					.update();
			}
			else if (effect instanceof Conflict c) {
				conflicts += conflict(c.listedFor(), c.eventSite(), item.siteId(), c.barcode(), c.kind(), c.eventId(),
						c.detail());
			}
		}
		return conflicts;
	}

	/**
	 * Clears reader cards from journal events older than {@code days} days, except those of loans still open and of
	 * readers who keep their history. Returns the number of events cleared.
	 */
	int forgetCards(int days) {
		return jdbc.sql("""
				update circulation_event e set card = null
				where e.card is not null and e.occurred_at < now() - make_interval(days => :days)
				  and not exists (select 1 from loan l where l.card = e.card and l.item_site = e.item_site
				                  and l.barcode = e.barcode and l.returned_at is null)
				  and not exists (select 1 from reader r where r.card_number = e.card and r.keep_history)""")
			.param("days", days)
			.update();
	}

	/** Lists a conflict for the librarians of the site where the event happened; returns 1 when it is new. */
	int conflict(String site, String itemSite, String barcode, ConflictKind kind, String eventId, String detail) {
		return conflict(site, site, itemSite, barcode, kind, eventId, detail);
	}

	/** Lists a conflict about an event of {@code eventSite} for the librarians of {@code listedFor}; 1 when new. */
	int conflict(String listedFor, String eventSite, String itemSite, String barcode, ConflictKind kind, String eventId,
			String detail) {
		return jdbc.sql("""
				insert into circulation_conflict (site_id, item_site, barcode, kind, event_site, event_id, detail)
				values (:site, :itemSite, :barcode, :kind, :eventSite, :eventId, :detail)
				on conflict (event_site, event_id, kind) do nothing""")
			.param("site", listedFor)
			.param("eventSite", eventSite)
			.param("itemSite", itemSite)
			.param("barcode", barcode)
			.param("kind", kind.name())
			.param("eventId", eventId)
			.param("detail", detail)
			.update();
	}

	private static CirculationEvent event(ResultSet rs) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		return new CirculationEvent(rs.getString("site_id"), rs.getString("event_id"),
				CirculationAction.parse(rs.getString("type")).orElseThrow(), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("barcode"), rs.getString("owner"), rs.getString("card"), rs.getString("destination"),
				due == null ? null : due.toInstant());
	}

	/** A journal entry: the event, whether it is applied, and why not when it could not be. */
	record StoredEvent(long id, CirculationEvent event, boolean applied, String outcome) {
	}

	static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
