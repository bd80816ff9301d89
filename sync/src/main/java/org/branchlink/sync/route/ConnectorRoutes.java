package org.branchlink.sync.route;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.branchlink.sync.SyncProperties;
import org.branchlink.sync.connector.marcfile.MarcFileDropTemplate;
import org.branchlink.sync.site.ConnectorKind;
import org.branchlink.sync.site.Site;
import org.branchlink.sync.site.SiteDirectory;
import org.branchlink.sync.site.SiteRegistry;
import org.branchlink.sync.site.SiteRegistryLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One route per site and connector, made from the connector kind's route template with the site's settings: at
 * start-up and whenever a new registry is loaded (routes of sites gone or changed are removed, new ones added).
 * Route ids are {@code <flow>.<site>}; node ids carry the site as prefix.
 */
@Component
class ConnectorRoutes {

	private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);

	private final CamelContext camel;

	private final SiteDirectory sites;

	private final SyncProperties properties;

	private final Map<String, Map<String, Object>> running = new HashMap<>();

	ConnectorRoutes(CamelContext camel, SiteDirectory sites, SyncProperties properties) {
		this.camel = camel;
		this.sites = sites;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		sites.current().ifPresent(this::sync);
	}

	@EventListener
	void on(SiteRegistryLoaded loaded) {
		if (camel.isStarted()) {
			sync(loaded.registry());
		}
	}

	synchronized void sync(SiteRegistry registry) {
		Map<String, Map<String, Object>> wanted = new HashMap<>();
		for (Site site : registry.sites()) {
			if (site.connector().kind() == ConnectorKind.MARC_FILE) {
				String folder = site.connector().parameters().getOrDefault("folder", "drop/" + site.id());
				Path path = properties.dropBase().resolve(folder);
				wanted.put(MarcFileDropTemplate.ID + "." + site.id(), Map.of("siteId", site.id(), "folder",
						path.toAbsolutePath().toString(), "delay", String.valueOf(properties.pollDelay())));
			}
		}
		Set<String> gone = new HashSet<>(running.keySet());
		gone.removeIf(id -> wanted.get(id) != null && wanted.get(id).equals(running.get(id)));
		try {
			for (String routeId : gone) {
				camel.getRouteController().stopRoute(routeId);
				camel.removeRoute(routeId);
				running.remove(routeId);
			}
			for (Map.Entry<String, Map<String, Object>> entry : wanted.entrySet()) {
				if (!running.containsKey(entry.getKey())) {
					String siteId = (String) entry.getValue().get("siteId");
					camel.addRouteFromTemplate(entry.getKey(), MarcFileDropTemplate.ID, siteId + ".", entry.getValue());
					running.put(entry.getKey(), entry.getValue());
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not update the connector routes", ex);
		}
		log.info("Connector routes: {} running ({} removed)", running.size(), gone.size());
	}

	Set<String> routeIds() {
		return camel.getRoutes().stream().map(Route::getRouteId).collect(java.util.stream.Collectors.toSet());
	}

}
