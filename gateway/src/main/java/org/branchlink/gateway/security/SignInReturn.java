package org.branchlink.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.util.UriUtils;

/**
 * Signing in returns to the page one came from: the sign-in link carries the page as {@code back}, the form posts it
 * again, and success goes there. Only a path on this site is followed ({@code /…}, not {@code //host} or a scheme),
 * so the parameter cannot send anyone elsewhere. Without it, the page Spring Security saved (a protected page one was
 * sent away from) or the home page.
 */
public final class SignInReturn {

	private SignInReturn() {
	}

	/** The path and query of this request, to come back to. */
	public static String pathOf(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI().substring(request.getContextPath().length()) + (query == null ? "" : "?" + query);
	}

	public static String encode(String path) {
		return UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8);
	}

	/** The path if it stays on this site, otherwise null. */
	public static String local(String back) {
		if (back == null || back.isEmpty() || back.length() > 2000 || !back.startsWith("/") || back.startsWith("//")
				|| back.startsWith("/\\") || back.startsWith("/login") || back.chars().anyMatch(c -> c < 0x20)) {
			return null;
		}
		return back;
	}

	static AuthenticationSuccessHandler onSuccess() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String back = local(request.getParameter("back"));
			if (back == null) {
				saved.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			response.sendRedirect(request.getContextPath() + back);
		};
	}

	static AuthenticationFailureHandler onFailure() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String back = local(request.getParameter("back"));
			redirect(request, response, "/login?error" + (back == null ? "" : "&back=" + encode(back)));
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.sendRedirect(request.getContextPath() + path);
	}

}
