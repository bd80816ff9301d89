package org.branchlink.gateway.circulation;

/**
 * What a reader category may borrow.
 *
 * @param loanLimit copies on loan at once
 * @param loanDays days a loan runs
 * @param renewals renewals allowed per loan
 * @param renewalDays days a renewal adds
 */
public record LoanTerms(int loanLimit, int loanDays, int renewals, int renewalDays) {
}
