package org.branchlink.gateway.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as RFC 9457 problem details; 503 when the accounts cannot be read at all. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof InternalAuthenticationServiceException) {
			// the accounts could not be read (the database is unreachable): not a wrong password, a service unavailable
			response.setHeader("Retry-After", "5");
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Sign-in is unavailable for a moment; try again.");
			return;
		}
		// a Basic challenge makes a browser ask for a password and keep it for the session: challenge with Basic only a
		// client that sent Basic credentials itself
		String authorization = request.getHeader("Authorization");
		response.setHeader("WWW-Authenticate",
				authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
						? "Basic realm=\"BranchLink\", charset=\"UTF-8\"" : "X-API-Key realm=\"BranchLink\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic or an X-API-Key header: " + ex.getMessage());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
