package org.branchlink.gateway.sru;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.branchlink.catalog.cql.CqlRefusal;
import org.branchlink.catalog.cql.Diagnostic;

/**
 * An SRU request read from its parameters (query string and form body together). The version is {@code 1.2} when
 * absent; the operation {@code searchRetrieve} when absent with a query, {@code scan} with a scan clause, else
 * {@code explain}. {@link #check()} refuses what the server does not take: an unknown version (5) or operation (4),
 * a parameter the operation does not have (8, except {@code x-} extensions, which are ignored), a repeated one (6), a
 * stylesheet (110).
 *
 * @param version the version asked for; {@link Version#V1_2} when it is not supported (the answer then carries 5)
 * @param askedVersion the version parameter as given, or null
 * @param operation the operation, or null when unknown
 * @param askedOperation the operation parameter as given, or null
 * @param parameters every parameter's first value
 * @param repeated the name of a parameter given twice, or null
 */
record SruRequest(Version version, String askedVersion, Operation operation, String askedOperation,
		Map<String, String> parameters, String repeated) {

	/** The versions the server speaks. */
	enum Version {

		V1_2("1.2"), V2_0("2.0");

		private final String number;

		Version(String number) {
			this.number = number;
		}

		String number() {
			return number;
		}

	}

	/** The three operations, with the parameters each takes beside the common ones. */
	enum Operation {

		EXPLAIN("explain", Set.of("recordXMLEscaping")),
		SEARCH_RETRIEVE("searchRetrieve", Set.of("query", "queryType", "startRecord", "maximumRecords", "recordSchema",
				"recordXMLEscaping", "recordXPath", "resultSetTTL", "sortKeys", "renderedBy", "responseType")),
		SCAN("scan", Set.of("scanClause", "responsePosition", "maximumTerms"));

		private final String name;

		private final Set<String> parameters;

		Operation(String name, Set<String> parameters) {
			this.name = name;
			this.parameters = parameters;
		}

		String operationName() {
			return name;
		}

	}

	private static final Set<String> COMMON = Set.of("operation", "version", "stylesheet", "extraRequestData",
			"recordPacking", "httpAccept");

	static SruRequest parse(Map<String, String[]> raw) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String repeated = null;
		for (Map.Entry<String, String[]> entry : raw.entrySet()) {
			parameters.put(entry.getKey(), entry.getValue().length == 0 ? "" : entry.getValue()[0]);
			if (entry.getValue().length > 1 && repeated == null) {
				repeated = entry.getKey();
			}
		}
		String askedVersion = parameters.get("version");
		Version version = "2.0".equals(askedVersion) ? Version.V2_0 : Version.V1_2;
		String askedOperation = parameters.get("operation");
		Operation operation = null;
		if (askedOperation == null) {
			operation = parameters.containsKey("query") ? Operation.SEARCH_RETRIEVE
					: parameters.containsKey("scanClause") ? Operation.SCAN : Operation.EXPLAIN;
		}
		else {
			for (Operation candidate : Operation.values()) {
				if (candidate.name.equals(askedOperation)) {
					operation = candidate;
				}
			}
		}
		return new SruRequest(version, askedVersion, operation, askedOperation, Map.copyOf(parameters), repeated);
	}

	/** Refuses the request when it is not one the server answers; see the type's description. */
	void check() {
		if (askedVersion != null && !askedVersion.equals("1.2") && !askedVersion.equals("2.0")) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_VERSION, "2.0",
					"Version " + askedVersion + " is not supported; the server speaks 1.2 and 2.0.");
		}
		if (operation == null) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_OPERATION, askedOperation,
					"Unsupported operation " + askedOperation + "; explain, searchRetrieve and scan are.");
		}
		if (repeated != null) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER_VALUE, repeated,
					"The parameter " + repeated + " is given more than once.");
		}
		for (String name : parameters.keySet()) {
			if (!COMMON.contains(name) && !operation.parameters.contains(name) && !name.startsWith("x-")) {
				throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER, name,
						operation.name + " does not take the parameter " + name + ".");
			}
		}
		if (parameters.containsKey("stylesheet")) {
			throw new CqlRefusal(Diagnostic.STYLESHEETS, "stylesheet", "Stylesheets are not supported.");
		}
		if (version == Version.V1_2 && parameters.containsKey("recordXMLEscaping")) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER, "recordXMLEscaping",
					"recordXMLEscaping is an SRU 2.0 parameter; 1.2 has recordPacking.");
		}
		for (String name : new String[] { "recordXPath", "sortKeys" }) {
			if (parameters.containsKey(name)) {
				throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER, name,
						name.equals("sortKeys") ? "sortKeys is not supported; sort with CQL's sortBy (dc.date, dc.title)."
								: name + " is not supported.");
			}
		}
		String queryType = parameters.get("queryType");
		if (queryType != null && !queryType.equals("cql")) {
			throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER_VALUE, "queryType",
					"Only CQL queries are supported (queryType=cql).");
		}
	}

	Optional<String> parameter(String name) {
		return Optional.ofNullable(parameters.get(name));
	}

	/** A parameter that must be a whole number from {@code min}, or its default when absent; else diagnostic 6. */
	int number(String name, int min, int absent) {
		String value = parameters.get(name);
		if (value == null) {
			return absent;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new CqlRefusal(Diagnostic.UNSUPPORTED_PARAMETER_VALUE, name,
				name + " must be a whole number from " + min + ", not '" + value + "'.");
	}

	/**
	 * Whether records are written as escaped strings: 1.2 {@code recordPacking=string}, 2.0
	 * {@code recordXMLEscaping=string}; refuses other values (71).
	 */
	boolean stringPacking() {
		String name = version == Version.V1_2 ? "recordPacking" : "recordXMLEscaping";
		String value = parameters.getOrDefault(name, "xml");
		if (version == Version.V2_0 && !parameters.getOrDefault("recordPacking", "packed").equals("packed")) {
			throw new CqlRefusal(Diagnostic.RECORD_PACKING, "recordPacking",
					"Only packed records are supported (recordPacking=packed).");
		}
		if (!value.equals("xml") && !value.equals("string")) {
			throw new CqlRefusal(Diagnostic.RECORD_PACKING, name, name + " is xml or string, not '" + value + "'.");
		}
		return value.equals("string");
	}

}
