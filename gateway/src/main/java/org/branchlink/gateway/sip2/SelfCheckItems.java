package org.branchlink.gateway.sip2;

import java.util.Optional;

import org.branchlink.catalog.ItemAvailability;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.CirculationQueries;
import org.branchlink.gateway.circulation.CirculationQueries.CopyView;
import org.branchlink.gateway.circulation.CopyStatus;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.stereotype.Component;

/** Item information (17) and the ACS status (99 → 98) for a kiosk. */
@Component
class SelfCheckItems {

	/**
	 * The messages this server answers, in BX's order: patron status, checkout, checkin, block patron, SC status,
	 * resend, login, patron information, end session, fee paid, item information, item status update, patron enable,
	 * hold, renew, renew all.
	 */
	static final String SUPPORTED = "YYYNYYYYYNYNNYYY";

	private final ItemAvailability items;

	private final CirculationQueries lending;

	private final SelfCheckQueries queries;

	private final SiteDirectory sites;

	private final KioskTexts texts;

	SelfCheckItems(ItemAvailability items, CirculationQueries lending, SelfCheckQueries queries, SiteDirectory sites,
			KioskTexts texts) {
		this.items = items;
		this.lending = lending;
		this.queries = queries;
		this.sites = sites;
		this.texts = texts;
	}

	/**
	 * 17 → 18: circulation status, security marker, fee type, date; CF (hold queue length) AH (due date) AB AJ (title)
	 * BG (owner) AQ (permanent location) AP (current location) AF.
	 */
	Sip2Message itemInformation(Kiosk kiosk, Sip2Message request) {
		String barcode = request.text("AB").orElse("");
		Optional<ItemRef> item = barcode.isEmpty() ? Optional.empty() : items.find(barcode).stream().findFirst();
		if (item.isEmpty()) {
			return Sip2Message.of("18").fixed("01", "00", "01", kiosk.now())
				.field("AB", barcode)
				.field("AJ", "")
				.field("AF", texts.text("sip2.refused.unknown-item"))
				.build();
		}
		ItemRef copy = item.get();
		Optional<CopyView> state = lending.copy(barcode).filter(c -> c.siteId().equals(copy.siteId()));
		CopyStatus status = state.map(c -> CopyStatus.of(c.status())).orElse(CopyStatus.AVAILABLE);
		String here = status == CopyStatus.ON_LOAN || status == CopyStatus.LOST || status == CopyStatus.MISSING ? null
				: state.map(CopyView::atSite).filter(s -> s != null).orElse(copy.siteId());
		return Sip2Message.of("18").fixed(circulationStatus(status), "00", "01", kiosk.now())
			.field("CF", Integer.toString(queries.holdQueue(copy.workId())))
			.optional("AH", state.map(CopyView::dueAt).map(kiosk::date).orElse(null))
			.field("AB", barcode)
			.field("AJ", queries.title(copy.siteId(), barcode).orElse(""))
			.field("BG", copy.siteId())
			.field("AQ", copy.siteId())
			.optional("AP", here)
			.optional("CT", state.map(CopyView::destination).orElse(null))
			.field("AF", texts.text("sip2.item." + status.code()))
			.build();
	}

	/** SIP2's circulation status for a copy's lending status. */
	static String circulationStatus(CopyStatus status) {
		return switch (status) {
			case AVAILABLE -> "03";
			case ON_LOAN -> "04";
			case ON_HOLD_SHELF -> "08";
			case IN_TRANSIT -> "10";
			case LOST -> "12";
			case MISSING -> "13";
		};
	}

	/**
	 * 99 → 98: online, checkin ok, checkout ok, renewal policy, status update ok, offline ok, timeout, retries, date,
	 * protocol version; AO AM (site name) BX (supported messages) AN (the kiosk) AF.
	 */
	Sip2Message status(Kiosk kiosk) {
		String name = sites.current().flatMap(r -> r.find(kiosk.siteId())).map(Site::name).map(n -> n.zh())
			.orElse(kiosk.siteId());
		return Sip2Message.of("98").fixed("Y", "Y", "Y", "Y", "N", "N", "030", "003", kiosk.now(), "2.00")
			.field("AO", kiosk.siteId())
			.field("AM", name)
			.field("BX", SUPPORTED)
			.field("AN", kiosk.account().username())
			.build();
	}

}
