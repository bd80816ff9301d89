package org.branchlink.site;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the site registry, under {@code branchlink.site}.
 *
 * @param registryFile the site registry file (YAML) loaded at start-up when it changed since the last load; null to
 * keep the stored registry (then it is managed through {@code PUT /api/sites})
 * @param failOnInvalidRegistry whether an invalid registry file stops the start-up (true) or is logged while the
 * stored registry stays in force (false)
 * @param dropBase the data directory: relative connector paths of the registry (file-drop folders, calendar files)
 * resolve against it
 * @param allowedPaths folders outside {@code dropBase} that connector paths of the registry may name; empty by
 * default: every connector path must lie inside {@code dropBase}
 */
@ConfigurationProperties("branchlink.site")
public record SiteProperties(Resource registryFile, @DefaultValue("true") boolean failOnInvalidRegistry,
		@DefaultValue("data") Path dropBase, List<Path> allowedPaths) {

	public SiteProperties {
		allowedPaths = allowedPaths == null ? List.of() : List.copyOf(allowedPaths);
	}

	/** Where connector paths of the registry may point. */
	public ConnectorPaths connectorPaths() {
		return new ConnectorPaths(dropBase, allowedPaths);
	}

}
