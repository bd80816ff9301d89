package org.branchlink.gateway.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Staff: a librarian ({@code LIBRARIAN}) or central staff ({@code CENTRAL_ADMIN}).
 * An access rule for the handler it annotates (a {@link PreAuthorize} under a name); the checks are
 * described in {@code AccessRule}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('LIBRARIAN','CENTRAL_ADMIN')")
public @interface LibrarianOrCentral {

}
