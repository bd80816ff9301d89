package org.branchlink.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.expression.EvaluationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The default of both filter chains: a request goes on only to a handler that states an {@link AccessRule}, and only
 * when the rule can still admit the caller. A request that reaches no handler by its path and method, or a handler
 * that states no rule, is denied (401 or the login page without sign-in, 403 with it), so a new endpoint stays closed
 * until its rule is written beside it.
 * <p>
 * The handler is found as Spring MVC finds it, by path (the most specific pattern) and method; when several handlers
 * share them (they differ in what they consume), every one's rule must admit.
 */
final class HandlerRules implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final Supplier<List<Handler>> handlers;

	private final SecurityExpressionHandler<RequestAuthorizationContext> expressions = new DefaultHttpSecurityExpressionHandler();

	HandlerRules(Supplier<RequestMappingHandlerMapping> mapping) {
		this.handlers = SingletonSupplier.of(() -> handlers(mapping.get()));
	}

	/** A handler's paths and methods (none: every method) and its rule (null when it states none). */
	private record Handler(Set<PathPattern> patterns, Set<RequestMethod> methods, AccessRule rule) {
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		List<Handler> candidates = candidates(context.getRequest());
		if (candidates.isEmpty() || candidates.stream().anyMatch(handler -> handler.rule() == null)) {
			return DENIED;
		}
		EvaluationContext evaluation = expressions.createEvaluationContext(authentication, context);
		return new AuthorizationDecision(candidates.stream().allMatch(handler -> handler.rule().mayAdmit(evaluation)));
	}

	private List<Handler> candidates(HttpServletRequest request) {
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		RequestMethod method = RequestMethod.resolve(request.getMethod());
		List<Handler> best = new ArrayList<>();
		PathPattern bestPattern = null;
		for (Handler handler : handlers.get()) {
			if (!handler.methods().isEmpty() && !handler.methods().contains(method)) {
				continue;
			}
			PathPattern pattern = handler.patterns().stream().filter(p -> p.matches(path))
				.min(PathPattern.SPECIFICITY_COMPARATOR).orElse(null);
			if (pattern == null) {
				continue;
			}
			int order = bestPattern == null ? -1 : PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, bestPattern);
			if (order < 0) {
				best.clear();
				bestPattern = pattern;
			}
			if (order <= 0) {
				best.add(handler);
			}
		}
		return best;
	}

	private static List<Handler> handlers(RequestMappingHandlerMapping mapping) {
		return mapping.getHandlerMethods().entrySet().stream().map(entry -> {
			var info = entry.getKey();
			if (info.getPathPatternsCondition() == null) {
				throw new IllegalStateException("handler " + entry.getValue() + " is mapped without path patterns");
			}
			return new Handler(info.getPathPatternsCondition().getPatterns(), info.getMethodsCondition().getMethods(),
					AccessRule.of(entry.getValue()).orElse(null));
		}).toList();
	}

}
