package org.branchlink.gateway.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets: its size and its rate. A body over its limit is refused with 413 naming the
 * limit (declared or, for a body without a length, counted as it is read); a client over its rate is refused with 429
 * and {@code Retry-After}. Anonymous requests count per client address, requests with an API key or HTTP Basic
 * credentials per credential, and what an anonymous client creates (a demand ticket, a survey answer, a volunteer
 * application) in a slower bucket of its own. Static files and the health probe are not counted.
 */
class ClientLimitFilter extends OncePerRequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/** Where files are uploaded (by signed-in staff or site systems): these take up to the upload limit. */
	private static final List<String> UPLOADS = List.of("/api/sites/*/ingest", "/api/ingest/bulk",
			"/api/sites/*/circulation/batch", "/api/sites/*/records", "/circulation/batch");

	/** Page forms that carry a file (the event form with its poster): these take up to the form upload limit. */
	private static final List<String> FORM_UPLOADS = List.of("/events", "/events/*", "/population/villages");

	private static final List<String> PUBLIC_WRITES = List.of("/api/demand", "/demand", "/api/surveys/responses",
			"/survey", "/volunteer");

	private static final List<String> UNCOUNTED = List.of("/css/**", "/js/**", "/webjars/**", "/favicon.*",
			"/actuator/health", "/actuator/health/**");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final RateLimiter limiter;

	private final SecurityProperties properties;

	ClientLimitFilter(RateLimiter limiter, SecurityProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (matches(UNCOUNTED, path)) {
			chain.doFilter(request, response);
			return;
		}
		long limit = limitFor(request, path);
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuseTooLarge(request, response, limit);
			return;
		}
		if (properties.rateLimits().enabled() && !properties.rateLimits().exempt().contains(request.getRemoteAddr())
				&& !admitted(request, response, path)) {
			return;
		}
		chain.doFilter(length < 0 && WRITES.contains(request.getMethod()) ? new Bounded(request, limit) : request,
				response);
	}

	private boolean admitted(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		String apiKey = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		long wait;
		if (apiKey != null && !apiKey.isBlank()) {
			wait = limiter.take(RateLimiter.Kind.CREDENTIAL, "key:" + RateLimiter.digest(apiKey.strip()));
		}
		else if (authorization != null && !authorization.isBlank()) {
			wait = limiter.take(RateLimiter.Kind.CREDENTIAL, "auth:" + RateLimiter.digest(authorization.strip()));
		}
		else {
			String client = request.getRemoteAddr();
			wait = limiter.take(RateLimiter.Kind.ANONYMOUS, client);
			if (wait == 0 && "POST".equals(request.getMethod()) && matches(PUBLIC_WRITES, path)) {
				wait = limiter.take(RateLimiter.Kind.PUBLIC_WRITE, client);
			}
		}
		if (wait == 0) {
			return true;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many requests from this client; try again in " + seconds + " s.",
				"请求过于频繁，请 " + seconds + " 秒后再试。\nToo many requests; try again in " + seconds + " s.\n",
				Map.of("retryAfterSeconds", seconds));
		return false;
	}

	private long limitFor(HttpServletRequest request, String path) {
		if ("PUT".equals(request.getMethod()) && "/api/sites".equals(path)) {
			return properties.maxRegistryBody().toBytes();
		}
		if (matches(UPLOADS, path)) {
			return properties.maxUpload().toBytes();
		}
		if ("POST".equals(request.getMethod()) && matches(FORM_UPLOADS, path)) {
			return properties.maxFormUpload().toBytes();
		}
		return properties.maxBody().toBytes();
	}

	private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large",
				"The request body is larger than this endpoint takes (" + limit + " bytes).",
				"提交的内容过大（上限 " + limit + " 字节）。\nThe request is too large (limit " + limit + " bytes).\n",
				Map.of("limitBytes", limit));
	}

	private static boolean matches(List<String> patterns, String path) {
		for (String pattern : patterns) {
			if (PATHS.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

	/** A request whose body stops with {@link BodyTooLargeException} past the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
