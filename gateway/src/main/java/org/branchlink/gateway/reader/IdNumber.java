package org.branchlink.gateway.reader;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The resident ID number (公民身份号码, GB 11643-1999): 18 characters, the last an ISO 7064 MOD 11-2 check. */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECKS = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumber() {
	}

	/** The number in canonical form (upper-case X) when it is well formed and its check character is right. */
	public static Optional<String> normalize(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.strip().toUpperCase(Locale.ROOT);
		if (!v.matches("\\d{17}[\\dX]")) {
			return Optional.empty();
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (v.charAt(i) - '0') * WEIGHTS[i];
		}
		if (CHECKS[sum % 11] != v.charAt(17) || birthDate(v).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(v);
	}

	/** The birth date the number encodes. */
	public static Optional<LocalDate> birthDate(String number) {
		try {
			return Optional.of(LocalDate.parse(number.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
		}
		catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

}
