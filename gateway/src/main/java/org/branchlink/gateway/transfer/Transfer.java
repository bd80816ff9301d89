package org.branchlink.gateway.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.InvalidRequestException;

/**
 * A stock transfer (调拨) between two sites: requested (where policy asks central approval), approved, shipped by the
 * source, received by the destination. Each verb moves it from the one status that allows it and records who and
 * when; anything else is refused with the status it is in.
 */
public final class Transfer {

	/** Where a transfer is. */
	public enum Status {

		/** Waits for central staff's approval. */
		REQUESTED,
		/** May be shipped. */
		APPROVED,
		/** On its way. */
		SHIPPED,
		/** Scanned in at the destination: closed. */
		RECEIVED;

		/** The statuses of a transfer still open. */
		public static final Set<Status> OPEN = Set.of(REQUESTED, APPROVED, SHIPPED);

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Status of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * Who did a step and when.
	 *
	 * @param by the account
	 * @param at when
	 */
	public record Step(String by, Instant at) {
	}

	/**
	 * The mobile unit a transfer rides on to a stop it serves.
	 *
	 * @param unit the unit
	 * @param day its visit's day
	 */
	public record Carrier(String unit, LocalDate day) {
	}

	private Long id;

	private final String fromSite;

	private final String toSite;

	private final String reason;

	private final Step created;

	private final Carrier carrier;

	private Status status;

	private Step approved;

	private Step shipped;

	private Step received;

	private Transfer(Long id, String fromSite, String toSite, String reason, Step created, Carrier carrier) {
		this.id = id;
		this.fromSite = Objects.requireNonNull(fromSite);
		this.toSite = Objects.requireNonNull(toSite);
		this.reason = Objects.requireNonNull(reason);
		this.created = Objects.requireNonNull(created);
		this.carrier = carrier;
	}

	/**
	 * A new transfer; approved at once unless central approval is needed.
	 *
	 * @param reason why ({@code manual}, {@code rotation})
	 * @param carrier the mobile unit it rides on, or null
	 */
	public static Transfer request(String fromSite, String toSite, String reason, boolean needsApproval, Step created,
			Carrier carrier) {
		if (fromSite.equals(toSite)) {
			throw new InvalidRequestException("transfer-same-site");
		}
		Transfer transfer = new Transfer(null, fromSite, toSite, reason, created, carrier);
		transfer.status = needsApproval ? Status.REQUESTED : Status.APPROVED;
		return transfer;
	}

	/** A transfer as last stored. */
	static Transfer restore(long id, String fromSite, String toSite, String reason, Status status, Step created,
			Step approved, Step shipped, Step received, Carrier carrier) {
		Transfer transfer = new Transfer(id, fromSite, toSite, reason, created, carrier);
		transfer.status = status;
		transfer.approved = approved;
		transfer.shipped = shipped;
		transfer.received = received;
		return transfer;
	}

	/** Central staff approve a requested transfer. */
	public void approve(Step step) {
		require(Status.REQUESTED);
		status = Status.APPROVED;
		approved = step;
	}

	/** The source ships an approved transfer. */
	public void ship(Step step) {
		require(Status.APPROVED);
		status = Status.SHIPPED;
		shipped = step;
	}

	/** The destination received what was shipped (missing and extra copies are the store's lines). */
	public void receive(Step step) {
		require(Status.SHIPPED);
		status = Status.RECEIVED;
		received = step;
	}

	/** Whether it was shipped and not received by the instant. */
	public boolean isOverdue(Instant limit) {
		return status == Status.SHIPPED && shipped != null && shipped.at().isBefore(limit);
	}

	private void require(Status expected) {
		if (status != expected) {
			throw new InvalidRequestException("transfer-wrong-status", id, CodedRefusal.word("transfers.status." + status.code()),
					CodedRefusal.word("transfers.status." + expected.code()));
		}
	}

	void stored(long id) {
		this.id = id;
	}

	public Long id() {
		return id;
	}

	public String fromSite() {
		return fromSite;
	}

	public String toSite() {
		return toSite;
	}

	public String reason() {
		return reason;
	}

	public Status status() {
		return status;
	}

	public Step created() {
		return created;
	}

	public Step approved() {
		return approved;
	}

	public Step shipped() {
		return shipped;
	}

	public Step received() {
		return received;
	}

	/** The unit it rides on, or null. */
	public Carrier carrier() {
		return carrier;
	}

}
