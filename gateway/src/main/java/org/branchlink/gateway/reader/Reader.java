package org.branchlink.gateway.reader;

import java.time.LocalDate;
import java.time.Period;

/**
 * A registered reader: one card for the whole county.
 *
 * @param id internal id
 * @param cardNumber the surrogate card number (never the ID number)
 * @param name name
 * @param birthDate date of birth
 * @param category reader category (decides the loan terms)
 * @param homeSite the site where the reader registered
 * @param keepHistory the reader asked to keep their loan history (else loans are anonymised at return)
 * @param guardianName the guardian who consented, for a minor
 */
public record Reader(long id, String cardNumber, String name, LocalDate birthDate, String category, String homeSite,
		boolean keepHistory, String guardianName) {

	/** Under 14: all their information is sensitive personal information (PIPL Art. 28) and needs a guardian. */
	public static final int SENSITIVE_UNDER = 14;

	public int age(LocalDate today) {
		return Period.between(birthDate, today).getYears();
	}

	public boolean isSensitive(LocalDate today) {
		return age(today) < SENSITIVE_UNDER;
	}

}
