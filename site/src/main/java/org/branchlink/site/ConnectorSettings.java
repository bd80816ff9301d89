package org.branchlink.site;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a site's data reaches us: the connector kind and its parameters (a folder, a base URL, a schedule…), as given in
 * the registry file.
 *
 * @param kind the connector kind
 * @param parameters the connector's parameters by name, in name order; never null
 */
public record ConnectorSettings(ConnectorKind kind, Map<String, String> parameters) {

	public static final ConnectorSettings NONE = new ConnectorSettings(ConnectorKind.NONE, Map.of());

	public ConnectorSettings {
		parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
	}

}
