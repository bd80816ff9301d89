package org.branchlink.gateway.sip2;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.CirculationProperties;
import org.branchlink.gateway.circulation.CirculationQueries;
import org.branchlink.gateway.circulation.CirculationQueries.LoanView;
import org.branchlink.gateway.circulation.LoanTerms;
import org.branchlink.gateway.holds.HoldPolicy;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.holds.HoldQueue.HoldView;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.stereotype.Component;

/**
 * Patron status (23), patron information (63: loans, overdue loans, holds), hold (15) and end session (35) for a reader
 * at a kiosk. Readers are found by their county card (AA); a password (AD), when the kiosk asks for one, is the one of
 * the reader's sign-in account.
 */
@Component
class SelfCheckPatrons {

	private final ReaderRegistry readers;

	private final CirculationQueries loans;

	private final CirculationProperties lending;

	private final HoldQueue holds;

	private final HoldPolicy holdPolicy;

	private final ItemAvailability items;

	private final SelfCheckQueries queries;

	private final KioskTexts texts;

	SelfCheckPatrons(ReaderRegistry readers, CirculationQueries loans, CirculationProperties lending, HoldQueue holds,
			HoldPolicy holdPolicy, ItemAvailability items, SelfCheckQueries queries, KioskTexts texts) {
		this.readers = readers;
		this.loans = loans;
		this.lending = lending;
		this.holds = holds;
		this.holdPolicy = holdPolicy;
		this.items = items;
		this.queries = queries;
		this.texts = texts;
	}

	/** 23 → 24: patron status, language, date; AO AA AE (name) BL (valid patron) CQ (valid password) AF. */
	Sip2Message patronStatus(Kiosk kiosk, Sip2Message request) {
		String card = request.text("AA").orElse("");
		Optional<Reader> reader = readers.byCard(card);
		List<LoanView> open = reader.map(r -> loans.openLoans(r.cardNumber())).orElse(List.of());
		return patron(Sip2Message.of("24").fixed(status(reader, open), request.fixed(0, 3), kiosk.now())
			.field("AO", kiosk.siteId())
			.field("AA", card)
			.field("AE", reader.map(Reader::name).orElse("")), request, reader, card).build();
	}

	/**
	 * 63 → 64: patron status, language, date, counts of holds ready, overdue, charged, fines, recalls, holds not yet
	 * ready; AO AA AE BZ CA CB BL CQ, then the items the summary asks for (AS holds ready, AT overdue, AU charged, CD
	 * holds not ready) from BP to BQ; AQ (home site) AF.
	 */
	Sip2Message patronInformation(Kiosk kiosk, Sip2Message request) {
		String card = request.text("AA").orElse("");
		Optional<Reader> reader = readers.byCard(card);
		Instant now = kiosk.clock().instant();
		List<LoanView> open = reader.map(r -> loans.openLoans(r.cardNumber())).orElse(List.of());
		List<LoanView> overdue = open.stream().filter(l -> l.overdue(now)).toList();
		List<HoldView> all = reader.map(r -> holds.holdsOf(r.cardNumber())).orElse(List.of());
		List<HoldView> ready = all.stream().filter(h -> h.status().equals("ready")).toList();
		List<HoldView> waiting = all.stream().filter(h -> !h.status().equals("ready")).toList();
		LoanTerms terms = reader.map(r -> lending.terms(r.category())).orElse(null);
		Sip2Message.Builder answer = Sip2Message.of("64").fixed(status(reader, open), request.fixed(0, 3), kiosk.now())
			.count(ready.size(), 4).count(overdue.size(), 4).count(open.size(), 4).count(0, 4).count(0, 4)
			.count(waiting.size(), 4)
			.field("AO", kiosk.siteId())
			.field("AA", card)
			.field("AE", reader.map(Reader::name).orElse(""));
		if (terms != null) {
			answer.field("BZ", String.format("%04d", holdPolicy.perReader())).field("CA", String.format("%04d", terms.loanLimit()))
				.field("CB", String.format("%04d", terms.loanLimit()));
		}
		String summary = request.fixed(21, 31);
		int from = Math.max(1, request.text("BP").map(SelfCheckPatrons::number).orElse(1));
		int to = request.text("BQ").map(SelfCheckPatrons::number).orElse(Integer.MAX_VALUE);
		List<String> listed = switch (summary.indexOf('Y')) {
			case 0 -> ready.stream().map(HoldView::title).toList();
			case 1 -> overdue.stream().map(LoanView::barcode).toList();
			case 2 -> open.stream().map(LoanView::barcode).toList();
			case 5 -> waiting.stream().map(HoldView::title).toList();
			default -> List.of();
		};
		String listId = switch (summary.indexOf('Y')) {
			case 0 -> "AS";
			case 1 -> "AT";
			case 5 -> "CD";
			default -> "AU";
		};
		listed.stream().skip(from - 1L).limit(Math.max(0, to - from + 1L)).forEach(item -> answer.field(listId, item));
		reader.ifPresent(r -> answer.field("AQ", r.homeSite()));
		return patron(answer, request, reader, card).build();
	}

