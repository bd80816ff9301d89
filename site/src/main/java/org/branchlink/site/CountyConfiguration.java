package org.branchlink.site;

import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The county's time zone as a bean of its own, {@code countyZone}, for what cannot take {@link CountySettings}: an
 * annotation's value, {@code @Scheduled(cron = …, zone = "#{@countyZone.id}")}. Code takes {@link CountySettings}.
 */
@Configuration(proxyBeanMethods = false)
class CountyConfiguration {

	@Bean
	ZoneId countyZone(CountySettings county) {
		return county.zone();
	}

}
