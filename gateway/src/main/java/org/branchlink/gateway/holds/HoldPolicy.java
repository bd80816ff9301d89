package org.branchlink.gateway.holds;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hold policy ({@code branchlink.holds.*}).
 *
 * @param perReader active holds a reader may have
 * @param closedSites sites closed for now: their copies are not allocated
 * @param localDays days a new acquisition is kept for readers of its own township
 * @param loadWeight how much each copy a site sent for holds in the last week raises its cost
 * @param overrides transport costs by {@code "<from>><to>"}
 * @param pickupDays days a ready copy waits on the hold shelf
 * @param queueOrder which waiting hold a copy back in hand goes to: {@code fifo} (first placed, the default) or
 *        {@code pickup-site-first} (first the holds to be collected where the copy is, saving a transit, then FIFO)
 */
@ConfigurationProperties("branchlink.holds")
public record HoldPolicy(@DefaultValue("10") int perReader, @DefaultValue Set<String> closedSites,
		@DefaultValue("30") int localDays, @DefaultValue("0.25") double loadWeight, Map<String, Double> overrides,
		@DefaultValue("7") int pickupDays, @DefaultValue("fifo") QueueOrder queueOrder) {

	/** The order of a title's queue when a copy comes back. */
	public enum QueueOrder {
		FIFO, PICKUP_SITE_FIRST
	}

}
