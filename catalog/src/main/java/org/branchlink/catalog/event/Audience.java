package org.branchlink.catalog.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Special groups an event is meant for (seeds 001 and 003); an event without any is for everyone. */
public enum Audience {

	CHILDREN("少儿"), ELDERLY("老年人"), DISABLED("残障人士"), MIGRANT_WORKERS("务工人员");

	private final String zh;

	Audience(String zh) {
		this.zh = zh;
	}

	public String zh() {
		return zh;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Audience> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip().replace('-', '_');
		return Arrays.stream(values())
			.filter(a -> a.code().equalsIgnoreCase(wanted) || a.zh.equals(text.strip()))
			.findFirst();
	}

}
