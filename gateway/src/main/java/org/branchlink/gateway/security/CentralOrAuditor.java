package org.branchlink.gateway.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Central staff ({@code CENTRAL_ADMIN}), or an auditor ({@code AUDITOR}) reading: for the handlers that only show the
 * county's figures, reports and supervision (issue 20, point 7: a read-only role for auditors and the governing board).
 * An access rule for the handler it annotates (a {@link PreAuthorize} under a name); the checks are described in
 * {@code AccessRule}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('CENTRAL_ADMIN','AUDITOR')")
public @interface CentralOrAuditor {

}
