package org.branchlink.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.branchlink.catalog.CatalogIndexException;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.security.BodyTooLargeException;
import org.branchlink.gateway.security.OutOfScopeException;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.RegistryValidationException;
import org.branchlink.sync.ingest.SiteCatalogIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of the REST API as RFC 9457 problem details, with a stable {@code type} per kind of error. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final String TYPE_BASE = "https://branchlink.org/problems/";

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidRegistry(RegistryValidationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-registry", "Invalid site registry",
				"The registry file was refused whole; the registry in force is unchanged. " + ex.problems().size()
						+ " problem(s).");
		List<Map<String, Object>> problems = ex.problems()
			.stream()
			.map(p -> Map.<String, Object>of("line", p.line(), "site", p.siteId() == null ? "" : p.siteId(), "message",
					p.message()))
			.toList();
		problem.setProperty("problems", problems);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownSite(SiteCatalogIngest.UnknownSiteException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex, HttpServletRequest request) {
		return refusal(problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage()), ex, request);
	}

	@ExceptionHandler
	ProblemDetail tooLong(TextLimits.TooLongException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "too-long", "Text too long", ex.getMessage());
		problem.setProperty("field", ex.field());
		problem.setProperty("limit", ex.max());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScopeException ex) {
		return problem(HttpStatus.FORBIDDEN, "out-of-scope", "Outside your sites", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
		return ex instanceof CodedRefusal refusal ? refusal(problem, refusal, request) : problem;
	}

	/**
	 * A refusal's detail in the language the client asks for with {@code Accept-Language} (English when it asks for
	 * none), and its stable {@code code} for clients that word it themselves.
	 */
	private ProblemDetail refusal(ProblemDetail problem, CodedRefusal refusal, HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
			problem.setDetail(messages.getMessage(refusal, request.getLocale()));
		}
		problem.setProperty("code", refusal.code());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail searchUnavailable(CatalogIndexException ex) {
		log.error("Search index unavailable", ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable",
				"The search index could not be reached; try again shortly.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof BodyTooLargeException tooLarge) {
			ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
					tooLarge.getMessage());
			problem.setProperty("limitBytes", tooLarge.limit());
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		String detail = "The request body could not be read: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
				: cause.getMessage().lines().findFirst().orElse(""));
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request", detail));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
