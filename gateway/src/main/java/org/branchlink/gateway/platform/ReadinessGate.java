package org.branchlink.gateway.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No traffic before the node is ready, none after it starts to leave: the web server listens before the Camel routes
 * and the start-up runners are done (and goes on answering while the node shuts down), so until Spring Boot's readiness
 * state is {@code ACCEPTING_TRAFFIC} every request but the health probes is answered 503 with {@code Retry-After}. A
 * load balancer passes a 503 on to another node (deploy/cluster/nginx.conf does); a client retries. Seen in the
 * container tier: a node restarted under lending load answered 500 for the half-second between its web server's start
 * and its routes'.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessGate {

	@Bean
	FilterRegistrationBean<NotReadyFilter> readinessGateFilter(ApplicationAvailability availability) {
		FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(new NotReadyFilter(availability));
		registration.setOrder(-130); // before the size and rate limits (-120) and Spring Security (-100)
		return registration;
	}

	/** Answers 503 while the node is not ready for traffic. */
	static final class NotReadyFilter extends OncePerRequestFilter {

		private final ApplicationAvailability availability;

		NotReadyFilter(ApplicationAvailability availability) {
			this.availability = availability;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
					|| request.getRequestURI().startsWith("/actuator/health")) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "2");
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("服务正在启动或停止，请稍后再试。 / This node is starting or stopping; try again in a moment.\n");
		}

	}

}
