package org.branchlink.gateway.holds;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default {@link NotificationSender}: a log line naming the hold and the site, never the reader. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(NotificationSender.class)
	NotificationSender loggingNotificationSender() {
		return (String card, long holdId, String site, Instant until) -> log
			.info("Notify: hold {} is ready at {} until {}", holdId, site, until);
	}

}
