package org.branchlink.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (login form, HTTP Basic, API key) from a locked account or client before any password is
 * checked: 429 with {@code Retry-After} for the API, back to the login page with a notice for the form.
 */
class SignInLockFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInLockFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI());
		String account = form ? request.getParameter("username") : basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
		boolean attempt = form || account != null || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null;
		if (!attempt || !throttle.locked(account, request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?locked");
			return;
		}
		long seconds = throttle.lockFor().toSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked",
				"Too many failed sign-ins; this account or client is locked for " + seconds + " s.",
				"登录失败次数过多，请 " + seconds + " 秒后再试。\nToo many failed sign-ins; try again in " + seconds + " s.\n",
				Map.of("retryAfterSeconds", seconds));
	}

	private static String basicUser(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
