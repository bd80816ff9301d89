package org.branchlink.gateway.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The base map under the planning page's Leaflet map, under {@code branchlink.gateway.map}.
 *
 * @param tileUrl a Leaflet tile URL template ({@code https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY} or
 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}); empty draws sites and routes on a plain background, so the
 * page works offline
 * @param attribution the base map's credit line, shown in the map's corner (required by most tile providers)
 * @param subdomains the values of {@code {s}} in the URL
 */
@ConfigurationProperties("branchlink.gateway.map")
public record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String attribution,
		@DefaultValue("") String subdomains) {

	/** Whether a base map is configured. */
	public boolean tiles() {
		return !tileUrl.isBlank();
	}

}
