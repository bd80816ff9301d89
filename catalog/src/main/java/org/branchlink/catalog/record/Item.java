package org.branchlink.catalog.record;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * One copy held by a site.
 *
 * @param barcode the copy's barcode, unique within its site
 * @param callNumber its call number (索书号), may be empty
 * @param location its shelving location (馆藏地), may be empty
 * @param status its status code from DOMAIN.md §5.5 ({@code available}, {@code on_loan}, {@code in_transit}…)
 * @param acquired the day it entered the collection (入藏日期), null when the source does not say
 */
public record Item(String barcode, String callNumber, String location, String status, LocalDate acquired) {

	public static final String AVAILABLE = "available";

	public Item(String barcode, String callNumber, String location, String status) {
		this(barcode, callNumber, location, status, null);
	}

	@Override
	public String toString() {
		return appendTo(new StringBuilder(96)).toString();
	}

	/** Appends what the generated {@code toString} would give (see {@link BibRecord#toString()}). */
	StringBuilder appendTo(StringBuilder text) {
		return text.append("Item[barcode=").append(barcode).append(", callNumber=").append(callNumber)
			.append(", location=").append(location).append(", status=").append(status)
			.append(", acquired=").append(acquired).append(']');
	}

	public boolean isAvailable() {
		return AVAILABLE.equals(status);
	}

	/**
	 * A day as holdings systems write it: {@code 2026-11-02}, {@code 2026/11/02}, {@code 2026.11.02} or
	 * {@code 20261102}; null for anything else (the date is optional, a bad one loses nothing else of the record).
	 */
	public static LocalDate day(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.strip().replaceAll("[/.年月]", "-").replace("日", "");
		try {
			if (digits.matches("\\d{8}")) {
				return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
						Integer.parseInt(digits.substring(6, 8)));
			}
			if (digits.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
				String[] parts = digits.split("-");
				return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

}
