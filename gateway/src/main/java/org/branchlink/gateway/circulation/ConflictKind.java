package org.branchlink.gateway.circulation;

/**
 * Conflicts between what sites report and what BranchLink knew, each with the rule that settles it (the event is
 * always kept and applied when it can be; the conflict is listed for the librarian of the site where it happened, or
 * of the copy's owner for {@link #ON_ITS_OWNERS_SHELF}).
 */
public enum ConflictKind {

	/** A checkout of a copy on loan to another card: the earlier loan is closed at that moment, the new one opened. */
	CHECKOUT_WHILE_ON_LOAN,
	/** A copy set aside for a reader's hold was checked out to someone else (offline): the checkout stands, the hold goes back to the queue. */
	HELD_COPY_CHECKED_OUT,
	/** A checkin naming a card other than the borrower's: the copy is back, so the loan is closed. */
	CHECKIN_OTHER_READER,
	/** A renewal of a copy not on loan: ignored. */
	RENEW_NOT_ON_LOAN,
	/** A copy received at a site that is not its destination: it is sent on to its destination. */
	RECEIVED_AT_WRONG_SITE,
	/** A copy on loan was declared missing or sent in transit: the loan is closed at that moment. */
	LOAN_ENDED_BY_STAFF,
	/**
	 * A site declared lost or missing, or sent, another site's copy that stood on its owner's shelf: not applied (the
	 * copy stays where its owner has it); listed for the owner's librarians.
	 */
	ON_ITS_OWNERS_SHELF,
	/** A checkout for a card BranchLink does not know: the loan is kept under that card, with default terms. */
	UNKNOWN_READER,
	/** A barcode no site's catalogue has: the event is kept unapplied and retried on request. */
	UNKNOWN_ITEM,
	/** A barcode several sites use, and the event names no owner: kept unapplied. */
	AMBIGUOUS_ITEM

}
