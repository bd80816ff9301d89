package org.branchlink.gateway.site;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The thing asked for does not exist; answered as a 404 problem detail (API) or the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, String id) {
		super("no " + what + " '" + id + "'");
	}

}
