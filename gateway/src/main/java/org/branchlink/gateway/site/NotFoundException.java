package org.branchlink.gateway.site;

/** The thing asked for does not exist; answered as a 404 problem detail. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, String id) {
		super("no " + what + " '" + id + "'");
	}

}
