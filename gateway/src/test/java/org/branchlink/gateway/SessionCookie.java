package org.branchlink.gateway;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A browser's page session for MockMvc: page sessions live in the cluster's map (Spring Session), found by the
 * {@code SESSION} cookie, so a run of requests carries the cookie the first answer set, as a browser would.
 */
public final class SessionCookie {

	private Cookie cookie;

	/** Performs the request with this session's cookie, and keeps the cookie the answer sets. */
	public ResultActions perform(MockMvc mvc, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		if (cookie != null) {
			request.cookie(cookie);
		}
		ResultActions result = mvc.perform(request);
		Cookie set = result.andReturn().getResponse().getCookie("SESSION");
		if (set != null) {
			cookie = set;
		}
		return result;
	}

}
