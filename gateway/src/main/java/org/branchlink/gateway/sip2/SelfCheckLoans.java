package org.branchlink.gateway.sip2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.branchlink.gateway.circulation.CirculationQueries;
import org.branchlink.gateway.circulation.CirculationQueries.CopyView;
import org.branchlink.gateway.circulation.CirculationQueries.LoanView;
import org.branchlink.gateway.circulation.CopyStatus;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;

import org.springframework.stereotype.Component;

/**
 * Checkout (11), checkin (09), renew (29) and renew all (65) from a kiosk, each answered with its response. Every one
 * goes through {@link LendingDesk} like a loan at a desk: the same rules, the same intake (deduplication, per-copy
 * order, conflicts). The kiosk's site is the event's site; the event's id comes from the request (see
 * {@link Kiosk#eventId}), so a request sent again is a duplicate and answered as the first was.
 */
@Component
class SelfCheckLoans {

	private final LendingDesk desk;

	private final CirculationQueries queries;

	private final ReaderRegistry readers;

	private final SelfCheckQueries catalogue;

	private final KioskTexts texts;

	SelfCheckLoans(LendingDesk desk, CirculationQueries queries, ReaderRegistry readers, SelfCheckQueries catalogue,
			KioskTexts texts) {
		this.desk = desk;
		this.queries = queries;
		this.readers = readers;
		this.catalogue = catalogue;
		this.texts = texts;
	}

	/** 11 → 12: ok, renewal ok, magnetic media, desensitize, date; AO AA AB AJ AH (due) AF. */
	Sip2Message checkout(Kiosk kiosk, Sip2Message request) {
		String date = request.fixed(2, 20);
		String card = request.text("AA").orElse("");
		String barcode = request.text("AB").orElse("");
		String refusal = null;
		try {
			// the desk checks card and copy itself: an unknown one is refused before anything is stored
			desk.checkout(kiosk.siteId(), card, barcode, kiosk.eventId(request.code(), date, barcode),
					kiosk.occurredAt(date, barcode));
		}
		catch (LendingDesk.UnknownCard ex) {
			refusal = texts.text("sip2.refused.unknown-reader");
		}
		catch (LendingDesk.UnknownCopy ex) {
			refusal = texts.text("sip2.refused.unknown-item");
		}
		catch (IllegalArgumentException | ConflictException ex) {
			// the same request again after its answer was lost, now over the limit it made: answered as the first
			refusal = onLoanTo(card, barcode).isPresent() ? null : texts.text("sip2.refused.other", ex.getMessage());
		}
		boolean ok = refusal == null;
		Optional<LoanView> loan = ok ? onLoanTo(card, barcode) : Optional.empty();
		return Sip2Message.of("12").fixed(ok ? "1" : "0", "N", "U", ok ? "Y" : "N", kiosk.now())
			.field("AO", kiosk.siteId())
			.field("AA", card)
			.field("AB", barcode)
			.field("AJ", loan.map(LoanView::title).orElse(""))
			.optional("AH", loan.map(l -> kiosk.date(l.dueAt())).orElse(null))
			.field("AF", !ok ? refusal : loan.map(l -> texts.text("sip2.checkout.ok", kiosk.date(l.dueAt())))
				.orElseGet(() -> texts.text("sip2.checkout.accepted")))
			.build();
	}

	/** 09 → 10: ok, resensitize, magnetic media, alert, date; AO AB AQ AJ CL (sort bin) CT (destination) CV AF. */
	Sip2Message checkin(Kiosk kiosk, Sip2Message request) {
		String date = request.fixed(1, 19);
		String returnDate = request.fixed(19, 37);
		String barcode = request.text("AB").orElse("");
		Instant returned = kiosk.occurredAt(Sip2Date.parse(returnDate, kiosk.zone()).isPresent() ? returnDate : date,
				barcode);
		String refusal = null;
		try {
			desk.checkin(kiosk.siteId(), barcode, kiosk.eventId(request.code(), date, barcode), returned);
		}
		catch (LendingDesk.UnknownCopy ex) {
			refusal = texts.text("sip2.refused.unknown-item");
		}
		catch (IllegalArgumentException | ConflictException ex) {
			refusal = texts.text("sip2.refused.other", ex.getMessage());
		}
		Optional<CopyView> copy = refusal == null ? queries.copy(barcode) : Optional.empty();
		Routing routing = copy.map(Routing::of).orElse(Routing.SHELVE);
		Sip2Message.Builder answer = Sip2Message.of("10")
			.fixed(refusal == null ? "1" : "0", refusal == null ? "Y" : "N", "U", routing.alert ? "Y" : "N", kiosk.now())
			.field("AO", kiosk.siteId())
			.field("AB", barcode);
		copy.ifPresent(c -> answer.field("AQ", c.siteId()).optional("AJ", c.title().isEmpty() ? null : c.title()));
		if (routing.alert) {
			answer.field("CL", routing.destination(copy.get())).field("CT", routing.destination(copy.get()))
				.field("CV", routing.alertType);
		}
		return answer.field("AF", refusal != null ? refusal
				: texts.text("sip2.checkin." + routing.name().toLowerCase(Locale.ROOT),
						copy.map(routing::destination).orElse(""))).build();
	}

