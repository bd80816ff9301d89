package org.branchlink.gateway.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written by filters, before Spring MVC runs: RFC 9457 problem details for the API, a short bilingual text
 * for pages. Each carries a stable {@code type} (and {@code code}) that a page can translate.
 */
final class Problems {

	static final String TYPE_BASE = "https://branchlink.org/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * Writes the refusal.
	 *
	 * @param code the problem's stable code ({@code rate-limited}, {@code too-large}, …)
	 * @param detail the English detail of the API answer
	 * @param page the text a person sees on a page, in both languages
	 * @param properties further properties of the problem (the limit, seconds to wait)
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail, String page, Map<String, Object> properties) throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		if (!isApi(request)) {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(page);
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + code);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		problem.putAll(properties);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/actuator/");
	}

}
