package org.branchlink.gateway.openinfo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county's basic public culture service catalogue (县（区）基本公共文化服务目录, seed 004: drawn up on top of the
 * national and provincial standards), {@code branchlink.open.service-catalog}: what every resident is entitled to and
 * to what standard. The default ({@code service-catalog.yml}) carries the national guidance standard's items and the
 * demo county's own; a county replaces the list in its configuration.
 *
 * @param serviceCatalog the items, in the order shown
 */
@ConfigurationProperties("branchlink.open")
public record ServiceCatalogProperties(List<Item> serviceCatalog) {

	public ServiceCatalogProperties {
		serviceCatalog = serviceCatalog == null ? List.of() : List.copyOf(serviceCatalog);
	}

	/** Whose standard an item is: the national guidance standard, the province's, or the county's own addition. */
	public enum Level {
		NATIONAL, PROVINCIAL, COUNTY
	}

	/** What BranchLink can measure of an item this year, against its minimum. */
	public enum MeasureKind {
		/** Events of a category held per township this year (each township measured). */
		EVENTS_PER_TOWNSHIP,
		/** Mobile-service stops per village or community centre this year (each township's average measured). */
		MOBILE_STOPS_PER_VILLAGE,
		/** The service menu's order rate this year (one figure for the county), as a fraction. */
		MENU_ORDER_RATE
	}

	/**
	 * A measure: its kind, the event category it counts (for {@code EVENTS_PER_TOWNSHIP}), and the minimum for the
	 * year.
	 */
	public record Measure(MeasureKind kind, String category, double minimum) {
	}

	/**
	 * An item of the catalogue.
	 *
	 * @param category its service category in Chinese and English (读书看报, 观赏电影…)
	 * @param standard what is provided and to what standard, in Chinese and English
	 * @param measure how BranchLink measures it, if it can
	 */
	public record Item(String code, String categoryZh, String categoryEn, Level level, String standardZh,
			String standardEn, Measure measure) {
	}

}
