package org.branchlink.gateway.circulation;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.CatalogCopies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What lending pages and the API read: a reader's loans, the conflict list, the journal's counts. */
@Component
public class CirculationQueries {

	private final JdbcClient jdbc;

	private final CatalogCopies catalog;

	CirculationQueries(JdbcClient jdbc, CatalogCopies catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * A loan as its reader sees it.
	 *
	 * @param id the loan's key
	 * @param workId the work (for title and link)
	 * @param title the title
	 * @param itemSite the owning site
	 * @param barcode the copy
	 * @param checkoutSite where it was borrowed
	 * @param checkedOutAt when
	 * @param dueAt when it is due
	 * @param renewals renewals so far
	 * @param returnedAt when it came back (history only)
	 */
	public record LoanView(String id, String workId, String title, String itemSite, String barcode, String checkoutSite,
			Instant checkedOutAt, Instant dueAt, int renewals, Instant returnedAt) {

		public boolean overdue(Instant now) {
			return returnedAt == null && dueAt.isBefore(now);
		}

	}

	public List<LoanView> openLoans(String card) {
		return loans(card, "returned_at is null");
	}

	/** The reader's open loan of this copy, if they have it (one indexed lookup, not the reader's whole list). */
	public Optional<LoanView> openLoan(String card, String barcode) {
		return titled(jdbc.sql("""
				select * from loan where card = :card and barcode = :barcode and returned_at is null""")
			.param("card", card)
			.param("barcode", barcode)
			.query(CirculationQueries::loanView)
			.list()).stream().findFirst();
	}

	/** Loans returned and kept because the reader chose to keep their history. */
	public List<LoanView> history(String card) {
		return loans(card, "returned_at is not null");
	}

	/** Other readers' holds waiting in the work's queue (awake ones: a suspended hold does not stop a renewal). */
	public int holdsWaitingFor(String workId, String exceptCard) {
		return jdbc.sql("""
				select count(*) from hold where work_id = :work and status = 'waiting' and card <> :card
				  and (suspended_until is null or suspended_until <= current_date)""")
			.param("work", workId)
			.param("card", exceptCard)
			.query(Integer.class)
			.single();
	}

	public int openLoanCount(String card) {
		return jdbc.sql("select count(*) from loan where card = :card and returned_at is null").param("card", card)
			.query(Integer.class).single();
	}

	private List<LoanView> loans(String card, String condition) {
		return titled(jdbc.sql("select * from loan where card = :card and " + condition
				+ " order by checked_out_at desc limit 200")
			.param("card", card)
			.query(CirculationQueries::loanView)
			.list());
	}

	/** The loans with their works' titles from the catalogue. */
	private List<LoanView> titled(List<LoanView> loans) {
		Map<String, String> titles = catalog.titles(loans.stream().map(LoanView::workId).toList());
		return loans.stream()
			.map(l -> new LoanView(l.id(), l.workId(), titles.get(l.workId()), l.itemSite(), l.barcode(), l.checkoutSite(),
					l.checkedOutAt(), l.dueAt(), l.renewals(), l.returnedAt()))
			.toList();
	}

	private static LoanView loanView(ResultSet rs, int row) throws SQLException {
		return new LoanView(rs.getString("loan_key"), rs.getString("work_id"), null,
				rs.getString("item_site"), rs.getString("barcode"), rs.getString("checkout_site"),
				rs.getTimestamp("checked_out_at").toInstant(), rs.getTimestamp("due_at").toInstant(), rs.getInt("renewals"),
				CirculationStore.instant(rs.getTimestamp("returned_at")));
	}

	/**
	 * A conflict for the librarian.
	 *
	 * @param id its id
	 * @param siteId the site where the event happened
	 * @param itemSite the copy's owning site (null when the barcode is unknown)
	 * @param barcode the copy
	 * @param kind the kind (the rule applied is in {@link ConflictKind})
	 * @param eventId the event's id at its site
	 * @param detail what happened
	 * @param createdAt when it was found
	 */
	public record ConflictView(long id, String siteId, String itemSite, String barcode, ConflictKind kind, String eventId,
			String detail, Instant createdAt) {
	}

	public List<ConflictView> openConflicts(Collection<String> sites, int limit) {
		return jdbc.sql("""
				select * from circulation_conflict where resolved_at is null and site_id = any(:sites)
				order by created_at desc, id desc limit :n""")
			.param("sites", sites.toArray(String[]::new))
			.param("n", limit)
			.query(CirculationQueries::conflictView)
			.list();
	}

	public Optional<ConflictView> conflict(long id) {
		return jdbc.sql("select * from circulation_conflict where id = :id")
			.param("id", id)
			.query(CirculationQueries::conflictView)
			.optional();
	}

	private static ConflictView conflictView(ResultSet rs, int row) throws SQLException {
		return new ConflictView(rs.getLong("id"), rs.getString("site_id"), rs.getString("item_site"), rs.getString("barcode"),
				ConflictKind.valueOf(rs.getString("kind")), rs.getString("event_id"), rs.getString("detail"),
				rs.getTimestamp("created_at").toInstant());
	}

	/** Marks a conflict dealt with. */
	public void resolve(long id, String by) {
		jdbc.sql("update circulation_conflict set resolved_at = now(), resolved_by = :by where id = :id and resolved_at is null")
			.param("by", by)
			.param("id", id)
			.update();
	}

	/** Puts an event that could not be applied (unknown barcode) back in line for the sweep. */
	public int retry(ConflictView conflict) {
		return jdbc.sql("""
				update circulation_event set outcome = null
				where site_id = :site and event_id = :event and applied_at is null and outcome <> 'applied'""")
			.param("site", conflict.siteId())
			.param("event", conflict.eventId())
			.update();
	}

	/**
	 * A copy's lending state, as the desk shows it after a scan.
	 *
	 * @param siteId owning site
	 * @param barcode the copy
	 * @param status its status code
	 * @param atSite where it is when not at home
	 * @param destination where it is going when in transit
	 * @param dueAt the due date when on loan
	 * @param holdPickup the pickup site of the hold the copy is allocated to, if any
	 * @param title the title of the record the copy belongs to at its owning site (empty when not catalogued)
	 */
	public record CopyView(String siteId, String barcode, String status, String atSite, String destination,
			Instant dueAt, String holdPickup, String title) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	/** A copy's lending state and its title (a kiosk's checkin answer needs both at once). */
	public Optional<CopyView> copy(String barcode) {
		return jdbc.sql("""
				select c.site_id, c.barcode, c.status, c.at_site, c.destination, l.due_at, c.held_pickup
				from circulation_item c
				left join loan l on l.loan_key = c.loan_key where c.barcode = :barcode order by c.site_id limit 1""")
			.param("barcode", barcode)
			.query((rs, n) -> new CopyView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), CirculationStore.instant(rs.getTimestamp(6)), rs.getString(7), ""))
			.optional()
			.map(c -> new CopyView(c.siteId(), c.barcode(), c.status(), c.atSite(), c.destination(), c.dueAt(),
					c.holdPickup(), catalog.describe(c.siteId(), c.barcode()).map(CatalogCopies.CopyDetails::title).orElse("")));
	}

	/**
	 * What the desk checks before it lends or takes back a copy: its status, the card of its open loan, the pickup
	 * site of the hold it is kept for.
	 *
	 * @param status the status code
	 * @param loanCard the card of the open loan, if on loan
	 * @param heldPickup the pickup site of the hold the copy is allocated to, if any
	 * @param holdId that hold
	 */
	public record LendingState(String status, String loanCard, String heldPickup, String holdId) {
	}

	/** The copy's lending state; empty for a copy that has never circulated. */
	public Optional<LendingState> lendingState(String barcode) {
		return jdbc.sql("""
				select c.status, l.card, c.held_pickup, c.held_for from circulation_item c
				left join loan l on l.loan_key = c.loan_key where c.barcode = :barcode order by c.site_id limit 1""")
			.param("barcode", barcode)
			.query((rs, n) -> new LendingState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The journal's counts: events stored, applied, waiting, unapplicable; open loans and conflicts. */
	public Map<String, Long> counts() {
		return jdbc.sql("""
				select (select count(*) from circulation_event) as events,
				       (select count(*) from circulation_event where applied_at is not null) as applied,
				       (select count(*) from circulation_event where applied_at is null and outcome is null) as pending,
				       (select count(*) from circulation_event where applied_at is null and outcome is not null) as unapplied,
				       (select count(*) from loan) as loans,
				       (select count(*) from loan where returned_at is null) as open_loans,
				       (select count(*) from circulation_conflict where resolved_at is null) as open_conflicts""")
			.query((rs, n) -> Map.of("events", rs.getLong(1), "applied", rs.getLong(2), "pending", rs.getLong(3),
					"unapplied", rs.getLong(4), "loans", rs.getLong(5), "openLoans", rs.getLong(6), "openConflicts",
					rs.getLong(7)))
			.single();
	}

}
