package org.branchlink.catalog.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seven kinds of mass cultural activity of seed 000 (培训、讲座、赛事、服务、演出、展示、体验). */
public enum EventCategory {

	TRAINING("培训"), LECTURE("讲座"), COMPETITION("赛事"), SERVICE("服务"), PERFORMANCE("演出"), EXHIBITION("展示"),
	EXPERIENCE("体验");

	private final String zh;

	EventCategory(String zh) {
		this.zh = zh;
	}

	public String zh() {
		return zh;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** By code ({@code lecture}) or Chinese name ({@code 讲座}). */
	public static Optional<EventCategory> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		return Arrays.stream(values())
			.filter(c -> c.code().equalsIgnoreCase(wanted) || c.zh.equals(wanted))
			.findFirst();
	}

}
