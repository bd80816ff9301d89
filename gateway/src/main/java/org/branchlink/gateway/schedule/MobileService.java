package org.branchlink.gateway.schedule;

import java.util.Locale;

import org.branchlink.catalog.event.EventCategory;
import org.branchlink.site.SiteKind;

/**
 * What a mobile unit brings to the villages (seed 001: 流动服务 — books, performances sent to the countryside, film
 * screenings). Each service has its own plans, frequency and units; a unit serves one service, by default the one
 * its kind suggests ({@link #byDefault}) or as configured ({@code branchlink.schedule.units.<id>.service}).
 */
public enum MobileService {

	/** The bookmobile: lending, returns, cards and holds at the stop (流动图书车). */
	BOOKS,

	/** A touring troupe's performance (送戏下乡). */
	PERFORMANCE,

	/** A film screening (农村公益电影放映). */
	FILM;

	/** The code in settings, the API and the database: {@code books}, {@code performance}, {@code film}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The service of a code, as {@link #code()} writes it (case ignored). */
	public static MobileService of(String code) {
		for (MobileService service : values()) {
			if (service.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
				return service;
			}
		}
		throw new IllegalArgumentException("not a mobile service: '" + code + "' (books, performance or film)");
	}

	/** The title of a stop's published event: what comes where. */
	String title(String unit, String stop) {
		return switch (this) {
			case BOOKS -> unit + "到访：" + stop;
			case PERFORMANCE -> "送戏下乡：" + unit + "在" + stop + "演出";
			case FILM -> "公益电影放映：" + stop;
		};
	}

	/** The text of a stop's published event, in Chinese and English. */
	String description(String unit, String stop) {
		return switch (this) {
			case BOOKS -> unit + "今天在" + stop + "停靠：借书、还书、办证、取预约的书。 Mobile service stop: borrow, return, get a "
					+ "card, collect holds.";
			case PERFORMANCE -> unit + "今天到" + stop + "演出，免费观看。 A touring performance, free to attend.";
			case FILM -> unit + "今天在" + stop + "放映公益电影，免费观看。 A free film screening.";
		};
	}

	/** The category of seed 000 a stop's event counts under: a performance is one; books and films are services. */
	EventCategory category() {
		return this == PERFORMANCE ? EventCategory.PERFORMANCE : EventCategory.SERVICE;
	}

	/** A touring troupe performs; bookmobiles and culture trucks carry books unless configured otherwise. */
	static MobileService byDefault(SiteKind kind) {
		return kind == SiteKind.TOURING_TROUPE ? PERFORMANCE : BOOKS;
	}

}
