package org.branchlink.gateway.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters every request passes before Spring Security: its size and rate ({@link ClientLimitFilter}), then where a
 * browser sent it from ({@link CrossOriginFilter}). Spring Security's chain runs at order -100.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuardConfiguration {

	@Bean
	FilterRegistrationBean<ClientLimitFilter> clientLimitFilter(RateLimiter limiter, SecurityProperties properties) {
		FilterRegistrationBean<ClientLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientLimitFilter(limiter, properties));
		registration.setOrder(-120);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CrossOriginFilter> crossOriginFilter(SecurityProperties properties) {
		FilterRegistrationBean<CrossOriginFilter> registration = new FilterRegistrationBean<>(
				new CrossOriginFilter(properties));
		registration.setOrder(-110);
		return registration;
	}

}
