package org.branchlink.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the sync module, under {@code branchlink.sync}.
 *
 * @param registryFile the site registry file (YAML) loaded at start-up when it changed since the last load; null to
 * keep the stored registry (then it is managed through {@code PUT /api/sites})
 * @param failOnInvalidRegistry whether an invalid registry file stops the start-up (true) or is logged while the
 * stored registry stays in force (false)
 * @param dropBase the folder that relative connector folders (file drops) resolve against
 * @param pollDelay how often file-drop routes look for new files, in milliseconds
 * @param zone the county's time zone: times sites send without an offset are in it
 */
@ConfigurationProperties("branchlink.sync")
public record SyncProperties(Resource registryFile, @DefaultValue("true") boolean failOnInvalidRegistry,
		@DefaultValue("data") java.nio.file.Path dropBase, @DefaultValue("10000") long pollDelay,
		@DefaultValue("Asia/Shanghai") java.time.ZoneId zone) {
}
