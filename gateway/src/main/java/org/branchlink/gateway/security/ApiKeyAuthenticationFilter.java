package org.branchlink.gateway.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a site's system by the {@value #HEADER} header. A request with an unknown or revoked key is refused with
 * 401 at once; a request without the header goes on to the other ways of signing in.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private final AccountStore accounts;

	private final AuthenticationEntryPoint entryPoint;

	private final SignInThrottle throttle;

	ApiKeyAuthenticationFilter(AccountStore accounts, AuthenticationEntryPoint entryPoint, SignInThrottle throttle) {
		this.accounts = accounts;
		this.entryPoint = entryPoint;
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		var site = accounts.siteOfApiKey(key.strip());
		if (site.isEmpty()) {
			throttle.failed(null, request.getRemoteAddr());
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API key"));
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new SiteSystemAuthentication(site.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
