package org.branchlink.gateway.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event registration ({@code branchlink.events.*}).
 *
 * @param perReader registrations (places and waiting-list entries) a reader may hold for events still to come
 * @param checkInMinutesBefore how early before the start staff may check people in
 * @param ratingDays how long after an event its participants may rate it
 */
@ConfigurationProperties("branchlink.events")
public record EventsProperties(@DefaultValue("5") int perReader, @DefaultValue("60") int checkInMinutesBefore,
		@DefaultValue("30") int ratingDays) {
}
