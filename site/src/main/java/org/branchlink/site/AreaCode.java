package org.branchlink.site;

import java.util.regex.Pattern;

/**
 * A 12-digit statistical area code (统计用区划代码): province (2), prefecture (2), county (2), township (3), village
 * (3). Townships 001–099 are subdistricts (街道), 100–199 towns (镇), 200–399 townships (乡).
 *
 * @param value the twelve digits
 */
public record AreaCode(String value) {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	public AreaCode {
		if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("an area code has exactly 12 digits, got '" + value + "'");
		}
		if (value.startsWith("00")) {
			throw new IllegalArgumentException("area code '" + value + "' names no province");
		}
	}

	/** The first six digits: the county (GB/T 2260). */
	public String county() {
		return value.substring(0, 6);
	}

	/** The first nine digits: the township. */
	public String township() {
		return value.substring(0, 9);
	}

	public boolean isWithinCounty(AreaCode county) {
		return county().equals(county.county());
	}

	@Override
	public String toString() {
		return value;
	}

}
