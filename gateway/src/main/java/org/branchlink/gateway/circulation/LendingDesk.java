package org.branchlink.gateway.circulation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.apache.camel.ProducerTemplate;
import org.branchlink.catalog.ItemAvailability;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationRoutes;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.IntakeReport;
import org.branchlink.sync.circulation.Refusal;

import org.springframework.stereotype.Component;

/**
 * BranchLink's own circulation desk (for sites without an ILS) and readers' renewals. Unlike events a site reports
 * after the fact, these are requests: the rules are checked first (a registered card, the loan limit of the reader's
 * category, the renewal limit, a known copy) and a refused request says why. An accepted one becomes an event like
 * any other and goes through the same route.
 */
@Component
public class LendingDesk {

	private final ProducerTemplate camel;

	private final ReaderRegistry readers;

	private final CirculationQueries queries;

	private final CirculationProperties properties;

	private final ItemAvailability items;

	private final Clock clock;

	private final Semaphore slots;

	LendingDesk(ProducerTemplate camel, ReaderRegistry readers, CirculationQueries queries,
			CirculationProperties properties, ItemAvailability items, Clock clock) {
		this.camel = camel;
		this.readers = readers;
		this.queries = queries;
		this.properties = properties;
		this.items = items;
		this.clock = clock;
		this.slots = new Semaphore(properties.intakeConcurrency() > 0 ? properties.intakeConcurrency()
				: 2 * Runtime.getRuntime().availableProcessors(), true);
	}

