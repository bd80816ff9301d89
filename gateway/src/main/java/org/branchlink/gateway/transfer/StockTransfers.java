package org.branchlink.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.CatalogCopies.CopyId;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.Refusal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock transfers between sites. Shipping sends every copy in transit through lending (a {@code send} event at the
 * source), receiving scans them in at the destination ({@code receive}), so search shows them on their way and then
 * on the new shelf. Who may do what (the caller checks): the source site's librarians create and ship, central staff
 * approve, the destination's librarians receive.
 */
@Component
public class StockTransfers {

	private final TransferStore store;

	private final TransactionTemplate transactions;

	private final ItemAvailability items;

	private final CatalogCopies copies;

	private final LendingDesk desk;

	private final SiteDirectory sites;

	private final Policy policy;

	private final Clock clock;

	private final ObjectProvider<MobileCarrier> carrier;

	StockTransfers(TransferStore store, TransactionTemplate transactions, ItemAvailability items, CatalogCopies copies,
			LendingDesk desk, SiteDirectory sites, Policy policy, Clock clock, ObjectProvider<MobileCarrier> carrier) {
		this.carrier = carrier;
		this.store = store;
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
			int missing, int extra, Instant shippedAt, String carrierUnit, LocalDate carrierDay) {
	}

	/** What a request did: the transfer, and each barcode refused with its reason. */
	public record Outcome(TransferView transfer, List<Refusal> refused) {
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
			throw new InvalidRequestException("transfer-same-site");
		}
		Screening screening = screen(fromSite, barcodes);
		List<Refusal> refused = screening.refusals();
		Map<CopyId, String> onShelf = screening.onShelf();
		if (onShelf.isEmpty()) {
			throw new InvalidRequestException("transfer-nothing-can-go", refused.size());
		}
		boolean approve = !preapproved && switch (policy.approval()) {
			case "always" -> true;
			case "never" -> false;
			default -> !Objects.equals(township(from.id()), township(to.id()));
		};
		LocalDate today = LocalDate.now(clock);
		MobileCarrier.Ride ride = carrier.getIfAvailable() == null ? null : carrier.getObject()
			.nextVisit(to.id(), today, today.plusDays(policy.overdueDays() + 14L)).orElse(null);
		Transfer transfer = Transfer.request(from.id(), to.id(), reason, approve, new Transfer.Step(by, clock.instant()),
				ride == null ? null : new Transfer.Carrier(ride.unitId(), ride.day()));
		transactions.executeWithoutResult(status -> store.insert(transfer, onShelf.keySet()));
		return new Outcome(view(transfer.id()), refused);
	}

	/**
	 * A transfer of every copy listed, or of none: the desk's page refuses the whole list when a barcode is not a copy
	 * on the source's shelf ({@code unknown-barcodes}, naming them), a copy is lent or travelling ({@code not-on-shelf}),
	 * or a copy is already in another open transfer ({@code in-open-transfer}), so nothing is dropped unseen.
	 */
	public Outcome createAll(String by, String fromSite, String toSite, List<String> barcodes) {
		List<String> listed = barcodes.stream().map(String::strip).filter(b -> !b.isEmpty()).distinct().toList();
		if (listed.isEmpty()) {
			throw new InvalidRequestException("transfer-no-barcodes");
		}
		if (fromSite.equals(toSite)) {
			throw new InvalidRequestException("transfer-same-site");
		}
		site(fromSite);
		site(toSite);
		Screening screening = screen(fromSite, listed);
		if (!screening.unknown().isEmpty()) {
			throw new InvalidRequestException("unknown-barcodes", screening.unknown().size(), String.join("、", screening.unknown()));
		}
		if (!screening.notOnShelf().isEmpty()) {
			throw new ConflictException("not-on-shelf", String.join("、", screening.notOnShelf()));
		}
		if (!screening.inTransfer().isEmpty()) {
			throw new ConflictException("in-open-transfer", String.join("、", screening.inTransfer().keySet()),
					screening.inTransfer().values().stream().distinct().map(String::valueOf).collect(Collectors.joining("、")));
		}
		return create(by, fromSite, toSite, listed);
	}

	/**
	 * What a list of barcodes holds for a transfer from a site.
	 *
	 * @param onShelf the copies that may go, with the barcode as listed
	 * @param unknown barcodes of no copy at the source
	 * @param notOnShelf barcodes of copies at the source that are not on its shelf (lent, travelling)
	 * @param inTransfer barcodes of copies already in another open transfer, with that transfer
	 * @param refusals all of these as refusals, in English, for the API
	 */
	private record Screening(Map<CopyId, String> onShelf, List<String> unknown, List<String> notOnShelf,
			Map<String, Long> inTransfer, List<Refusal> refusals) {
	}

	private Screening screen(String fromSite, List<String> barcodes) {
		List<Refusal> refused = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		List<String> notOnShelf = new ArrayList<>();
		Map<String, Long> inTransfer = new LinkedHashMap<>();
		Map<CopyId, String> onShelf = new LinkedHashMap<>();
		for (String barcode : barcodes) {
			String code = barcode == null ? "" : barcode.strip();
			Located here = items.find(code).stream().map(this::locate).filter(l -> l.shelf().equals(fromSite))
				.findFirst().orElse(null);
			if (here == null) {
				unknown.add(code);
				refused.add(new Refusal(code, null, "no copy with this barcode is at " + fromSite));
			}
			else if (!"available".equals(here.status())) {
				notOnShelf.add(code);
				refused.add(new Refusal(code, null, "the copy is " + here.status() + ", not on the shelf"));
			}
			else {
				onShelf.put(CopyId.of(here.ref()), code);
			}
		}
		Map<CopyId, Long> elsewhere = store.openTransfersOf(onShelf.keySet());
		elsewhere.forEach((copy, transfer) -> {
			String code = onShelf.remove(copy);
			inTransfer.put(code, transfer);
			refused.add(new Refusal(code, null, "the copy is already in open transfer " + transfer));
		});
		return new Screening(onShelf, unknown, notOnShelf, inTransfer, refused);
	}

	/**
	 * A line of a transfer's packing list.
	 *
	 * @param barcode the copy
	 * @param itemSite its owning site
	 * @param title its title
	 * @param callNumber its call number
	 * @param received whether the destination scanned it in
	 * @param extra received though not in the transfer
	 */
	public record PackingLine(String barcode, String itemSite, String title, String callNumber, boolean received,
			boolean extra) {
	}

	/**
	 * A transfer with its steps and its packing list.
	 *
	 * @param view the transfer
	 * @param transfer its steps (who and when)
	 * @param lines its copies
	 */
	public record Details(TransferView view, Transfer transfer, List<PackingLine> lines) {
	}

	public Details details(long id) {
		TransferView view = view(id);
		Transfer transfer = store.find(id).orElseThrow(() -> new NotFoundException("transfer", Long.toString(id)));
		List<PackingLine> lines = store.items(id).stream().map(line -> {
			CatalogCopies.CopyDetails copy = copies.describe(line.itemSite(), line.barcode()).orElse(null);
			return new PackingLine(line.barcode(), line.itemSite(), copy == null ? "" : copy.title(),
					copy == null ? "" : copy.callNumber(), line.received(), line.extra());
		}).toList();
		return new Details(view, transfer, lines);
	}

	public TransferView approve(long id, String by) {
		move(id, transfer -> transfer.approve(new Transfer.Step(by, clock.instant())));
		return view(id);
	}

	/** The source ships: every copy goes in transit to the destination. */
	public TransferView ship(long id, String by) {
		Transfer transfer = move(id, t -> t.ship(new Transfer.Step(by, clock.instant())));
		List<CirculationEvent> events = new ArrayList<>();
		for (CopyId copy : store.copies(id)) {
			events.add(new CirculationEvent(transfer.fromSite(), "transfer-" + id + "-" + copy.barcode(), CirculationAction.SEND,
					clock.instant(), copy.barcode(), copy.siteId(), null, transfer.toSite(), null));
		}
		desk.submit(new CirculationBatch(transfer.fromSite(), "transfer " + id, events, List.of()));
		return view(id);
	}

	/** The destination scans what arrived and closes the transfer; missing and extra copies are recorded. */
	public TransferView receive(long id, String by, List<String> barcodes) {
		List<CirculationEvent> events = new ArrayList<>();
		Transfer transfer = transactions.execute(status -> {
			Transfer received = move(id, t -> t.receive(new Transfer.Step(by, clock.instant())));
			for (String raw : barcodes) {
				String barcode = raw.strip();
				String owner = null;
				if (!store.markReceived(id, barcode)) {
					List<ItemRef> found = items.find(barcode);
					owner = found.isEmpty() ? "unknown" : found.get(0).siteId();
					store.addExtra(id, owner, barcode);
				}
				if (!"unknown".equals(owner)) {
					events.add(new CirculationEvent(received.toSite(), "transfer-" + id + "-in-" + barcode,
							CirculationAction.RECEIVE, clock.instant(), barcode, owner, null, null, null));
				}
			}
			return received;
		});
		if (!events.isEmpty()) {
			desk.submit(new CirculationBatch(transfer.toSite(), "transfer " + id, events, List.of()));
		}
		return view(id);
	}

	/** Open transfers (not yet received) from or to these sites, newest first. */
	public List<TransferView> open(Collection<String> sites) {
		return store.openAt(sites).stream().map(this::view).toList();
	}

	/** Shipped transfers not received within the policy's days: the transit dashboard. */
	public List<TransferView> overdue() {
		return store.shippedBefore(clock.instant().minus(Duration.ofDays(policy.overdueDays()))).stream()
			.map(this::view)
			.toList();
	}

	public TransferView view(long id) {
		Transfer transfer = store.find(id).orElseThrow(() -> new NotFoundException("transfer", Long.toString(id)));
		TransferStore.Lines lines = store.lines(id);
		return new TransferView(id, transfer.fromSite(), transfer.toSite(), transfer.status().code(), lines.copies(),
				lines.received(), transfer.status() == Transfer.Status.RECEIVED ? lines.copies() - lines.received() : 0,
				lines.extra(), transfer.shipped() == null ? null : transfer.shipped().at(),
				transfer.carrier() == null ? null : transfer.carrier().unit(),
				transfer.carrier() == null ? null : transfer.carrier().day());
	}

	/** Applies a step to the stored transfer and writes it, unless another request moved it first. */
	private Transfer move(long id, Consumer<Transfer> step) {
		Transfer transfer = store.find(id).orElseThrow(() -> new NotFoundException("transfer", Long.toString(id)));
		Transfer.Status was = transfer.status();
		step.accept(transfer);
		if (!store.save(transfer, was)) {
			throw new InvalidRequestException("transfer-changed", id,
					CodedRefusal.word(store.find(id).map(t -> "transfers.status." + t.status().code()).orElse("transfers.gone")));
		}
		return transfer;
	}

	/** A copy with its status and the site whose shelf it is on. */
	private record Located(ItemRef ref, String status, String shelf) {
	}

	private Located locate(ItemRef ref) {
		CatalogCopies.CopyDetails copy = copies.describe(ref.siteId(), ref.barcode())
			.orElseThrow(() -> new InvalidRequestException("unknown-copy", ref.barcode()));
		return new Located(ref, copy.status(), copy.shelfSite());
	}

	private Site site(String id) {
		return sites.require().find(id).orElseThrow(() -> new InvalidRequestException("unknown-site"));
	}

	private String township(String id) {
		return sites.require().townshipOf(id).map(Site::id).orElse(id);
	}

}