	/** Where a returned copy goes, as the checkin's alert type (CV) says it. */
	private enum Routing {

		/** back on this site's shelf */
		SHELVE(false, "00"),
		/** on this site's hold shelf for a reader */
		HOLD_HERE(true, "01"),
		/** to another site, where a reader collects it */
		HOLD_ELSEWHERE(true, "02"),
		/** to another site, its owner */
		SEND(true, "04");

		private final boolean alert;

		private final String alertType;

		Routing(boolean alert, String alertType) {
			this.alert = alert;
			this.alertType = alertType;
		}

		static Routing of(CopyView copy) {
			CopyStatus status = CopyStatus.of(copy.status());
			if (status == CopyStatus.ON_HOLD_SHELF) {
				return HOLD_HERE;
			}
			if (status == CopyStatus.IN_TRANSIT) {
				return copy.destination() != null && copy.destination().equals(copy.holdPickup()) ? HOLD_ELSEWHERE : SEND;
			}
			return SHELVE;
		}

		String destination(CopyView copy) {
			return this == HOLD_HERE ? "hold" : copy.destination() == null ? "" : copy.destination();
		}

	}

	/** 29 → 30: ok, renewal ok, magnetic media, desensitize, date; AO AA AB AJ AH (new due date) AF. */
	Sip2Message renew(Kiosk kiosk, Sip2Message request) {
		String date = request.fixed(2, 20);
		String card = request.text("AA").orElse("");
		String barcode = request.text("AB").orElse("");
		Optional<Reader> reader = readers.byCard(card);
		String refusal = reader.isEmpty() ? texts.text("sip2.refused.unknown-reader") : renewOne(kiosk, reader.get(),
				barcode, kiosk.eventId(request.code(), date, barcode), date);
		Optional<LoanView> loan = onLoanTo(card, barcode);
		boolean ok = refusal == null && loan.isPresent();
		return Sip2Message.of("30").fixed(ok ? "1" : "0", ok ? "Y" : "N", "U", "N", kiosk.now())
			.field("AO", kiosk.siteId())
			.field("AA", card)
			.field("AB", barcode)
			.field("AJ", loan.map(LoanView::title).orElse(""))
			.optional("AH", ok ? kiosk.date(loan.get().dueAt()) : null)
			.field("AF", ok ? texts.text("sip2.renew.ok", kiosk.date(loan.get().dueAt()))
					: refusal != null ? refusal : texts.text("sip2.refused.not-on-loan"))
			.build();
	}

	/** 65 → 66: ok, renewed count, unrenewed count, date; AO BM (renewed) BN (not renewed) AF. */
	Sip2Message renewAll(Kiosk kiosk, Sip2Message request) {
		String date = request.fixed(0, 18);
		Optional<Reader> reader = request.text("AA").flatMap(readers::byCard);
		List<String> renewed = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		reader.ifPresent(r -> queries.openLoans(r.cardNumber()).forEach(loan -> {
			String eventId = kiosk.eventId(request.code(), date, loan.barcode());
			(renewOne(kiosk, r, loan.barcode(), eventId, date) == null ? renewed : refused).add(loan.barcode());
		}));
		Sip2Message.Builder answer = Sip2Message.of("66").fixed(reader.isPresent() ? "1" : "0")
			.count(renewed.size(), 4)
			.count(refused.size(), 4)
			.fixed(kiosk.now())
			.field("AO", kiosk.siteId());
		renewed.forEach(barcode -> answer.field("BM", barcode));
		refused.forEach(barcode -> answer.field("BN", barcode));
		return answer.field("AF", reader.isEmpty() ? texts.text("sip2.refused.unknown-reader")
				: texts.text("sip2.renew-all.done", renewed.size(), refused.size())).build();
	}

	/** Renews the reader's loan of a copy; null when renewed (now or by this same request before), else why not. */
	private String renewOne(Kiosk kiosk, Reader reader, String barcode, String eventId, String date) {
		Optional<LoanView> loan = onLoanTo(reader.cardNumber(), barcode);
		if (loan.isEmpty()) {
			return texts.text("sip2.refused.not-on-loan");
		}
		if (catalogue.received(loan.get().checkoutSite(), eventId)) {
			return null;
		}
		try {
			desk.renew(reader, loan.get().id(), eventId, kiosk.occurredAt(date, barcode));
			return null;
		}
		catch (IllegalArgumentException | ConflictException ex) {
			return texts.text("sip2.refused.renewal-limit", ex.getMessage());
		}
	}

	private Optional<LoanView> onLoanTo(String card, String barcode) {
		return card.isEmpty() || barcode.isEmpty() ? Optional.empty() : queries.openLoan(card, barcode);
	}

}
