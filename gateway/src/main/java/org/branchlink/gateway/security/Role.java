package org.branchlink.gateway.security;

/** Who may do what. Every handler names the roles it admits in its access rule ({@link AccessRule}). */
public enum Role {

	/** A registered reader (patron): searches, reserves, sees their own loans. */
	READER,
	/** Staff of one or more sites; may act for those sites and the sites below them. */
	LIBRARIAN,
	/** Central staff (总馆): the whole federation, the registry, operations. */
	CENTRAL_ADMIN,
	/** A site's own system (its ILS, a self-check machine), signing in with an API key. */
	SITE_SYSTEM,
	/**
	 * An auditor, a member of the governing board (理事会) or a third-party evaluator (第三方评估): reads the county's
	 * figures, reports, population and coverage and supervision, for every site; changes nothing.
	 */
	AUDITOR;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
