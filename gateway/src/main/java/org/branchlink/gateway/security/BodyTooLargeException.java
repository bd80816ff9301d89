package org.branchlink.gateway.security;

import java.io.IOException;

/** Thrown when a request body without a declared length grows past its limit while it is read (answered 413). */
public final class BodyTooLargeException extends IOException {

	private final long limit;

	BodyTooLargeException(long limit) {
		super("The request body is larger than this endpoint takes (" + limit + " bytes).");
		this.limit = limit;
	}

	/** The limit in bytes. */
	public long limit() {
		return limit;
	}

}
