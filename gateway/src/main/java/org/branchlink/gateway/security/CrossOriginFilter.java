package org.branchlink.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a browser's state-changing request sent from another site's page (403). Browsers say where a request comes
 * from ({@code Origin}, {@code Sec-Fetch-Site}); a request from this platform's own pages, from a configured origin
 * ({@code branchlink.security.allowed-origins}), or from a client that is not a browser (no such header: a site's
 * system, curl) goes on. The pages' forms also carry a CSRF token; this closes the API, which signs in by HTTP Basic or
 * API key and so cannot ask for one.
 */
class CrossOriginFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> allowed;

	CrossOriginFilter(SecurityProperties properties) {
		this.allowed = Set.copyOf(properties.allowedOrigins());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod()) || sameOrAllowed(request)) {
			chain.doFilter(request, response);
			return;
		}
		Problems.write(request, response, HttpStatus.FORBIDDEN, "cross-origin",
				"A browser request from another site's page may not change anything here.",
				"不接受来自其他网站页面的提交。\nA request from another site's page is refused.\n", Map.of());
	}

	private boolean sameOrAllowed(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null) {
			// a browser that sends no Origin still says whether the request crosses sites
			String fetchSite = request.getHeader("Sec-Fetch-Site");
			return fetchSite == null || !fetchSite.equals("cross-site");
		}
		if (allowed.contains(origin)) {
			return true;
		}
		try {
			URI uri = URI.create(origin);
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
			return request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false; // "null" (a sandboxed frame, a file) or garbage
		}
	}

}
