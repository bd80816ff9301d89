package org.branchlink.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a registry back as a registry file ({@link SiteRegistryReader} reads it to an equal registry), whole or with
 * one site changed or added from a {@link SiteDraft}: the way pages change the registry through the same validation as
 * an uploaded file.
 */
public final class SiteRegistryWriter {

	private SiteRegistryWriter() {
	}

	/** The registry as a registry file. */
	public static String yaml(SiteRegistry registry) {
		return dump(registry.federation(), registry.sites().stream().map(SiteRegistryWriter::site).toList());
	}

	/**
	 * The registry with one site replaced by a draft, or a draft added as a new site.
	 *
	 * @param registry the registry in force
	 * @param replacedId the id of the site the draft replaces (it keeps that site's place and connector); null to add
	 * the draft as a new site at the end
	 * @param draft the site as typed
	 * @return a registry file, not yet validated
	 * @throws IllegalArgumentException when {@code replacedId} names no site of the registry
	 */
	public static String yaml(SiteRegistry registry, String replacedId, SiteDraft draft) {
		List<Map<String, Object>> sites = new ArrayList<>();
		boolean replaced = false;
		for (Site site : registry.sites()) {
			if (site.id().equals(replacedId)) {
				sites.add(draft(draft, site.connector()));
				replaced = true;
			}
			else {
				sites.add(site(site));
			}
		}
		if (replacedId == null) {
			sites.add(draft(draft, ConnectorSettings.NONE));
		}
		else if (!replaced) {
			throw new IllegalArgumentException("no site '" + replacedId + "' in the registry");
		}
		return dump(registry.federation(), sites);
	}

	private static String dump(Federation federation, List<Map<String, Object>> sites) {
		Map<String, Object> file = new LinkedHashMap<>();
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("id", federation.id());
		head.put("name", name(federation.name().zh(), federation.name().en()));
		head.put("area-code", federation.areaCode().value());
		file.put("federation", head);
		file.put("sites", sites);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(400);
		return new Yaml(options).dump(file);
	}

	private static Map<String, Object> site(Site site) {
		return draft(SiteDraft.of(site), site.connector());
	}

	private static Map<String, Object> draft(SiteDraft draft, ConnectorSettings connector) {
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("id", draft.id());
		site.put("kind", draft.kind());
		site.put("name", name(draft.nameZh(), draft.nameEn()));
		site.put("service-lines", draft.serviceLines());
		if (!draft.parentId().isEmpty()) {
			site.put("parent", draft.parentId());
		}
		site.put("area-code", draft.areaCode());
		if (!draft.address().isEmpty()) {
			site.put("address", draft.address());
		}
		if (!draft.lat().isEmpty() || !draft.lon().isEmpty()) {
			Map<String, Object> location = new LinkedHashMap<>();
			location.put("lat", number(draft.lat()));
			location.put("lon", number(draft.lon()));
			site.put("location", location);
		}
		if (!draft.openingHours().isEmpty()) {
			site.put("opening-hours", draft.openingHours());
		}
		if (!draft.floorArea().isEmpty()) {
			site.put("floor-area", number(draft.floorArea()));
		}
		if (connector.kind() != ConnectorKind.NONE || !connector.parameters().isEmpty()) {
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.put("kind", connector.kind().code());
			settings.putAll(connector.parameters());
			site.put("connector", settings);
		}
		return site;
	}

	private static Map<String, Object> name(String zh, String en) {
		Map<String, Object> name = new LinkedHashMap<>();
		name.put("zh", zh);
		name.put("en", en);
		return name;
	}

	/** A coordinate as a number when it is one, else as typed (the reader then names it malformed). */
	private static Object number(String text) {
		try {
			return Double.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

}
