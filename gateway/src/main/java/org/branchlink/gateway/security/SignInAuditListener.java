package org.branchlink.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts sign-ins in the audit log: every failure (with its reason and client address) and every sign-in through the
 * login form. Successful HTTP Basic calls are not recorded one by one (each API call signs in; the log would grow with
 * the traffic); their failures are.
 */
@Component
class SignInAuditListener extends AbstractAuthenticationAuditListener {

	static final String SIGNED_IN = "AUTHENTICATION_SUCCESS";

	static final String FAILED = "AUTHENTICATION_FAILURE";

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			data.put("remoteAddress", details.getRemoteAddress());
		}
		if (event instanceof AbstractAuthenticationFailureEvent failure) {
			data.put("reason", failure.getException().getClass().getSimpleName());
			publish(new AuditEvent(event.getAuthentication().getName(), FAILED, data));
		}
		else if (event instanceof InteractiveAuthenticationSuccessEvent) {
			publish(new AuditEvent(event.getAuthentication().getName(), SIGNED_IN, data));
		}
	}

}
