package org.branchlink.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.EventBatch;
import org.branchlink.sync.circulation.EventType;
import org.branchlink.sync.circulation.RejectedEvent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock transfers between sites. Shipping sends every copy in transit through lending (a {@code send} event at the
 * source), receiving scans them in at the destination ({@code receive}), so search shows them on their way and then
 * on the new shelf. Who may do what (the caller checks): the source site's librarians create and ship, central staff
 * approve, the destination's librarians receive.
 */
@Component
public class TransferService {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ItemAvailability items;

	private final CatalogCopies copies;

	private final LendingDesk desk;

	private final SiteDirectory sites;

	private final Policy policy;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<MobileCarrier> carrier;

	TransferService(JdbcClient jdbc, TransactionTemplate transactions, ItemAvailability items, CatalogCopies copies, LendingDesk desk,
			SiteDirectory sites, Policy policy, Clock clock,
			org.springframework.beans.factory.ObjectProvider<MobileCarrier> carrier) {
		this.carrier = carrier;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.items = items;
		this.copies = copies;
		this.desk = desk;
		this.sites = sites;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Transfer policy ({@code branchlink.transfers.*}).
	 *
	 * @param approval when central staff must approve: {@code always}, {@code between-townships} (default: a transfer
	 *        leaving its township), {@code never}
	 * @param overdueDays a shipped transfer not received after this many days is flagged
	 */
	@ConfigurationProperties("branchlink.transfers")
	public record Policy(@DefaultValue("between-townships") String approval, @DefaultValue("5") int overdueDays) {
	}

	/**
	 * A transfer.
	 *
	 * @param id its id
	 * @param fromSite source
	 * @param toSite destination
	 * @param status requested, approved, shipped, received
	 * @param copies copies in it
	 * @param received copies received
	 * @param missing copies shipped and not received (once received)
	 * @param extra copies received that were not in it
	 * @param shippedAt when shipped
	 */
	public record TransferView(long id, String fromSite, String toSite, String status, int copies, int received,
			int missing, int extra, Instant shippedAt, String carrierUnit, java.time.LocalDate carrierDay) {
	}

	/** What a request did: the transfer, and each barcode refused with its reason. */
	public record Outcome(TransferView transfer, List<RejectedEvent> refused) {
	}

	public Outcome create(String by, String fromSite, String toSite, List<String> barcodes) {
		return create(by, fromSite, toSite, barcodes, "manual", false);
	}

	/**
	 * @param reason why ({@code manual}, {@code rotation})
	 * @param preapproved planned by central staff (a rota): no approval step
	 */
	public Outcome create(String by, String fromSite, String toSite, List<String> barcodes, String reason,
			boolean preapproved) {
		Site from = site(fromSite);
		Site to = site(toSite);
		if (from.id().equals(to.id())) {
			throw new IllegalArgumentException("a transfer goes to another site");
		}
		List<RejectedEvent> refused = new ArrayList<>();
		List<ItemRef> copies = new ArrayList<>();
		for (String barcode : barcodes) {
			String code = barcode == null ? "" : barcode.strip();
			Located here = items.find(code).stream().map(this::locate).filter(l -> l.shelf().equals(fromSite))
				.findFirst().orElse(null);
			if (here == null) {
				refused.add(new RejectedEvent(code, null, "no copy with this barcode is at " + fromSite));
			}
			else if (!"available".equals(here.status())) {
				refused.add(new RejectedEvent(code, null, "the copy is " + here.status() + ", not on the shelf"));
			}
			else {
				copies.add(here.ref());
			}
		}
		if (copies.isEmpty()) {
			throw new IllegalArgumentException("no copy can go: " + refused.stream().map(RejectedEvent::reason).toList());
		}
		boolean approve = !preapproved && switch (policy.approval()) {
			case "always" -> true;
			case "never" -> false;
			default -> !Objects.equals(township(from.id()), township(to.id()));
		};
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		MobileCarrier.Ride ride = carrier.getIfAvailable() == null ? null : carrier.getObject()
			.nextVisit(to.id(), today, today.plusDays(policy.overdueDays() + 14L)).orElse(null);
		Long id = transactions.execute(status -> {
			long transfer = jdbc.sql("""
					insert into transfer (from_site, to_site, status, reason, created_by, carrier_unit, carrier_day)
					values (:from, :to, :status, :reason, :by, :unit, :day) returning id""")
				.param("from", from.id()).param("to", to.id()).param("status", approve ? "requested" : "approved")
				.param("reason", reason).param("by", by)
				.param("unit", ride == null ? null : ride.unitId())
				.param("day", ride == null ? null : java.sql.Date.valueOf(ride.day()))
				.query(Long.class).single();
			for (ItemRef copy : copies) {
				jdbc.sql("insert into transfer_item (transfer_id, item_site, barcode) values (:t, :s, :b) on conflict do nothing")
					.param("t", transfer).param("s", copy.siteId()).param("b", copy.barcode()).update();
			}
			return transfer;
		});
		return new Outcome(view(id), refused);
	}

	public TransferView approve(long id, String by) {
		step(id, "requested", "approved", "approved_by = :by, approved_at = now()", by);
		return view(id);
	}

	/** The source ships: every copy goes in transit to the destination. */
	public TransferView ship(long id, String by) {
		TransferView transfer = view(id);
		step(id, "approved", "shipped", "shipped_by = :by, shipped_at = now()", by);
		List<CirculationEvent> events = new ArrayList<>();
		for (Map<String, Object> line : lines(id)) {
			events.add(new CirculationEvent(transfer.fromSite(), "transfer-" + id + "-" + line.get("barcode"), EventType.SEND,
					clock.instant(), (String) line.get("barcode"), (String) line.get("item_site"), null, transfer.toSite(),
					null));
		}
		desk.submit(new EventBatch(transfer.fromSite(), "transfer " + id, events, List.of()));
		return view(id);
	}

	/** The destination scans what arrived and closes the transfer; missing and extra copies are recorded. */
	public TransferView receive(long id, String by, List<String> barcodes) {
		TransferView transfer = view(id);
		if (!"shipped".equals(transfer.status())) {
			throw new IllegalArgumentException("transfer " + id + " is " + transfer.status() + ", not shipped");
		}
		List<CirculationEvent> events = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			for (String raw : barcodes) {
				String barcode = raw.strip();
				int n = jdbc.sql("update transfer_item set received = true where transfer_id = :t and barcode = :b")
					.param("t", id).param("b", barcode).update();
				String owner = null;
				if (n == 0) {
					List<ItemRef> found = items.find(barcode);
					owner = found.isEmpty() ? "unknown" : found.get(0).siteId();
					jdbc.sql("""
							insert into transfer_item (transfer_id, item_site, barcode, received, extra)
							values (:t, :s, :b, true, true) on conflict do nothing""")
						.param("t", id).param("s", owner).param("b", barcode).update();
				}
				if (!"unknown".equals(owner)) {
					events.add(new CirculationEvent(transfer.toSite(), "transfer-" + id + "-in-" + barcode,
							EventType.RECEIVE, clock.instant(), barcode, owner, null, null, null));
				}
			}
			step(id, "shipped", "received", "received_by = :by, received_at = now()", by);
		});
		if (!events.isEmpty()) {
			desk.submit(new EventBatch(transfer.toSite(), "transfer " + id, events, List.of()));
		}
		return view(id);
	}

	/** Open transfers (not yet received) from or to these sites, newest first. */
	public List<TransferView> open(java.util.Collection<String> sites) {
		return jdbc.sql("""
				select id from transfer where status in ('requested', 'approved', 'shipped')
				  and (from_site = any(:s) or to_site = any(:s)) order by created_at desc limit 200""")
			.param("s", sites.toArray(String[]::new))
			.query(Long.class).list().stream().map(this::view).toList();
	}

	/** Shipped transfers not received within the policy's days: the transit dashboard. */
	public List<TransferView> overdue() {
		Instant limit = clock.instant().minus(Duration.ofDays(policy.overdueDays()));
		return jdbc.sql("select id from transfer where status = 'shipped' and shipped_at < :limit order by shipped_at")
			.param("limit", java.sql.Timestamp.from(limit))
			.query(Long.class).list().stream().map(this::view).toList();
	}

	public TransferView view(long id) {
		return jdbc.sql("""
				select t.*, (select count(*) from transfer_item i where i.transfer_id = t.id and not i.extra) as copies,
				       (select count(*) from transfer_item i where i.transfer_id = t.id and i.received and not i.extra) as received,
				       (select count(*) from transfer_item i where i.transfer_id = t.id and i.extra) as extra
				from transfer t where t.id = :id""")
			.param("id", id)
			.query((rs, n) -> new TransferView(rs.getLong("id"), rs.getString("from_site"), rs.getString("to_site"),
					rs.getString("status"), rs.getInt("copies"), rs.getInt("received"),
					"received".equals(rs.getString("status")) ? rs.getInt("copies") - rs.getInt("received") : 0,
					rs.getInt("extra"), rs.getTimestamp("shipped_at") == null ? null : rs.getTimestamp("shipped_at").toInstant(),
					rs.getString("carrier_unit"),
					rs.getDate("carrier_day") == null ? null : rs.getDate("carrier_day").toLocalDate()))
			.optional()
			.orElseThrow(() -> new NotFoundException("transfer", Long.toString(id)));
	}

	private List<Map<String, Object>> lines(long id) {
		return jdbc.sql("select item_site, barcode from transfer_item where transfer_id = :t and not extra")
			.param("t", id).query().listOfRows();
	}

	private void step(long id, String from, String to, String set, String by) {
		int n = jdbc.sql("update transfer set status = :to, " + set + " where id = :id and status = :from")
			.param("to", to).param("from", from).param("by", by).param("id", id).update();
		if (n == 0) {
			throw new IllegalArgumentException("transfer " + id + " is " + view(id).status() + ", not " + from);
		}
	}

	/** A copy with its status and the site whose shelf it is on. */
	private record Located(ItemRef ref, String status, String shelf) {
	}

	private Located locate(ItemRef ref) {
		CatalogCopies.CopyDetails copy = copies.describe(ref.siteId(), ref.barcode())
			.orElseThrow(() -> new IllegalArgumentException("copy " + ref.barcode() + " is not in the catalogue"));
		return new Located(ref, copy.status(), copy.shelfSite());
	}

	private Site site(String id) {
		return sites.require().find(id).orElseThrow(() -> new IllegalArgumentException("unknown site '" + id + "'"));
	}

	private String township(String id) {
		return sites.require().townshipOf(id).map(Site::id).orElse(id);
	}


}
