package org.branchlink.gateway.venue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The county's rules for booking venues ({@code branchlink.venues.*}).
 *
 * @param horizonDays how many days ahead a booking may start at the latest
 * @param maxHours the longest booking, in hours
 * @param openPerReader bookings one reader may have awaiting or confirmed at once
 * @param residentDiscount the share of the standard fee taken off for a resident's own (not public-benefit) use; a
 * registered troupe or team and any public-benefit activity use a venue free (seed 001, (四)2)
 * @param checkInEarly how long before the start the door may check a booking in
 * @param noShowGrace how long after the start a confirmed booking not checked in counts as not shown
 * @param noShowLimit not-shown bookings within {@code noShowWindowDays} that stop a reader booking
 * @param noShowWindowDays the window over which not-shown bookings are counted
 * @param suspensionDays how long after the last of them the reader may not book
 * @param sweepCron when the not-shown sweep runs (clustered Quartz, the county's zone)
 */
@ConfigurationProperties("branchlink.venues")
public record VenueRules(@DefaultValue("60") int horizonDays, @DefaultValue("8") int maxHours,
		@DefaultValue("5") int openPerReader, @DefaultValue("0.5") double residentDiscount,
		@DefaultValue("30m") Duration checkInEarly, @DefaultValue("30m") Duration noShowGrace,
		@DefaultValue("3") int noShowLimit, @DefaultValue("90") int noShowWindowDays,
		@DefaultValue("30") int suspensionDays, @DefaultValue("0 */15 * * * ?") String sweepCron) {
}
