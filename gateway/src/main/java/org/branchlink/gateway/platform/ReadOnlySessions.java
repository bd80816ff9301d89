package org.branchlink.gateway.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the requests that only read their session and hold it for minutes — the live streams (under {@value #PATHS}) — so
 * that the session repository does not write it back ({@link ClusterSessions}). Spring Session's map repository saves
 * the whole session at the end of every request: a stream opened by a page and ending after that page's next form post
 * would put back the session as it was when the stream opened, losing what the post put in it (its flash message, the
 * desk's reader). Runs outside Spring Session's filter, on the request and on its async and error dispatches.
 */
final class ReadOnlySessions extends OncePerRequestFilter {

	/** The paths of the requests that never write their session. */
	static final String PATHS = "/live/";

	/** Marks the request in its first dispatch, so that its async and error dispatches (to {@code /error}) know it. */
	private static final String MARK = ReadOnlySessions.class.getName();

	private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

	/** Whether this thread serves a request that never writes its session. */
	static boolean reading() {
		return READING.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + PATHS)) {
			request.setAttribute(MARK, Boolean.TRUE);
		}
		READING.set(request.getAttribute(MARK) != null);
		try {
			chain.doFilter(request, response);
		}
		finally {
			READING.remove();
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
