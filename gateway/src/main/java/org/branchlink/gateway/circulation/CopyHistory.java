package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.branchlink.catalog.CatalogCopies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A copy looked up at the desk by its barcode: what the catalogue says of it, where it is and in what state, how many
 * readers wait for its title, and what happened to it (loans, returns, renewals, transit, transfers), newest first. A
 * reader appears in the history only as the tail of their card, and not at all once the loan was anonymised.
 */
@Component
public class CopyHistory {

	/** The most history lines shown. */
	static final int STEPS = 100;

	private static final Set<String> STATUSES = Set.of("available", "on_loan", "in_transit", "on_hold_shelf", "missing",
			"lost");

	private final JdbcClient jdbc;

	private final CatalogCopies catalog;

	CopyHistory(JdbcClient jdbc, CatalogCopies catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * A copy's file.
	 *
	 * @param siteId its owning (home) site
	 * @param barcode its barcode
	 * @param title its record's title
	 * @param callNumber its call number (may be null)
	 * @param status a status code ({@code available}, {@code on_loan}, …; {@code other} for a catalogue status the
	 * pages do not word)
	 * @param atSite where it is now
	 * @param destination where it is going, when in transit
	 * @param dueAt when it is due back, when on loan
	 * @param holdsWaiting readers waiting in its title's queue
	 * @param steps what happened to it, newest first
	 */
	public record CopyFile(String siteId, String barcode, String title, String callNumber, String status, String atSite,
			String destination, Instant dueAt, int holdsWaiting, List<Step> steps) {
	}

	/**
	 * One thing that happened to a copy.
	 *
	 * @param at when
	 * @param kind a circulation action ({@code checkout}, {@code checkin}, {@code renew}, {@code send}, {@code receive},
	 * {@code lost}, {@code missing}, {@code found}) or a transfer's step ({@code transfer-created}, {@code transfer-shipped},
	 * {@code transfer-received})
	 * @param siteId where
	 * @param toSite the other site, for a sending or a transfer
	 * @param readerTail the tail of the reader's card, for a loan not anonymised
	 * @param transferId the transfer, for its steps
	 */
	public record Step(Instant at, String kind, String siteId, String toSite, String readerTail, Long transferId) {
	}

	/** What lending knows of a copy that has circulated. */
	private record Lending(String status, String atSite, String destination, Instant dueAt) {
	}

	/** The copy with this barcode (the first owning site's, as the desk's scans take it). */
	public Optional<CopyFile> find(String barcode) {
		String code = barcode.strip();
		Optional<String> site = catalog.ownerOf(code);
		return site.flatMap(s -> catalog.describe(s, code)).map(details -> {
			String home = details.copy().siteId();
			Optional<Lending> lending = jdbc.sql("""
					select c.status, c.at_site, c.destination, l.due_at from circulation_item c
					left join loan l on l.loan_key = c.loan_key and l.returned_at is null
					where c.site_id = :site and c.barcode = :b""")
				.param("site", home)
				.param("b", code)
				.query((rs, n) -> new Lending(rs.getString(1), rs.getString(2), rs.getString(3),
						CirculationStore.instant(rs.getTimestamp(4))))
				.optional();
			String status = lending.map(Lending::status).orElse(details.status());
			String at = lending.map(Lending::atSite).orElse(details.shelfSite());
			int waiting = jdbc.sql("select count(*) from hold where work_id = :w and status = 'waiting'")
				.param("w", details.copy().workId())
				.query(Integer.class)
				.single();
			return new CopyFile(home, code, details.title(), details.callNumber(),
					STATUSES.contains(status) ? status : "other", at == null ? home : at,
					lending.map(Lending::destination).orElse(null), lending.map(Lending::dueAt).orElse(null), waiting,
					steps(home, code));
		});
	}

	private List<Step> steps(String site, String barcode) {
		List<Step> steps = new ArrayList<>(jdbc.sql("""
				select occurred_at, type, site_id, destination, card from circulation_event
				where barcode = :b and item_site = :site and applied_at is not null
				order by occurred_at desc, id desc limit :n""")
			.param("b", barcode)
			.param("site", site)
			.param("n", STEPS)
			.query((rs, n) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : ReaderLookup.tail(rs.getString(5)), null))
			.list());
		jdbc.sql("""
				select t.id, t.from_site, t.to_site, t.created_at, t.shipped_at, t.received_at, i.received
				from transfer_item i join transfer t on t.id = i.transfer_id
				where i.item_site = :site and i.barcode = :b order by t.id desc limit :n""")
			.param("b", barcode)
			.param("site", site)
			.param("n", STEPS)
			.query((rs, n) -> {
				long id = rs.getLong(1);
				String from = rs.getString(2);
				String to = rs.getString(3);
				steps.add(new Step(rs.getTimestamp(4).toInstant(), "transfer-created", from, to, null, id));
				if (rs.getTimestamp(5) != null) {
					steps.add(new Step(rs.getTimestamp(5).toInstant(), "transfer-shipped", from, to, null, id));
				}
				if (rs.getTimestamp(6) != null && rs.getBoolean(7)) {
					steps.add(new Step(rs.getTimestamp(6).toInstant(), "transfer-received", to, from, null, id));
				}
				return id;
			})
			.list();
		return steps.stream().sorted(Comparator.comparing(Step::at).reversed()).limit(STEPS).toList();
	}

}
