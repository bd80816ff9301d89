package org.branchlink.catalog.record;

import java.util.Optional;

/** ISBN normalization: ISBN-10 and ISBN-13, hyphens, spaces and qualifiers stripped, to a checked ISBN-13. */
public final class Isbn {

	private Isbn() {
	}

	/**
	 * @param text an ISBN as catalogued, e.g. {@code 7-5037-1744-0}, {@code 978-7-5339-7402-2 (精装)}, {@code
	 * 0812968069 (pbk.)}
	 * @return the ISBN-13, or empty when the text holds no ISBN with a valid check digit
	 */
	public static Optional<String> normalize(String text) {
		if (text == null) {
			return Optional.empty();
		}
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < text.length() && digits.length() < 13; i++) {
			char c = Character.toUpperCase(text.charAt(i));
			if (c >= '０' && c <= '９') {
				c = (char) (c - '０' + '0');
			}
			if (Character.isDigit(c) || c == 'X' && digits.length() == 9) {
				digits.append(c);
			}
			else if (c != '-' && c != ' ' && c != '‐' && c != '－' && digits.length() > 0) {
				break;
			}
		}
		String value = digits.toString();
		if (value.length() == 13 && (value.startsWith("978") || value.startsWith("979")) && check13(value)) {
			return Optional.of(value);
		}
		if (value.length() >= 10 && check10(value.substring(0, 10))) {
			return Optional.of(toIsbn13(value.substring(0, 10)));
		}
		return Optional.empty();
	}

	/** The ISBN-10 form of an ISBN-13 starting 978, for searches typed the old way. */
	public static Optional<String> toIsbn10(String isbn13) {
		if (!isbn13.startsWith("978")) {
			return Optional.empty();
		}
		String body = isbn13.substring(3, 12);
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (10 - i) * (body.charAt(i) - '0');
		}
		int check = (11 - sum % 11) % 11;
		return Optional.of(body + (check == 10 ? "X" : String.valueOf(check)));
	}

	private static boolean check10(String isbn) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			char c = isbn.charAt(i);
			int value = c == 'X' ? 10 : c - '0';
			if (c == 'X' && i != 9) {
				return false;
			}
			sum += (10 - i) * value;
		}
		return sum % 11 == 0;
	}

	private static boolean check13(String isbn) {
		int sum = 0;
		for (int i = 0; i < 13; i++) {
			sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return sum % 10 == 0;
	}

	private static String toIsbn13(String isbn10) {
		String body = "978" + isbn10.substring(0, 9);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return body + (10 - sum % 10) % 10;
	}

}
