package org.branchlink.gateway.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Every endpoint is listed here with its role; anything not listed is denied, so a new endpoint is
 * closed until someone states its role. The API signs in with HTTP Basic or an API key and answers 401/403 as problem
 * details; the pages sign in through the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String READER = Role.READER.name();

	private static final String LIBRARIAN = Role.LIBRARIAN.name();

	private static final String CENTRAL_ADMIN = Role.CENTRAL_ADMIN.name();

	private static final String SITE_SYSTEM = Role.SITE_SYSTEM.name();

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
		return new ProblemSecurityHandlers(json);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountStore accounts, ProblemSecurityHandlers problems,
			SignInThrottle throttle) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/oai", "/sru")
			.authorizeHttpRequests(requests -> requests
				// the OAI-PMH provider is public and read-only; POST is a form-encoded request, no CSRF token
				.requestMatchers(HttpMethod.GET, "/oai").permitAll()
				.requestMatchers(HttpMethod.POST, "/oai").permitAll()
				// so is the SRU server: searches and scans of the union catalogue, works and copies only
				.requestMatchers(HttpMethod.GET, "/sru").permitAll()
				.requestMatchers(HttpMethod.POST, "/sru").permitAll()
				// the site directory is public information (addresses, opening hours)
				.requestMatchers(HttpMethod.GET, "/api/sites", "/api/sites/*").permitAll()
				.requestMatchers(HttpMethod.PUT, "/api/sites").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/me").hasAnyRole(READER, LIBRARIAN, CENTRAL_ADMIN, SITE_SYSTEM)
				// the catalogue is public: anyone searches
				.requestMatchers(HttpMethod.GET, "/api/search", "/api/search/suggest", "/api/works/*").permitAll()
				// a site's system or central staff feed records; SiteAccess then checks the site
				.requestMatchers(HttpMethod.POST, "/api/sites/*/ingest", "/api/sites/*/records")
				.hasAnyRole(SITE_SYSTEM, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/catalog/reindex", "/api/ingest/bulk").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/ingest/runs", "/api/ingest/quarantine")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN, SITE_SYSTEM)
				// lending: sites report events; librarians see conflicts; readers their own loans
				.requestMatchers(HttpMethod.POST, "/api/sites/*/circulation/events", "/api/sites/*/circulation/batch")
				.hasAnyRole(SITE_SYSTEM, LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/circulation/conflicts", "/api/circulation/status")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/circulation/conflicts/*/resolve", "/api/circulation/conflicts/*/retry")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/readers").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/me/loans", "/api/me/holds").hasRole(READER)
				.requestMatchers(HttpMethod.POST, "/api/holds", "/api/me/holds/*/cancel", "/api/me/holds/*/suspend")
				.hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/api/sites/*/pull-list").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				// held calendar fetches (#22.2): SiteAccess then checks the librarian works for the site or above it
				.requestMatchers(HttpMethod.GET, "/api/sites/*/calendar-holds").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/sites/*/calendar-holds/*/confirm").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				// transfers: SiteAccess then checks the source (create, ship) or destination (receive)
				.requestMatchers(HttpMethod.POST, "/api/transfers/*/approve").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/transfers/overdue").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/transfers", "/api/transfers/*/ship", "/api/transfers/*/receive")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/transfers/*").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/rotas", "/api/rotas/*/batches", "/api/rotations/advance")
				.hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/me/loans/renew", "/api/me/history").hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/api/events", "/api/events/*").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/events", "/api/events/*/cancel", "/api/events/*/check-in")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/sites/*/events").hasAnyRole(SITE_SYSTEM, LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/events/*/registrations", "/api/me/registrations/*/cancel",
						"/api/me/registrations/*/rating")
				.hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/api/me/registrations").hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/api/metrics", "/api/metrics/staffing", "/api/reports/*").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/volunteers").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/volunteers", "/api/volunteers/*/assignments", "/api/volunteers/*/hours",
						"/api/volunteer-hours/*/confirm")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/staff", "/api/staff/*/training").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/sites/*/visits").hasAnyRole(SITE_SYSTEM, LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/surveys/responses").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/surveys").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/surveys/*/tokens", "/api/surveys/*/results", "/api/surveys/*/responses.csv")
				.hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/demand").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/demand/board").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/demand/tickets").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/demand/tickets", "/api/demand/tickets/*/classify",
						"/api/demand/tickets/*/answer", "/api/demand/tickets/*/review")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/menu/items").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/menu/items", "/api/menu/orders", "/api/menu/orders/*/delivered",
						"/api/menu/orders/*/rating")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/menu/orders").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/menu/orders/*/schedule", "/api/menu/orders/*/reject")
				.hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/menu/stats").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/mobile/plans", "/api/mobile/plans/*").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/mobile/plans", "/api/mobile/units/*/breakdowns", "/api/mobile/publish")
				.hasRole(CENTRAL_ADMIN)
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole(CENTRAL_ADMIN)
				.anyRequest().denyAll())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new SignInLockFilter(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(accounts, problems, throttle), BasicAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/events/new").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/demand/tickets").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/demand/tickets/*/classify", "/demand/tickets/*/answer",
						"/demand/tickets/*/review")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/demand", "/survey").permitAll()
				.requestMatchers(HttpMethod.POST, "/demand", "/survey").permitAll()
				.requestMatchers(HttpMethod.GET, "/surveys", "/surveys/*", "/surveys/*/responses.csv").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/surveys").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/volunteers", "/volunteers/*/hours", "/volunteer-hours/*/confirm")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/volunteers", "/volunteers/*/certificate").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/", "/sites/*", "/search", "/works/*", "/login", "/error", "/events",
						"/events/*")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/events", "/events/*/check-in").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/events/*/register", "/my/registrations/*/cancel",
						"/my/registrations/*/rating")
				.hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/my/registrations").hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/ingest", "/circulation", "/holds/pull", "/transfers")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/transfers", "/transfers/*/approve", "/transfers/*/ship",
						"/transfers/*/receive")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/circulation/*", "/circulation/conflicts/*/resolve")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/rotas", "/planning", "/dashboard", "/reports/*").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/menu").hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/menu/items", "/menu/orders", "/menu/orders/*/delivered")
				.hasAnyRole(LIBRARIAN, CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/menu/orders/*/schedule", "/menu/orders/*/reject").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/planning", "/planning/breakdown").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.POST, "/rotas", "/rotas/*/batches", "/rotas/advance").hasRole(CENTRAL_ADMIN)
				.requestMatchers(HttpMethod.GET, "/my/loans", "/my/holds").hasRole(READER)
				.requestMatchers(HttpMethod.POST, "/my/loans/renew", "/holds", "/my/holds/*/cancel").hasRole(READER)
				.requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/favicon.ico", "/favicon.svg").permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/").permitAll())
			.addFilterBefore(new SignInLockFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * What every answer tells the browser: run only this platform's own scripts (none inline), send no full address to
	 * other sites, use neither camera nor microphone, be framed by no one.
	 */
	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions
				.policy("camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"))
			.frameOptions(frame -> frame.deny());
	}

	/** Scripts, fonts and frames only from here; inline styles allowed (attribute styles of charts), inline script not. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

}
