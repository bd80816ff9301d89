package org.branchlink.gateway.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What is the same for every endpoint: the two filter chains, how one signs in (the API with HTTP Basic or an API key,
 * answering 401/403 as problem details; the pages through the login form), CSRF, headers, sessions. Who may call an
 * endpoint is stated beside its handler ({@link AccessRule}); here only what has no handler of ours (sign-in, the error
 * page, static files, the OpenAPI description, actuator) is opened. Everything else goes through {@link HandlerRules},
 * which denies a request that reaches no handler, or a handler that states no rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
		return new ProblemSecurityHandlers(json);
	}

	/** The access rules the handlers state beside them; the default of both chains. */
	@Bean
	HandlerRules handlerRules(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
		return new HandlerRules(mapping::getObject);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountStore accounts, ProblemSecurityHandlers problems,
			SignInThrottle throttle, HandlerRules rules) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/oai", "/sru")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole(Role.CENTRAL_ADMIN.name())
				.anyRequest().access(rules))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new SignInLockFilter(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(accounts, problems, throttle), BasicAuthenticationFilter.class)
			.headers(SecurityConfiguration::headers)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * The lists other websites frame (a township's own site showing its coming events): public, read-only, without a
	 * session, and framable by any site; everything else stays unframable.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain embeds(HttpSecurity http, HandlerRules rules) throws Exception {
		http.securityMatcher("/embed/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().access(rules))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(EMBED_CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.disable()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, HandlerRules rules) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/login", "/error").permitAll()
				.requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg").permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.anyRequest().access(rules))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(SignInReturn.onSuccess())
				.failureHandler(SignInReturn.onFailure())
				.permitAll())
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

	/** As {@link #CONTENT_SECURITY_POLICY}, but any website may frame the page. */
	static final String EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
			"frame-ancestors *");

}
