package org.branchlink.gateway.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request contradicts what is stored (a second card for one person, a renewal over the limit): 409, worded by
 * its {@link CodedRefusal} code in the reader's language.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException implements CodedRefusal {

	private final String code;

	private final transient Object[] args;

	public ConflictException(String code, Object... args) {
		super(CodedRefusal.english(code, args));
		this.code = code;
		this.args = args.clone();
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public Object[] args() {
		return args.clone();
	}

}
