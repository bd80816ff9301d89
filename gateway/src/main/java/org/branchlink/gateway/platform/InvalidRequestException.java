package org.branchlink.gateway.platform;

/**
 * Input that cannot be accepted (a date in the past, an unknown barcode): 400, worded by its {@link CodedRefusal} code in
 * the reader's language; nothing already accepted is lost.
 */
public class InvalidRequestException extends IllegalArgumentException implements CodedRefusal {

	private final String code;

	private final transient Object[] args;

	public InvalidRequestException(String code, Object... args) {
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
