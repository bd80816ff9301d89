package org.branchlink.gateway.schedule;

import java.util.Locale;

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

	/** A touring troupe performs; bookmobiles and culture trucks carry books unless configured otherwise. */
	static MobileService byDefault(SiteKind kind) {
		return kind == SiteKind.TOURING_TROUPE ? PERFORMANCE : BOOKS;
	}

}
