package org.branchlink.gateway.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Event registration ({@code branchlink.events.*}).
 *
 * @param perReader registrations (places and waiting-list entries) a reader may hold for events still to come
 * @param checkInMinutesBefore how early before the start staff may check people in
 * @param ratingDays how long after an event its participants may rate it
 * @param imageMaxSize the largest poster staff may upload for an event (the event form's body may be
 * {@code branchlink.security.max-form-upload})
 */
@ConfigurationProperties("branchlink.events")
public record EventsProperties(@DefaultValue("5") int perReader, @DefaultValue("60") int checkInMinutesBefore,
		@DefaultValue("30") int ratingDays, @DefaultValue("2MB") DataSize imageMaxSize) {
}
