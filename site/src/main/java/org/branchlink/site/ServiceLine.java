package org.branchlink.site;

import java.util.Arrays;
import java.util.Optional;

/** The two parallel trees of a county federation, which share the same grassroots sites. */
public enum ServiceLine {

	/** The county library's tree (图书馆总分馆). */
	LIBRARY("library"),
	/** The county culture hall's tree (文化馆总分馆). */
	CULTURE_CENTER("culture_center");

	private final String code;

	ServiceLine(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ServiceLine> fromCode(String code) {
		return Arrays.stream(values()).filter(line -> line.code.equals(code)).findFirst();
	}

}
