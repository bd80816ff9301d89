package org.branchlink.site;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The county's settings, under {@code branchlink.county}: what holds for every site of the federation.
 *
 * @param zone the county's time zone (default Asia/Shanghai): the days and hours of opening times, loan and hold
 * deadlines, schedules and reports are the county's, and times a site sends without an offset are in it; never null.
 * Also a bean of its own, {@code countyZone} ({@link CountyConfiguration})
 */
@ConfigurationProperties("branchlink.county")
public record CountySettings(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
