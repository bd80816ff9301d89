package org.branchlink.catalog.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three modes of public culture service (seed 001: 场馆服务、流动服务和数字服务): at a site's venue, brought to the people
 * by a mobile service (a mobile unit's stop, 送戏下乡), or online.
 */
public enum ServiceMode {

	/** At a site's venue (场馆服务). */
	VENUE,
	/** Brought out by a mobile service (流动服务). */
	MOBILE,
	/** Online: streamed or recorded (数字服务). */
	DIGITAL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ServiceMode> parse(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(mode -> mode.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
	}

}
