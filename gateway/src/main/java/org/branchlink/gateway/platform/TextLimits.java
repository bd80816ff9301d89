package org.branchlink.gateway.platform;

/**
 * The longest text a field takes. Over the limit, the request is refused with 400 naming the field and its limit
 * (documented in {@code src/docs/security.md}, "Limits"); nothing of it is stored.
 */
public final class TextLimits {

	/** A person's name or a short label. */
	public static final int NAME = 50;

	/** A phone number, an e-mail address, a short reference. */
	public static final int CONTACT = 100;

	/** A title, a place, a skill. */
	public static final int TITLE = 200;

	/** What a resident asks for, a survey's free answer. */
	public static final int MESSAGE = 2_000;

	/** A description or an answer written by staff. */
	public static final int TEXT = 10_000;

	private TextLimits() {
	}

	/**
	 * @return the text as given
	 * @throws TooLongException when it has more than {@code max} characters (code points)
	 */
	public static String require(String field, String text, int max) {
		if (text != null && text.length() > max && text.codePointCount(0, text.length()) > max) {
			throw new TooLongException(field, max);
		}
		return text;
	}

	/** A text over its field's limit. */
	public static final class TooLongException extends IllegalArgumentException {

		private final String field;

		private final int max;

		TooLongException(String field, int max) {
			super(field + " is longer than " + max + " characters");
			this.field = field;
			this.max = max;
		}

		public String field() {
			return field;
		}

		public int max() {
			return max;
		}

	}

}