	/** BL (valid patron), CQ (valid password, when one was sent) and AF, common to 24 and 64. */
	private Sip2Message.Builder patron(Sip2Message.Builder answer, Sip2Message request, Optional<Reader> reader,
			String card) {
		answer.field("BL", reader.isPresent() ? "Y" : "N");
		request.field("AD").filter(p -> !p.isEmpty() && reader.isPresent())
			.ifPresent(password -> answer.field("CQ", queries.readerPassword(card, password) ? "Y" : "N"));
		return answer.field("AF", reader.isPresent() ? texts.text("sip2.patron.welcome", reader.get().name())
				: texts.text("sip2.refused.unknown-reader"));
	}

	/** The 14 patron status flags: only "charge privileges denied" and "too many items charged" are ever set. */
	private String status(Optional<Reader> reader, List<LoanView> open) {
		boolean full = reader.map(r -> open.size() >= lending.terms(r.category()).loanLimit()).orElse(false);
		return (full ? "Y" : " ") + "    " + (full ? "Y" : " ") + " ".repeat(8);
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/**
	 * 15 → 16: ok, available, date; BR (queue position) BS (pickup) AO AA AB AJ AF. Mode {@code +} places a hold on the
	 * copy's work (hold type 3: on that copy), picked up at BS or at the kiosk's site; placing the same hold again
	 * answers with the one already placed. Mode {@code -} cancels the reader's hold on that work.
	 */
	Sip2Message hold(Kiosk kiosk, Sip2Message request) {
		char mode = request.fixed().charAt(0);
		String card = request.text("AA").orElse("");
		String barcode = request.text("AB").orElse("");
		Optional<Reader> reader = readers.byCard(card);
		Optional<ItemRef> copy = barcode.isEmpty() ? Optional.empty() : items.find(barcode).stream().findFirst();
		String pickup = request.text("BS").orElse(kiosk.siteId());
		HoldView hold = null;
		String refusal = reader.isEmpty() ? texts.text("sip2.refused.unknown-reader")
				: copy.isEmpty() ? texts.text("sip2.refused.unknown-item") : null;
		if (refusal == null) {
			Optional<HoldView> existing = holds.holdsOf(card).stream()
				.filter(h -> h.workId().equals(copy.get().workId())).findFirst();
			try {
				if (mode == '+') {
					hold = existing.orElseGet(() -> holds.place(reader.get(), copy.get().workId(),
							"3".equals(request.text("BY").orElse("")) ? copy.get() : null, pickup));
				}
				else if (mode == '-' && existing.isPresent()) {
					holds.cancel(reader.get(), existing.get().id());
					hold = holds.view(existing.get().id());
				}
				else {
					refusal = texts.text(mode == '-' ? "sip2.hold.none" : "sip2.hold.mode", String.valueOf(mode));
				}
			}
			catch (IllegalArgumentException | ConflictException ex) {
				refusal = texts.text("sip2.refused.other", ex.getMessage());
			}
		}
		boolean ok = refusal == null;
		boolean available = ok && mode == '+' && !"waiting".equals(hold.status());
		Sip2Message.Builder answer = Sip2Message.of("16").fixed(ok ? "1" : "0", available ? "Y" : "N", kiosk.now());
		if (ok && mode == '+') {
			answer.field("BR", Integer.toString(queries.queuePosition(hold.id()))).field("BS", hold.pickupSite());
		}
		return answer.field("AO", kiosk.siteId()).field("AA", card).field("AB", barcode)
			.optional("AJ", ok ? hold.title() : null)
			.field("AF", ok ? texts.text(mode == '+' ? "sip2.hold.placed" : "sip2.hold.cancelled") : refusal)
			.build();
	}

	/** 35 → 36: end session, date; AO AA AF. */
	Sip2Message endSession(Kiosk kiosk, Sip2Message request) {
		return Sip2Message.of("36").fixed("Y", kiosk.now())
			.field("AO", kiosk.siteId())
			.field("AA", request.text("AA").orElse(""))
			.field("AF", texts.text("sip2.session.ended"))
			.build();
	}

}
