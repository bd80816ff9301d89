package org.branchlink.gateway.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A protocol request, checked as section 3.1 of OAI-PMH 2.0 asks: one legal verb (else badVerb), only the arguments
 * the verb takes, none repeated or empty, the required ones present, {@code resumptionToken} exclusive, dates at one
 * granularity and in order (else badArgument).
 *
 * @param verb the verb
 * @param arguments the arguments other than the verb, in the order given
 */
record OaiRequest(Verb verb, Map<String, String> arguments) {

	static final String IDENTIFIER = "identifier";

	static final String METADATA_PREFIX = "metadataPrefix";

	static final String FROM = "from";

	static final String UNTIL = "until";

	static final String SET = "set";

	static final String RESUMPTION_TOKEN = "resumptionToken";

	/** The six verbs with the arguments each requires and allows. */
	enum Verb {

		Identify(Set.of(), Set.of()), ListMetadataFormats(Set.of(), Set.of(IDENTIFIER)),
		ListSets(Set.of(), Set.of(RESUMPTION_TOKEN)),
		ListIdentifiers(Set.of(METADATA_PREFIX), Set.of(FROM, UNTIL, SET, RESUMPTION_TOKEN)),
		ListRecords(Set.of(METADATA_PREFIX), Set.of(FROM, UNTIL, SET, RESUMPTION_TOKEN)),
		GetRecord(Set.of(IDENTIFIER, METADATA_PREFIX), Set.of());

		private final Set<String> required;

		private final Set<String> optional;

		Verb(Set<String> required, Set<String> optional) {
			this.required = required;
			this.optional = optional;
		}

	}

	/** Checks the request's parameters (query string and form body together). */
	static OaiRequest parse(Map<String, String[]> parameters) {
		String[] verbs = parameters.get("verb");
		if (verbs == null || verbs.length != 1) {
			throw new OaiRefusal(OaiError.BAD_VERB, verbs == null ? "The request has no verb." : "The verb is repeated.");
		}
		Verb verb = Arrays.stream(Verb.values())
			.filter(v -> v.name().equals(verbs[0]))
			.findFirst()
			.orElseThrow(() -> new OaiRefusal(OaiError.BAD_VERB, "Not an OAI-PMH verb: " + verbs[0]));
		Map<String, String> arguments = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.equals("verb")) {
				return;
			}
			if (!verb.required.contains(name) && !verb.optional.contains(name)) {
				throw new OaiRefusal(OaiError.BAD_ARGUMENT, verb + " does not take the argument " + name + ".");
			}
			if (values.length != 1) {
				throw new OaiRefusal(OaiError.BAD_ARGUMENT, "The argument " + name + " is repeated.");
			}
			if (values[0].isEmpty()) {
				throw new OaiRefusal(OaiError.BAD_ARGUMENT, "The argument " + name + " is empty.");
			}
			arguments.put(name, values[0]);
		});
		if (arguments.containsKey(RESUMPTION_TOKEN)) {
			if (arguments.size() > 1) {
				throw new OaiRefusal(OaiError.BAD_ARGUMENT, "resumptionToken is an exclusive argument.");
			}
		}
		else {
			for (String name : verb.required) {
				if (!arguments.containsKey(name)) {
					throw new OaiRefusal(OaiError.BAD_ARGUMENT, verb + " requires the argument " + name + ".");
				}
			}
		}
		OaiRequest request = new OaiRequest(verb, arguments);
		request.window();
		return request;
	}

	Optional<String> argument(String name) {
		return Optional.ofNullable(arguments.get(name));
	}

	/**
	 * The {@code from} and {@code until} of a list as instants: from inclusive, until exclusive (the end of the second
	 * or the day it names); each null when absent.
	 */
	Window window() {
		String from = arguments.get(FROM);
		String until = arguments.get(UNTIL);
		if (from != null && until != null && from.length() != until.length()) {
			throw new OaiRefusal(OaiError.BAD_ARGUMENT, "from and until have different granularities.");
		}
		Window window = new Window(from == null ? null : instant(FROM, from, false),
				until == null ? null : instant(UNTIL, until, true));
		if (window.from() != null && window.before() != null && !window.from().isBefore(window.before())) {
			throw new OaiRefusal(OaiError.BAD_ARGUMENT, "from is later than until.");
		}
		return window;
	}

	/**
	 * @param from the earliest datestamp listed, inclusive; null for none
	 * @param before the first instant not listed; null for none
	 */
	record Window(Instant from, Instant before) {
	}

	private static Instant instant(String name, String value, boolean end) {
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (value.length() == 20 && value.endsWith("Z")) {
				Instant second = Instant.parse(value);
				return end ? second.plus(1, ChronoUnit.SECONDS) : second;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		throw new OaiRefusal(OaiError.BAD_ARGUMENT,
				"The argument " + name + " is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): " + value);
	}

}
