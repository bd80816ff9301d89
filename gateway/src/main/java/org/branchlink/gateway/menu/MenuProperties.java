package org.branchlink.gateway.menu;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service menu ({@code branchlink.menu.*}).
 *
 * @param ordersPerSite orders one site may place per quota period across the whole menu (0: no limit)
 * @param orderingKinds the site kinds that order from the menu
 * @param residentOpenOrders requests one resident may have awaiting a decision at once
 * @param residentLeadDays how many days ahead a resident orders at the earliest (time to plan the visit)
 */
@ConfigurationProperties("branchlink.menu")
public record MenuProperties(@DefaultValue("6") int ordersPerSite,
		@DefaultValue({ "village_center", "community_center", "village_culture_hall", "township_station" }) List<String> orderingKinds,
		@DefaultValue("3") int residentOpenOrders, @DefaultValue("7") int residentLeadDays) {
}
