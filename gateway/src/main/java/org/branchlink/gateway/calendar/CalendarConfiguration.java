package org.branchlink.gateway.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one working-day calendar shared by scheduling and the demand tickets' deadlines. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingCalendar workingCalendar(CalendarProperties properties) {
		return properties.calendar();
	}

}