	/**
	 * Sends events into the intake route (validate, accept, apply) and returns its report. At most
	 * {@code intake-concurrency} batches are applied at once (default: two per core): the work is CPU- and
	 * database-bound, more at once only slows each down, and a crowd of busy request threads would starve the
	 * availability indexer of CPU, which is what keeps search fresh.
	 */
	public IntakeReport submit(CirculationBatch batch) {
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to apply circulation events", ex);
		}
		try {
			return camel.requestBody(CirculationRoutes.INTAKE, batch, IntakeReport.class);
		}
		finally {
			slots.release();
		}
	}

	/**
	 * A checkout at the desk: besides the rules of every checkout, a copy still on loan to another reader is refused
	 * ({@code on-loan-to-another}) rather than taken from them; it must be checked in first.
	 */
	public IntakeReport checkout(String siteId, String card, String barcode) {
		Reader reader = reader(card);
		queries.lendingState(barcode == null ? "" : barcode.strip())
			.filter(state -> CopyStatus.ON_LOAN.code().equals(state.status()) && state.loanCard() != null
					&& !state.loanCard().equals(reader.cardNumber()))
			.ifPresent(state -> {
				throw new ConflictException("on-loan-to-another", barcode.strip());
			});
		return checkout(siteId, reader.cardNumber(), barcode, deskEventId(), clock.instant());
	}

	/**
	 * A checkout that names its own event: a kiosk gives the id (built from what it sent, so its retransmission of the
	 * same request is a duplicate and changes nothing) and the time it happened.
	 */
	public IntakeReport checkout(String siteId, String card, String barcode, String eventId, Instant at) {
		Reader reader = reader(card);
		LoanTerms terms = properties.terms(reader.category());
		if (queries.openLoanCount(reader.cardNumber()) >= terms.loanLimit()) {
			throw new ConflictException("loan-limit", terms.loanLimit(), CodedRefusal.word("reader.category." + reader.category()));
		}
		requireKnown(barcode);
		return one(siteId, CirculationAction.CHECKOUT, barcode, reader.cardNumber(), null, eventId, at);
	}

	/**
	 * A checkin at the desk: a copy that is not on loan, not on its way and kept for no hold is refused
	 * ({@code not-on-loan}) instead of being sent in transit from wherever it was scanned.
	 */
	public IntakeReport checkin(String siteId, String barcode) {
		requireKnown(barcode);
		boolean expected = queries.lendingState(barcode.strip())
			.filter(state -> CopyStatus.ON_LOAN.code().equals(state.status())
					|| CopyStatus.IN_TRANSIT.code().equals(state.status()) || state.heldPickup() != null)
			.isPresent();
		if (!expected) {
			throw new ConflictException("not-on-loan", barcode.strip());
		}
		return checkin(siteId, barcode, deskEventId(), clock.instant());
	}

	/** A checkin that names its own event (see {@link #checkout(String, String, String, String, Instant)}). */
	public IntakeReport checkin(String siteId, String barcode, String eventId, Instant at) {
		requireKnown(barcode);
		return one(siteId, CirculationAction.CHECKIN, barcode, null, null, eventId, at);
	}

	public IntakeReport receive(String siteId, String barcode) {
		requireKnown(barcode);
		return one(siteId, CirculationAction.RECEIVE, barcode, null, null, deskEventId(), clock.instant());
	}

	/** A reader renews one of their loans, within the renewal limit of their category, unless another reader waits for it. */
	public IntakeReport renew(Reader reader, String loanId) {
		return renew(reader, loanId, deskEventId(), clock.instant());
	}

	/** A renewal that names its own event (see {@link #checkout(String, String, String, String, Instant)}). */
	public IntakeReport renew(Reader reader, String loanId, String eventId, Instant at) {
		CirculationQueries.LoanView loan = queries.openLoans(reader.cardNumber())
			.stream()
			.filter(l -> l.id().equals(loanId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no open loan '" + loanId + "' of this reader"));
		LoanTerms terms = properties.terms(reader.category());
		if (loan.renewals() >= terms.renewals()) {
			throw new ConflictException("renewal-limit", loan.renewals(), CodedRefusal.word("reader.category." + reader.category()));
		}
		if (loan.workId() != null && queries.holdsWaitingFor(loan.workId(), reader.cardNumber()) > 0) {
			throw new ConflictException("renewal-hold-waiting");
		}
		return one(loan.checkoutSite(), CirculationAction.RENEW, loan.barcode(), reader.cardNumber(), loan.itemSite(), eventId, at);
	}

	/**
	 * A checkout's card is no registered reader's ({@code unknown-card}), or not a card number at all: its check digit
	 * is wrong ({@code card-check-digit}).
	 */
	public static final class UnknownCard extends IllegalArgumentException implements CodedRefusal {

		private static final long serialVersionUID = 1L;

		private final String code;

		UnknownCard(String code, String message) {
			super(message);
			this.code = code;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public Object[] args() {
			return new Object[0];
		}

	}

	/** No site's catalogue has the barcode ({@code unknown-copy}). */
	public static final class UnknownCopy extends IllegalArgumentException implements CodedRefusal {

		private static final long serialVersionUID = 1L;

		private final String barcode;

		UnknownCopy(String barcode, String message) {
			super(message);
			this.barcode = barcode;
		}

		@Override
		public String code() {
			return "unknown-copy";
		}

		@Override
		public Object[] args() {
			return new Object[] { barcode };
		}

	}

	private static String deskEventId() {
		return "bl-" + UUID.randomUUID();
	}

	private Reader reader(String typedCard) {
		Optional<Reader> reader;
		try {
			reader = readers.byTypedCard(typedCard);
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownCard("card-check-digit", ex.getMessage());
		}
		return reader.orElseThrow(() -> new UnknownCard("unknown-card", "no reader has this card number"));
	}

	private void requireKnown(String barcode) {
		if (barcode == null || barcode.isBlank() || items.find(barcode.strip()).isEmpty()) {
			throw new UnknownCopy(barcode == null ? "" : barcode.strip(), "no site's catalogue has barcode '" + barcode + "'");
		}
	}

	private IntakeReport one(String siteId, CirculationAction type, String barcode, String card, String owner, String eventId,
			Instant at) {
		CirculationEvent event = new CirculationEvent(siteId, eventId, type, at, barcode.strip(), owner, card, null, null);
		IntakeReport report = submit(new CirculationBatch(siteId, "desk", List.of(event), List.of()));
		if (report.rejected() > 0) {
			throw new IllegalArgumentException(report.rejections().stream().map(Refusal::reason).findFirst().orElse(""));
		}
		return report;
	}

}
