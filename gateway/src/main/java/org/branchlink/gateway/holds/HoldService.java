package org.branchlink.gateway.holds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.CopyHolds;
import org.branchlink.gateway.circulation.HoldEvents;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing holds and allocating copies to them. A hold is stored first (it is the reader's place in the queue), then,
 * when no earlier hold on the work is waiting, a copy on the shelf is chosen by {@link HoldTargeting} and allocated in
 * its own transaction; the database's unique index on the allocated copy makes a second allocation of the same copy
 * fail, on any node, and the next candidate is tried.
 */
@Component
public class HoldService implements HoldEvents {

	private static final Logger log = LoggerFactory.getLogger(HoldService.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SiteDirectory sites;

	private final HoldPolicy policy;

	private final Clock clock;

	private final CopyHolds copies;

	private final NotificationSender notifications;

	private final HoldCopies copyQueries;

	HoldService(JdbcClient jdbc, TransactionTemplate transactions, SiteDirectory sites, HoldPolicy policy, Clock clock,
			CopyHolds copies, NotificationSender notifications, HoldCopies copyQueries) {
		this.copyQueries = copyQueries;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.sites = sites;
		this.policy = policy;
		this.clock = clock;
		this.copies = copies;
		this.notifications = notifications;
	}

	/**
	 * A hold as its reader sees it.
	 *
	 * @param id the hold
	 * @param workId the work
	 * @param title its title
	 * @param pickupSite where to collect
	 * @param status waiting, allocated, in_transit, ready, collected, cancelled, expired
	 * @param placedAt when placed
	 * @param allocatedSite the site of the copy allocated, when one is
	 */
	public record HoldView(long id, String workId, String title, String pickupSite, String status, Instant placedAt,
			String allocatedSite) {
	}

	/** Places a title-level hold (copy null) or a copy-level hold, then allocates a copy when one is free. */
	public HoldView place(Reader reader, String workId, ItemRef copy, String pickupSite) {
		SiteRegistry registry = sites.require();
		if (pickupSite == null || registry.find(pickupSite).isEmpty()) {
			throw new IllegalArgumentException("unknown pickup site '" + pickupSite + "'");
		}
		Long id = transactions.execute(status -> {
			int active = jdbc.sql("select count(*) from hold where card = :card and closed_at is null")
				.param("card", reader.cardNumber()).query(Integer.class).single();
			if (active >= policy.perReader()) {
				throw new ConflictException("the reader has " + active + " holds, the limit is " + policy.perReader());
			}
			return jdbc.sql("""
					insert into hold (card, work_id, copy_site, copy_barcode, pickup_site, status, placed_at)
					values (:card, :work, :copySite, :copyBarcode, :pickup, 'waiting', :at) returning id""")
				.param("card", reader.cardNumber())
				.param("work", workId)
				.param("copySite", copy == null ? null : copy.siteId())
				.param("copyBarcode", copy == null ? null : copy.barcode())
				.param("pickup", pickupSite)
				.param("at", Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		});
		if (isFirstInQueue(id, workId)) {
			allocate(id, reader.homeSite());
		}
		else if (copyQueries.hasNewAcquisition(workId)) {
			// the earlier holds may not take a new acquisition kept for this reader's township: this one may
			allocate(id, reader.homeSite(), true);
		}
		return view(id);
	}

	private boolean isFirstInQueue(long id, String workId) {
		return jdbc.sql("""
				select not exists (select 1 from hold h where h.work_id = :work and h.status = 'waiting' and h.id <> :id
				    and (h.suspended_until is null or h.suspended_until <= current_date)
				    and (h.placed_at, h.id) < (select placed_at, id from hold where id = :id))""")
			.param("work", workId)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Allocates a copy on the shelf to a waiting hold; returns the copy, or empty when none is free. */
	public Optional<ItemRef> allocate(long holdId, String readerHomeSite) {
		return allocate(holdId, readerHomeSite, false);
	}

	/**
	 * @param protectedOnly only new acquisitions of the reader's own township (kept from readers elsewhere, so out of
	 *        reach of the holds ahead in the queue)
	 */
	private Optional<ItemRef> allocate(long holdId, String readerHomeSite, boolean protectedOnly) {
		Map<String, Object> hold = jdbc.sql("select * from hold where id = :id").param("id", holdId).query().singleRow();
		if (!"waiting".equals(hold.get("status"))) {
			return Optional.empty();
		}
		String pickup = (String) hold.get("pickup_site");
		SiteRegistry registry = sites.require();
		String readerTownship = registry.townshipOf(readerHomeSite).map(Site::id).orElse(null);
		List<CopyCandidate> candidates = new ArrayList<>(copyQueries.candidates(hold));
		if (protectedOnly) {
			java.time.Instant youngSince = clock.instant().minus(Duration.ofDays(policy.localDays()));
			candidates.removeIf(c -> c.catalogedAt() == null || !c.catalogedAt().isAfter(youngSince) || readerTownship == null
					|| !readerTownship.equals(registry.townshipOf(c.shelfSite()).map(Site::id).orElse(null)));
		}
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Integer> load = copyQueries.recentLoad();
		HoldTargeting targeting = new HoldTargeting(new TransportCosts(registry,
				policy.overrides() == null ? Map.of() : policy.overrides()), site -> !policy.closedSites().contains(site),
				site -> load.getOrDefault(site, 0), policy.loadWeight(), Duration.ofDays(policy.localDays()), ThreadLocalRandom.current());
		Set<String> tried = new HashSet<>();
		while (!candidates.isEmpty()) {
			Optional<CopyCandidate> chosen = targeting.choose(pickup, readerTownship,
					site -> registry.townshipOf(site).map(Site::id).orElse(null), candidates, clock.instant());
			if (chosen.isEmpty()) {
				return Optional.empty();
			}
			ItemRef copy = chosen.get().item();
			try {
				Integer updated = transactions.execute(status -> {
					int n = jdbc.sql("""
							update hold set status = 'allocated', allocated_site = :site, allocated_barcode = :barcode,
							    allocated_at = now() where id = :id and status = 'waiting'""")
						.param("site", copy.siteId())
						.param("barcode", copy.barcode())
						.param("id", holdId)
						.update();
					if (n == 1) {
						copies.allocate(copy, holdId, pickup, (String) hold.get("card"), clock.instant());
					}
					return n;
				});
				return updated != null && updated == 1 ? Optional.of(copy) : Optional.empty();
			}
			catch (DuplicateKeyException taken) {
				// another hold got this copy first (another request or node): try the next candidate
				tried.add(copy.siteId() + "\t" + copy.barcode());
				candidates.removeIf(c -> tried.contains(c.item().siteId() + "\t" + c.item().barcode()));
			}
		}
		log.debug("Hold {}: no copy free", holdId);
		return Optional.empty();
	}



	private static final String TITLE = "(select r.title from bib_record r where r.work_id = h.work_id order by r.site_id limit 1) as title";

	public HoldView view(long id) {
		return jdbc.sql("select h.*, " + TITLE + " from hold h where h.id = :id")
			.param("id", id)
			.query((rs, n) -> new HoldView(rs.getLong("id"), rs.getString("work_id"), rs.getString("title"),
					rs.getString("pickup_site"), rs.getString("status"), rs.getTimestamp("placed_at").toInstant(),
					rs.getString("allocated_site")))
			.single();
	}

	public List<HoldView> holdsOf(String card) {
		return jdbc.sql("select h.*, " + TITLE + " from hold h where h.card = :card and h.closed_at is null order by h.placed_at")
			.param("card", card)
			.query((rs, n) -> new HoldView(rs.getLong("id"), rs.getString("work_id"), rs.getString("title"),
					rs.getString("pickup_site"), rs.getString("status"), rs.getTimestamp("placed_at").toInstant(),
					rs.getString("allocated_site")))
			.list();
	}

	@Override
	public void inTransit(long holdId) {
		jdbc.sql("update hold set status = 'in_transit' where id = :id and status = 'allocated'").param("id", holdId).update();
	}

	@Override
	public void ready(long holdId, String site) {
		Instant now = clock.instant();
		jdbc.sql("""
				update hold set status = 'ready', ready_at = :now, expires_at = :expires
				where id = :id and status in ('allocated', 'in_transit') returning card""")
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(Duration.ofDays(policy.pickupDays()))))
			.param("id", holdId)
			.query(String.class)
			.optional()
			.ifPresent(card -> notifications.holdReady(card, holdId, site, now.plus(Duration.ofDays(policy.pickupDays()))));
	}

	@Override
	public void collected(long holdId) {
		jdbc.sql("""
				update hold set status = 'collected', closed_at = now()
				where id = :id and status in ('allocated', 'in_transit', 'ready')""")
			.param("id", holdId)
			.update();
	}

	@Override
	public void released(long holdId, String reason) {
		int n = jdbc.sql("""
				update hold set status = 'waiting', allocated_site = null, allocated_barcode = null, allocated_at = null
				where id = :id and status in ('allocated', 'in_transit', 'ready')""")
			.param("id", holdId)
			.update();
		if (n == 1) {
			log.info("Hold {} back in its queue ({}); looking for another copy", holdId, reason);
			String home = jdbc.sql("select r.home_site from hold h join reader r on r.card_number = h.card where h.id = :id")
				.param("id", holdId).query(String.class).optional().orElse(null);
			afterCommit(() -> allocate(holdId, home));
		}
	}

	@Override
	public Optional<org.branchlink.gateway.circulation.ItemCirculation.HeldFor> claim(ItemRef copy, String inHandAt,
			Instant at) {
		// FIFO, or (queue-order pickup-site-first) first the holds to be collected where the copy is now
		String order = policy.queueOrder() == HoldPolicy.QueueOrder.PICKUP_SITE_FIRST
				? "(pickup_site = :here) desc, placed_at, id" : "placed_at, id";
		return jdbc.sql("""
				select id, pickup_site, card from hold
				where work_id = :work and status = 'waiting' and (suspended_until is null or suspended_until <= current_date)
				  and (copy_site is null or (copy_site = :site and copy_barcode = :barcode))
				""" + " order by " + order + " limit 1")
			.param("here", inHandAt == null ? "" : inHandAt)
			.param("work", copy.workId())
			.param("site", copy.siteId())
			.param("barcode", copy.barcode())
			.query((rs, n) -> new org.branchlink.gateway.circulation.ItemCirculation.HeldFor(Long.toString(rs.getLong(1)),
					rs.getString(2), rs.getString(3), at))
			.optional()
			.filter(hold -> jdbc.sql("""
					update hold set status = 'allocated', allocated_site = :site, allocated_barcode = :barcode,
					    allocated_at = now()
					where id = :id and status = 'waiting' and not exists (select 1 from hold o
					    where o.allocated_site = :site and o.allocated_barcode = :barcode
					      and o.status in ('allocated', 'in_transit', 'ready'))""")
				.param("site", copy.siteId())
				.param("barcode", copy.barcode())
				.param("id", Long.parseLong(hold.holdId()))
				.update() == 1);
	}

	@Override
	public void copyAvailable(String workId) {
		afterCommit(() -> allocateNext(workId));
	}

	/** Gives a free copy of the work to the first hold in its queue (FIFO; suspended holds wait their date). */
	void allocateNext(String workId) {
		jdbc.sql("""
				select h.id, r.home_site from hold h left join reader r on r.card_number = h.card
				where h.work_id = :work and h.status = 'waiting'
				  and (h.suspended_until is null or h.suspended_until <= current_date)
				order by h.placed_at, h.id limit 1""")
			.param("work", workId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2)))
			.optional()
			.ifPresent(next -> allocate(next.getKey(), next.getValue()));
	}

	private static void afterCommit(Runnable action) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void afterCommit() {
							action.run();
						}
					});
		}
		else {
			action.run();
		}
	}

	/** The reader pauses a waiting hold until a date (null resumes it); it keeps its place in the queue. */
	public void suspend(Reader reader, long holdId, java.time.LocalDate until) {
		int n = jdbc.sql("""
				update hold set suspended_until = :until where id = :id and card = :card and status = 'waiting'""")
			.param("until", until)
			.param("id", holdId)
			.param("card", reader.cardNumber())
			.update();
		if (n == 0) {
			throw new IllegalArgumentException("no waiting hold " + holdId + " of this reader");
		}
	}

	/** The reader cancels one of their holds; a copy allocated to it goes to the next hold. */
	public void cancel(Reader reader, long holdId) {
		Map<String, Object> cancelled = transactions.execute(status -> {
			List<Map<String, Object>> rows = jdbc.sql("""
					update hold set status = 'cancelled', closed_at = now()
					where id = :id and card = :card and closed_at is null returning allocated_site, allocated_barcode""")
				.param("id", holdId)
				.param("card", reader.cardNumber())
				.query()
				.listOfRows();
			if (rows.isEmpty()) {
				throw new IllegalArgumentException("no open hold " + holdId + " of this reader");
			}
			Map<String, Object> row = rows.get(0);
			if (row.get("allocated_site") != null) {
				copies.free((String) row.get("allocated_site"), (String) row.get("allocated_barcode"), holdId);
			}
			return row;
		});
		log.debug("Hold {} cancelled (copy {})", holdId, cancelled.get("allocated_barcode"));
	}

}
