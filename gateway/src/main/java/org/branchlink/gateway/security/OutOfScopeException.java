package org.branchlink.gateway.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A request that reaches outside the sites its caller may act for, with a message saying how (which site it names and
 * which it was made for). The API answers it as a 403 problem detail carrying that message; elsewhere it is an
 * {@link AccessDeniedException} like any other.
 */
public class OutOfScopeException extends AccessDeniedException {

	public OutOfScopeException(String message) {
		super(message);
	}

}
