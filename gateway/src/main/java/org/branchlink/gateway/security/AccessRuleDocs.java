package org.branchlink.gateway.security;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of each operation begins with who may call it, written from the handler's {@link AccessRule}
 * ({@code Role: LIBRARIAN or CENTRAL_ADMIN.}); the operation's own description follows.
 */
@Component
class AccessRuleDocs implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		AccessRule.of(handler).ifPresent(rule -> {
			String own = operation.getDescription();
			operation.setDescription(own == null || own.isBlank() ? rule.describe() : rule.describe() + " " + own);
		});
		return operation;
	}

}
