package org.branchlink.gateway.circulation;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the desk shows around its scans: the reader panel that stays while a run of copies is lent to one reader, and
 * the alert a checkin raises when the copy must not go back on this shelf (send it to another site, keep it for a
 * hold), with what its printed slip says. A hold slip names the reader only by the initial of their name and the tail
 * of their card.
 */
@Component
public class DeskPanel {

	private final CirculationQueries queries;

	private final ReaderRegistry readers;

	private final CirculationProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration pickupDays;

	DeskPanel(CirculationQueries queries, ReaderRegistry readers, CirculationProperties properties, JdbcClient jdbc,
			Clock clock, @Value("${branchlink.holds.pickup-days:7}") int pickupDays) {
		this.queries = queries;
		this.readers = readers;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
		this.pickupDays = Duration.ofDays(pickupDays);
	}

	/**
	 * The reader at the desk.
	 *
	 * @param reader the reader
	 * @param loanLimit how many loans their category allows
	 * @param loans their open loans, newest first
	 * @param holdsReady their holds waiting on a hold shelf
	 * @param overdue how many of their loans are overdue
	 */
	public record Panel(Reader reader, int loanLimit, List<CirculationQueries.LoanView> loans, int holdsReady, long overdue) {

		public boolean atLimit() {
			return loans.size() >= loanLimit;
		}

		public boolean blocked() {
			return atLimit() || overdue > 0;
		}

	}

	/** The panel of the reader with this card number (as stored, not as typed). */
	public Optional<Panel> panel(String card) {
		Instant now = clock.instant();
		return readers.byCard(card).map(reader -> {
			List<CirculationQueries.LoanView> loans = queries.openLoans(reader.cardNumber());
			int ready = jdbc.sql("select count(*) from hold where card = :card and status = 'ready'")
				.param("card", reader.cardNumber())
				.query(Integer.class)
				.single();
			return new Panel(reader, properties.terms(reader.category()).loanLimit(), loans, ready,
					loans.stream().filter(l -> l.overdue(now)).count());
		});
	}

	/**
	 * A checkin's alert, to be acknowledged before the next scan.
	 *
	 * @param kind {@code route} (send the copy to {@code toSite}) or {@code hold} (keep it for a reader; on the hold shelf
	 * here when {@code toSite} is this site, else sent there)
	 * @param toSite the site the copy goes to or waits at
	 * @param barcode the copy
	 * @param title its title
	 * @param shelfBy for a hold: the last day it waits on the hold shelf
	 * @param readerMark for a hold: the reader's initial and the last four characters of their card
	 */
	public record CheckinAlert(String kind, String toSite, String barcode, String title, Instant shelfBy,
			String readerMark) implements Serializable {

		private static final long serialVersionUID = 1L;

		public boolean hold() {
			return "hold".equals(kind);
		}

	}

	/** What the copy just checked in at {@code site} asks of the librarian; empty when it simply goes back on the shelf. */
	public Optional<CheckinAlert> afterCheckin(String site, String barcode) {
		return queries.copy(barcode).flatMap(copy -> {
			Optional<CirculationQueries.LendingState> state = queries.lendingState(barcode);
			String holdId = state.map(CirculationQueries.LendingState::holdId).orElse(null);
			if (copy.holdPickup() != null && holdId != null) {
				return Optional.of(new CheckinAlert("hold", copy.holdPickup(), copy.barcode(), copy.title(), shelfBy(holdId),
						readerMark(holdId)));
			}
			if (CopyStatus.IN_TRANSIT.code().equals(copy.status()) && copy.destination() != null
					&& !copy.destination().equals(site)) {
				return Optional.of(new CheckinAlert("route", copy.destination(), copy.barcode(), copy.title(), null, null));
			}
			return Optional.empty();
		});
	}

	private Instant shelfBy(String holdId) {
		return jdbc.sql("select expires_at from hold where id = :id")
			.param("id", Long.parseLong(holdId))
			.query((rs, n) -> Optional.ofNullable(CirculationStore.instant(rs.getTimestamp(1))))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(clock.instant().plus(pickupDays));
	}

	private String readerMark(String holdId) {
		return jdbc.sql("select card from hold where id = :id")
			.param("id", Long.parseLong(holdId))
			.query(String.class)
			.optional()
			.flatMap(readers::byCard)
			.map(DeskPanel::mark)
			.orElse("");
	}

	/** A reader as a slip may name them: the first character of the name and the card's last four characters. */
	static String mark(Reader reader) {
		String card = reader.cardNumber();
		String tail = card.length() > 4 ? card.substring(card.length() - 4) : card;
		String initial = reader.name() == null || reader.name().isBlank() ? "" : reader.name().strip().substring(0, 1);
		return initial + "** · …" + tail;
	}

}
