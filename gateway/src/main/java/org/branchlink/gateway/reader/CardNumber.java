package org.branchlink.gateway.reader;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A reader card number: {@code BL}, then digits whose last is a Luhn check digit. New cards carry ten random digits
 * (not a sequence: a card number tells nothing of how many readers there are and cannot be guessed from another's);
 * cards issued before from a sequence ({@code BL} and nine digits) have the same check digit and stay valid. The check
 * catches any one mistyped or misread digit and most swaps of two neighbours, before the card is looked up.
 */
public final class CardNumber {

	static final String PREFIX = "BL";

	private static final int RANDOM_DIGITS = 10;

	private static final SecureRandom random = new SecureRandom();

	private CardNumber() {
	}

	/** A new card number: the prefix, ten random digits and their check digit. */
	static String issue() {
		StringBuilder digits = new StringBuilder(RANDOM_DIGITS + 1);
		for (int i = 0; i < RANDOM_DIGITS; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return PREFIX + digits + luhn(digits);
	}

	/** Whether {@code card} is {@code BL} and at least two digits, the last the Luhn check digit of the others. */
	public static boolean isWellFormed(String card) {
		if (card == null || card.length() < PREFIX.length() + 2 || !card.startsWith(PREFIX)) {
			return false;
		}
		String digits = card.substring(PREFIX.length());
		if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return luhn(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
	}

	/**
	 * A card number as typed or scanned at a desk, without surrounding blanks and with its prefix in capitals.
	 *
	 * @return empty when it is not a well-formed card number (a wrong check digit: mistyped or misread)
	 */
	public static Optional<String> typed(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String card = input.strip().toUpperCase(Locale.ROOT);
		return isWellFormed(card) ? Optional.of(card) : Optional.empty();
	}

	/** The Luhn check digit of a string of digits. */
	static int luhn(CharSequence digits) {
		int sum = 0;
		boolean twice = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return (10 - sum % 10) % 10;
	}

}
