package org.branchlink.gateway.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.ExpressionState;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.web.method.HandlerMethod;

/**
 * Who may call a handler, as the handler states it with {@link PreAuthorize}, written on it or through one of our names
 * for the common rules ({@link Public}, {@link ReaderOnly}, {@link LibrarianOrCentral}, {@link CentralAdminOnly}). A
 * rule names its roles ({@code hasRole}, {@code hasAnyRole}) or is {@code permitAll()}; a rule on a site adds
 * {@code @siteAccess.mayActFor(authentication, #siteId)} with the handler's parameter.
 * <p>
 * The rule is checked twice: on the request, before Spring MVC reads it ({@link HandlerRules}), every part that needs
 * no argument of the call — the roles — so that a caller without the role is refused before their body is read, as
 * when the roles were request matchers; then whole, by method security, when the handler is called.
 */
final class AccessRule {

	private static final SecurityAnnotationScanner<PreAuthorize> SCANNER = SecurityAnnotationScanners
		.requireUnique(PreAuthorize.class);

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private final String expression;

	private final SpelNode ast;

	AccessRule(String expression) {
		this.expression = expression;
		this.ast = PARSER.parseRaw(expression).getAST();
	}

	/** The rule of a handler, found as method security finds it; empty when the handler states none. */
	static Optional<AccessRule> of(HandlerMethod handler) {
		return Optional.ofNullable(SCANNER.scan(handler.getMethod(), handler.getBeanType()))
			.map(annotation -> new AccessRule(annotation.value()));
	}

	String expression() {
		return expression;
	}

	/** Whether anyone may call, signed in or not. */
	boolean isPublic() {
		return ast instanceof MethodReference method && method.getName().equals("permitAll");
	}

	/** The roles the rule names, in the order it names them. */
	List<String> roles() {
		Set<String> roles = new LinkedHashSet<>();
		collectRoles(ast, roles);
		return List.copyOf(roles);
	}

	/** Whether a part of the rule needs the call's arguments or a bean (a site's scope): method security decides it. */
	boolean dependsOnTheCall() {
		return needsTheCall(ast);
	}

	/**
	 * Whether a request may go on to the handler: false when the rule is false whatever the call's arguments (the
	 * caller lacks every role it names), true otherwise.
	 *
	 * @param context an evaluation context of the request, whose root has {@code hasRole} and the like
	 */
	boolean mayAdmit(EvaluationContext context) {
		return evaluate(ast, new ExpressionState(context)) != Truth.FALSE;
	}

	/** What the API description says of the rule: {@code Role: anyone.}, or the roles and, for a site, the rule itself. */
	String describe() {
		if (isPublic()) {
			return "Role: anyone.";
		}
		List<String> roles = roles();
		if (roles.isEmpty()) {
			return "Rule: `" + expression + "`.";
		}
		String names = roles.size() == 1 ? roles.get(0)
				: String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
		return "Role: " + names + "." + (dependsOnTheCall() ? " Rule: `" + expression + "`." : "");
	}

	/** Three-valued: a part that needs the call is neither true nor false before it. */
	private enum Truth {

		TRUE, FALSE, UNKNOWN;

		static Truth of(boolean value) {
			return value ? TRUE : FALSE;
		}

	}

	private static Truth evaluate(SpelNode node, ExpressionState state) {
		if (node instanceof OpAnd) {
			Truth left = evaluate(node.getChild(0), state);
			Truth right = left == Truth.FALSE ? Truth.FALSE : evaluate(node.getChild(1), state);
			return left == Truth.FALSE || right == Truth.FALSE ? Truth.FALSE
					: left == Truth.TRUE && right == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
		}
		if (node instanceof OpOr) {
			Truth left = evaluate(node.getChild(0), state);
			Truth right = left == Truth.TRUE ? Truth.TRUE : evaluate(node.getChild(1), state);
			return left == Truth.TRUE || right == Truth.TRUE ? Truth.TRUE
					: left == Truth.FALSE && right == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
		}
		if (node instanceof OperatorNot) {
			Truth operand = evaluate(node.getChild(0), state);
			return operand == Truth.UNKNOWN ? operand : Truth.of(operand == Truth.FALSE);
		}
		if (needsTheCall(node)) {
			return Truth.UNKNOWN;
		}
		return Truth.of(Boolean.TRUE.equals(node.getValue(state)));
	}

	private static boolean needsTheCall(SpelNode node) {
		if (node instanceof VariableReference || node instanceof BeanReference || node instanceof FunctionReference) {
			return true;
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			if (needsTheCall(node.getChild(i))) {
				return true;
			}
		}
		return false;
	}

	private static void collectRoles(SpelNode node, Set<String> roles) {
		if (node instanceof MethodReference method
				&& (method.getName().equals("hasRole") || method.getName().equals("hasAnyRole"))) {
			for (int i = 0; i < node.getChildCount(); i++) {
				if (node.getChild(i) instanceof StringLiteral literal) {
					roles.add(String.valueOf(literal.getLiteralValue().getValue()));
				}
			}
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collectRoles(node.getChild(i), roles);
		}
	}

}
