package org.branchlink.gateway.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal a person may read: a stable code ({@code renewal-limit}) and its arguments, worded by the message bundles
 * under {@code refusal.<code>} in the reader's language (the page's locale, or the API's {@code Accept-Language}).
 * The exception's own message is the English wording, for logs and for clients that ask for no language. An argument
 * that is itself a {@link MessageSourceResolvable} (a reader category, a status) is worded too.
 */
public interface CodedRefusal extends MessageSourceResolvable {

	String code();

	Object[] args();

	@Override
	default String[] getCodes() {
		return new String[] { "refusal." + code() };
	}

	@Override
	default Object[] getArguments() {
		return args();
	}

	@Override
	default String getDefaultMessage() {
		return english(code(), args());
	}

	/** A word from the bundles, as an argument of a refusal ({@code word("reader.category.adult")}). */
	static MessageSourceResolvable word(String key) {
		return new Word(key);
	}

	/** The English wording, read from the English bundle without Spring (for the exception's message). */
	static String english(String code, Object... args) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ENGLISH,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		try {
			String pattern = bundle.getString("refusal." + code);
			Object[] worded = Arrays.stream(args)
				.map(arg -> arg instanceof MessageSourceResolvable word ? englishWord(bundle, word) : arg)
				.toArray();
			return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(worded);
		}
		catch (MissingResourceException ex) {
			return code + " " + Arrays.toString(args);
		}
	}

	private static String englishWord(ResourceBundle bundle, MessageSourceResolvable word) {
		for (String code : word.getCodes()) {
			if (bundle.containsKey(code)) {
				return bundle.getString(code);
			}
		}
		return word.getDefaultMessage();
	}

	/** A bundle key as an argument, falling back to the key's last part. */
	record Word(String key) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return new String[] { key };
		}

		@Override
		public String getDefaultMessage() {
			return key.substring(key.lastIndexOf('.') + 1);
		}

		@Override
		public String toString() {
			return getDefaultMessage();
		}

	}

}
