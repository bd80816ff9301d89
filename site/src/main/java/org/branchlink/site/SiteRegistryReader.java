package org.branchlink.site;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a registry file (YAML: a {@code federation} and a list of {@code sites}) into a {@link SiteRegistry}. The file
 * is accepted whole or refused whole: every problem, with the line and site it concerns, is collected into one
 * {@link RegistryValidationException}. See {@code deploy/registry-example.yml} for the format.
 */
public final class SiteRegistryReader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private SiteRegistryReader() {
	}

	/**
	 * Reads a registry whose connector paths must lie inside {@code data} ({@link ConnectorPaths#DEFAULT}).
	 *
	 * @param yaml the file's text
	 * @param source where it came from, for messages (a file name)
	 * @return the validated registry
	 * @throws RegistryValidationException when anything is wrong; nothing of the file is to be used then
	 */
	public static SiteRegistry read(String yaml, String source) {
		return read(yaml, source, ConnectorPaths.DEFAULT);
	}

	/**
	 * @param yaml the file's text
	 * @param source where it came from, for messages (a file name)
	 * @param paths where connector paths and URLs may point
	 * @return the validated registry
	 * @throws RegistryValidationException when anything is wrong (a connector pointing outside {@code paths}
	 * included); nothing of the file is to be used then
	 */
	public static SiteRegistry read(String yaml, String source, ConnectorPaths paths) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			throw new RegistryValidationException(source, List.of(new RegistryProblem(
					ex.getProblemMark().getLine() + 1, null, "not valid YAML: " + ex.getProblem(), "yaml", null, List.of())));
		}
		catch (YAMLException ex) {
			throw new RegistryValidationException(source, List.of(new RegistryProblem(0, null,
					"not valid YAML: " + ex.getMessage(), "yaml", null, List.of())));
		}
		Parse parse = new Parse(paths);
		Map<String, Node> top = parse.mapping(root, null, "the file");
		Federation federation = parse.federation(top.get("federation"), root);
		List<Site> sites = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		Node siteList = top.get("sites");
		if (!(siteList instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			parse.problem(root, null, "sites", "sites-empty", "'sites' must be a non-empty list of sites");
		}
		else {
			for (Node node : sequence.getValue()) {
				parse.site(node).ifPresent(site -> {
					sites.add(site);
					lines.add(line(node));
				});
			}
		}
		parse.problems.addAll(SiteRegistryValidator.validate(federation, sites, lines));
		if (!parse.problems.isEmpty()) {
			throw new RegistryValidationException(source, parse.problems);
		}
		return new SiteRegistry(federation, sites);
	}

	private static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	/** One pass over the file; collects problems instead of stopping at the first. */
	private static final class Parse {

		private final List<RegistryProblem> problems = new ArrayList<>();

		private final ConnectorPaths paths;

		Parse(ConnectorPaths paths) {
			this.paths = paths;
		}

		void problem(Node node, String siteId, String field, String code, String message, String... args) {
			problems.add(new RegistryProblem(line(node), siteId, message, code, field, List.of(args)));
		}

		Map<String, Node> mapping(Node node, String siteId, String what) {
			Map<String, Node> values = new LinkedHashMap<>();
			if (!(node instanceof MappingNode map)) {
				problem(node, siteId, null, "not-mapping", what + " must be a mapping of names to values", what);
				return values;
			}
			for (NodeTuple tuple : map.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					values.put(key.getValue(), tuple.getValueNode());
				}
			}
			return values;
		}

		Federation federation(Node node, Node root) {
			if (node == null) {
				problem(root, null, "federation", "federation-missing", "the file has no 'federation'");
				return null;
			}
			Map<String, Node> fields = mapping(node, null, "'federation'");
			String id = text(fields, "id", node, null);
			LocalizedName name = name(fields.get("name"), node, null);
			AreaCode code = value(fields, "area-code", node, null, AreaCode::new);
			if (code != null && !code.value().endsWith("000000")) {
				problem(fields.get("area-code"), null, "area-code", "federation-area",
						"the federation's area code names a county, so its last six digits are 000000, got " + code);
			}
			return id == null || name == null || code == null ? null : new Federation(id, name, code);
		}

		Optional<Site> site(Node node) {
			int before = problems.size();
			Map<String, Node> fields = mapping(node, null, "a site");
			String id = text(fields, "id", node, null);
			if (id != null && !ID.matcher(id).matches()) {
				problem(fields.get("id"), id, "id", "id-format", "an id has 1 to 63 lower-case letters, digits and dashes");
			}
			SiteKind kind = value(fields, "kind", node, id, code -> SiteKind.fromCode(code)
				.orElseThrow(() -> new IllegalArgumentException("unknown kind '" + code + "'; one of " + codes(SiteKind.values(), SiteKind::code))));
			LocalizedName name = name(fields.get("name"), node, id);
			Set<ServiceLine> lines = serviceLines(fields.get("service-lines"), node, id);
			String parent = optionalText(fields, "parent");
			AreaCode areaCode = value(fields, "area-code", node, id, AreaCode::new);
			GeoPoint location = location(fields.get("location"), node, id);
			ConnectorSettings connector = connector(fields.get("connector"), id);
			Double floorArea = floorArea(fields, id);
			if (problems.size() > before) {
				return Optional.empty();
			}
			return Optional.of(new Site(id, kind, name, lines, parent, areaCode, optionalText(fields, "address"),
					location, optionalText(fields, "opening-hours"), floorArea, connector));
		}

		/** {@code floor-area}: square metres open to the public, a positive number; null when not given. */
		Double floorArea(Map<String, Node> fields, String id) {
			String text = optionalText(fields, "floor-area");
			if (text.isEmpty()) {
				return null;
			}
			try {
				double area = Double.parseDouble(text);
				if (area > 0 && area < 10_000_000) {
					return area;
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			problem(fields.get("floor-area"), id, "floor-area", "malformed",
					"'floor-area' is the floor area in square metres, a positive number: '" + text + "'", text);
			return null;
		}

		LocalizedName name(Node node, Node owner, String siteId) {
			if (node == null) {
				problem(owner, siteId, "name", "missing", "'name' is missing (give zh and en)", "name");
				return null;
			}
			Map<String, Node> fields = mapping(node, siteId, "'name'");
			String zh = text(fields, "zh", node, siteId);
			String en = text(fields, "en", node, siteId);
			return zh == null || en == null ? null : new LocalizedName(zh, en);
		}

		Set<ServiceLine> serviceLines(Node node, Node owner, String siteId) {
			if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
				problem(node == null ? owner : node, siteId, "service-lines", "service-lines-empty",
						"'service-lines' must list library, culture_center or both");
				return null;
			}
			Set<ServiceLine> lines = EnumSet.noneOf(ServiceLine.class);
			for (Node item : sequence.getValue()) {
				String code = item instanceof ScalarNode scalar ? scalar.getValue() : "";
				ServiceLine.fromCode(code).ifPresentOrElse(lines::add,
						() -> problem(item, siteId, "service-lines", "service-line-unknown",
								"unknown service line '" + code + "'; one of library, culture_center", code));
			}
			return lines;
		}

		GeoPoint location(Node node, Node owner, String siteId) {
			if (node == null) {
				problem(owner, siteId, "location", "missing", "'location' is missing (give lat and lon)", "location");
				return null;
			}
			Map<String, Node> fields = mapping(node, siteId, "'location'");
			Double lat = value(fields, "lat", node, siteId, Double::valueOf);
			Double lon = value(fields, "lon", node, siteId, Double::valueOf);
			if (lat == null || lon == null) {
				return null;
			}
			try {
				GeoPoint point = new GeoPoint(lat, lon);
				if (!point.isInChina()) {
					problem(node, siteId, "location", "location-outside-china",
							"coordinates " + point + " lie outside China (lat 3 to 54, lon 73 to 136): are lat and lon swapped?");
					return null;
				}
				return point;
			}
			catch (IllegalArgumentException ex) {
				problem(node, siteId, "location", "location-out-of-range", "coordinates out of range: " + ex.getMessage());
				return null;
			}
		}

		ConnectorSettings connector(Node node, String siteId) {
			if (node == null) {
				return ConnectorSettings.NONE;
			}
			Map<String, Node> fields = mapping(node, siteId, "'connector'");
			ConnectorKind kind = value(fields, "kind", node, siteId, code -> ConnectorKind.fromCode(code)
				.orElseThrow(() -> new IllegalArgumentException("unknown connector kind '" + code + "'; one of " + codes(ConnectorKind.values(), ConnectorKind::code))));
			Map<String, String> parameters = new LinkedHashMap<>();
			fields.forEach((key, value) -> {
				if (!key.equals("kind")) {
					if (value instanceof ScalarNode scalar) {
						parameters.put(key, scalar.getValue());
						paths.refusal(key, scalar.getValue())
							.ifPresent(reason -> problem(value, siteId, "connector", "connector-path", reason, key));
					}
					else {
						problem(value, siteId, "connector", "connector-parameter", "connector parameter '" + key + "' must be a single value", key);
					}
				}
			});
			return kind == null ? null : new ConnectorSettings(kind, parameters);
		}

		String text(Map<String, Node> fields, String key, Node owner, String siteId) {
			Node node = fields.get(key);
			if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
				problem(node == null ? owner : node, siteId, field(key), "missing", "'" + key + "' is missing or empty", key);
				return null;
			}
			return scalar.getValue().strip();
		}

		String optionalText(Map<String, Node> fields, String key) {
			Node node = fields.get(key);
			if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank() && !scalar.getValue().equals("null")) {
				return scalar.getValue().strip();
			}
			return key.equals("parent") ? null : "";
		}

		<T> T value(Map<String, Node> fields, String key, Node owner, String siteId, Function<String, T> parser) {
			String text = text(fields, key, owner, siteId);
			if (text == null) {
				return null;
			}
			try {
				return parser.apply(text);
			}
			catch (IllegalArgumentException ex) {
				String reason = ex instanceof NumberFormatException ? "not a number: '" + text + "'" : ex.getMessage();
				problem(fields.get(key), siteId, field(key), "malformed", "malformed '" + key + "': " + reason, key, reason);
				return null;
			}
		}

		/** The path of a value in the file: a name's {@code zh} is {@code name.zh}, a location's {@code lat} is {@code location.lat}. */
		private static String field(String key) {
			return switch (key) {
				case "zh", "en" -> "name." + key;
				case "lat", "lon" -> "location." + key;
				default -> key;
			};
		}

		private static <E> String codes(E[] values, Function<E, String> code) {
			return Arrays.stream(values).map(code).toList().toString();
		}

	}

}
