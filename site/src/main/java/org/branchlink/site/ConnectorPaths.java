package org.branchlink.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the connectors of a registry may point: a path (a file-drop {@code folder}, any {@code …-folder}, a
 * {@code calendar-url} that is a file) must lie inside the data directory or one of the allowed folders once
 * {@code ..} is resolved; a remote source ({@code base-url}, a {@code calendar-url} with a scheme, any {@code …-url})
 * must be http or https ({@code file:}, {@code ftp:}, {@code jar:} are refused). Checked when a registry is loaded, so
 * a registry that points elsewhere is refused with the line and site.
 *
 * @param dataDirectory the data directory; relative paths resolve against it
 * @param allowed folders outside it that paths may name as well (absolute, or relative to the working directory)
 */
public record ConnectorPaths(Path dataDirectory, List<Path> allowed) {

	/** The data directory {@code data} and no other folder: what a registry read without settings is held to. */
	public static final ConnectorPaths DEFAULT = new ConnectorPaths(Path.of("data"), List.of());

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	public ConnectorPaths {
		allowed = List.copyOf(allowed);
	}

	/** Why a connector parameter may not have this value; empty when it may. */
	public Optional<String> refusal(String parameter, String value) {
		boolean remote = parameter.equals("base-url") || parameter.endsWith("-url");
		boolean path = parameter.equals("folder") || parameter.endsWith("-folder");
		if (parameter.equals("calendar-url") && !SCHEME.matcher(value).find()) {
			return pathRefusal(parameter, value);
		}
		if (remote) {
			return remoteRefusal(parameter, value);
		}
		return path ? pathRefusal(parameter, value) : Optional.empty();
	}

	/**
	 * The file or folder a connector path names.
	 *
	 * @throws IllegalArgumentException when it lies outside the data directory and the allowed folders
	 */
	public Path resolve(String value) {
		Optional<String> refusal = pathRefusal("path", value);
		if (refusal.isPresent()) {
			throw new IllegalArgumentException(refusal.get());
		}
		return absolute(dataDirectory).resolve(value).normalize();
	}

	private Optional<String> pathRefusal(String parameter, String value) {
		Path path;
		try {
			path = absolute(dataDirectory).resolve(value).normalize();
		}
		catch (InvalidPathException ex) {
			return Optional.of("connector parameter '" + parameter + "' is not a path: " + ex.getReason());
		}
		if (path.startsWith(absolute(dataDirectory)) || allowed.stream().map(ConnectorPaths::absolute).anyMatch(path::startsWith)) {
			return Optional.empty();
		}
		return Optional.of("connector parameter '" + parameter + "' names " + path
				+ ", outside the data directory and branchlink.site.allowed-paths");
	}

	private static Optional<String> remoteRefusal(String parameter, String value) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return Optional.empty();
			}
		}
		catch (URISyntaxException ex) {
			return Optional.of("connector parameter '" + parameter + "' is not a URL: " + ex.getReason());
		}
		return Optional.of("connector parameter '" + parameter + "' must be an http or https URL, got '" + value + "'");
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
